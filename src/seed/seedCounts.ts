import { impliedMoves } from '../model/factRows';
import type { FactSet } from '../model/records';
import { EVENT_KIND_LIST, RELATIONSHIP_TYPE_LIST } from '../model/registry';
import { EntityLabel } from '../model/vocabulary';

/** Counts of `keys` among `values`, every key present (zero when none), in the keys' order. */
function tally<K extends string>(keys: readonly K[], values: readonly string[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, values.filter((v) => v === key).length])) as Record<K, number>;
}

/** What a set of seed records holds, per label, kind and type: the seed tests' expectations. */
export function seedCounts(data: FactSet) {
  const implied = data.events.flatMap(impliedMoves);
  return {
    entityLabels: tally(
      Object.values(EntityLabel),
      data.entities.map((e) => e.label),
    ),
    anonymous: data.entities.filter((e) => e.anonymous === true).length,
    eventKinds: tally(
      EVENT_KIND_LIST,
      data.events.map((e) => e.kind),
    ),
    impliedMoves: implied.length,
    graphEventKinds: tally(
      EVENT_KIND_LIST,
      [...data.events, ...implied].map((e) => e.kind),
    ),
    relationshipTypes: tally(
      RELATIONSHIP_TYPE_LIST,
      data.relationships.map((r) => r.type),
    ),
  };
}

const object = (counts: Record<string, number>) =>
  `{\n${Object.entries(counts)
    .map(([key, n]) => `  ${key}: ${n},\n`)
    .join('')}}`;

/** test/support/seedExpectations.ts, written by `npm run model:emit` (src/tools/emitModel.ts). */
export function seedExpectationsModule(data: FactSet): string {
  const counts = seedCounts(data);
  return `// Generated from cypher/seed/data/ and the registry by \`npm run model:emit\` (src/seed/seedCounts.ts): do not edit.
import type { EntityLabel, EventKind, RelationshipType } from '../../src/model/vocabulary';

/**
 * What the seed data holds, as literal numbers: a lost or duplicated record changes one of them.
 * Checked on the files (test/unit/seed-data.test.ts) and on the loaded graph (test/integration/seed.test.ts).
 * Regenerated after a deliberate change of the seed data or of the kinds: the diff shows what it adds or loses.
 */
export const EXPECTED_ENTITY_LABELS: Record<EntityLabel, number> = ${object(counts.entityLabels)};
export const EXPECTED_ANONYMOUS = ${counts.anonymous};
/** Events per kind in the files, every kind of the registry (zero when it has no seed data). */
export const EXPECTED_EVENT_KINDS: Record<EventKind, number> = ${object(counts.eventKinds)};
/** Talent moves the writer derives from other events (the joiners of a licensing deal). */
export const EXPECTED_IMPLIED_MOVES = ${counts.impliedMoves};
/** Events per kind in the loaded graph: the files' events plus the implied moves. */
export const EXPECTED_GRAPH_EVENT_KINDS: Record<EventKind, number> = ${object(counts.graphEventKinds)};
export const EXPECTED_RELATIONSHIP_TYPES: Record<RelationshipType, number> = ${object(counts.relationshipTypes)};
`;
}
