// Generated from cypher/seed/data/ and the registry by `npm run model:emit` (src/seed/seedCounts.ts): do not edit.
import type { EntityLabel, EventKind, RelationshipType } from '../../src/model/vocabulary';

/**
 * What the seed data holds, as literal numbers: a lost or duplicated record changes one of them.
 * Checked on the files (test/unit/seed-data.test.ts) and on the loaded graph (test/integration/seed.test.ts).
 * Regenerated after a deliberate change of the seed data or of the kinds: the diff shows what it adds or loses.
 */
export const EXPECTED_ENTITY_LABELS: Record<EntityLabel, number> = {
  Person: 19,
  Organization: 35,
  Product: 2,
  Group: 6,
};
export const EXPECTED_ANONYMOUS = 10;
/** Events per kind in the files, every kind of the registry (zero when it has no seed data). */
export const EXPECTED_EVENT_KINDS: Record<EventKind, number> = {
  ARBITRATION: 1,
  ACQUISITION: 3,
  LICENSING_DEAL: 1,
  TALENT_MOVE: 3,
  FUNDING_ROUND: 1,
  PRICE_CUT: 1,
  STATEMENT: 29,
  METRIC: 13,
  PRODUCT_LAUNCH: 2,
  FOUNDING: 1,
  MARKET_ENTRY: 1,
};
/** Talent moves the writer derives from other events (the joiners of a licensing deal). */
export const EXPECTED_IMPLIED_MOVES = 1;
/** Events per kind in the loaded graph: the files' events plus the implied moves. */
export const EXPECTED_GRAPH_EVENT_KINDS: Record<EventKind, number> = {
  ARBITRATION: 1,
  ACQUISITION: 3,
  LICENSING_DEAL: 1,
  TALENT_MOVE: 4,
  FUNDING_ROUND: 1,
  PRICE_CUT: 1,
  STATEMENT: 29,
  METRIC: 13,
  PRODUCT_LAUNCH: 2,
  FOUNDING: 1,
  MARKET_ENTRY: 1,
};
export const EXPECTED_RELATIONSHIP_TYPES: Record<RelationshipType, number> = {
  FOUNDED: 5,
  WORKS_AT: 9,
  PARTNER_AT: 1,
  SUBSIDIARY_OF: 4,
  INVESTED_IN: 4,
  MAKES: 2,
  MEMBER_OF: 5,
};
