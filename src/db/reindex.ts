import { loadCypherFile, type Contract, type NoRow } from '../cypher/cypherFiles';
import { entityValues, FACT_DERIVATION_VERSION, relationshipId } from '../model/factRows';
import { eventSortKey } from '../model/sortKeys';
import type { Logger } from '../logger';
import { EVENT_KINDS } from '../model/registry';
import { partialDatePrecision } from '../model/partialDate';
import { EntityLabel, type EventKind, type RelationshipType } from '../model/vocabulary';
import type { Executor } from '../neo4j/executor';
import { ensureDerived } from './derived';
import { textOf } from '../errors';

/**
 * A graph written by other tools stays right (docs/model.md, "Writing the graph with other
 * tools"): every fact the writer did not derive — no `derivedVersion`, or an older one — gets
 * what the writer would have given it (sort keys, INVOLVES keys, name keys and :Name nodes,
 * citation keys and counts), in batches of their own transactions, then the whole-graph derived
 * data (degrees, sort keys of entities, tallies) is recomputed. Idempotent: a re-run finds nothing.
 */
type Scan = { after: string; scan: number; version: number };
type EventPage = { events: { id: string; kind: string; date: string | null }[]; next: string | null };
type EventDerivation = {
  id: string;
  label: string;
  roles: string[];
  props: { sortKey: string; datePrecision: string | null | undefined; derivedVersion: number };
};

/** The contracts of cypher/admin/reindex.cypher: each block's parameters and row. */
interface ReindexCypher {
  derivedCounts: Contract<
    { version: number },
    Record<
      'entities' | 'derivedEntities' | 'events' | 'derivedEvents' | 'relationships' | 'derivedRelationships',
      number
    >
  >;
  underivedEntities: Contract<Scan, { entities: StoredEntity[]; next: string | null }>;
  deriveEntities: Contract<{ rows: ReturnType<typeof derivableEntity> }, NoRow>;
  underivedEvents: Contract<Scan, EventPage>;
  deriveEvents: Contract<{ rows: EventDerivation[] }, NoRow>;
  underivedRelationships: Contract<
    { scan: number; version: number },
    { ref: string; type: string; from: string; to: string; id: string | null }
  >;
  deriveRelationships: Contract<{ rows: { ref: string; from: string; id: string }[]; version: number }, NoRow>;
}

const q = loadCypherFile<ReindexCypher>('admin/reindex.cypher', [
  'derivedCounts',
  'underivedEntities',
  'deriveEntities',
  'underivedEvents',
  'deriveEvents',
  'underivedRelationships',
  'deriveRelationships',
]);

export interface Underived {
  entities: number;
  events: number;
  relationships: number;
  total: number;
}

/** How many facts lack the current derivation: count store against index seeks, no scan. */
export async function countUnderived(db: Executor): Promise<Underived> {
  const [row] = await db.read(q.derivedCounts, { version: FACT_DERIVATION_VERSION });
  const entities = row!.entities - row!.derivedEntities;
  const events = row!.events - row!.derivedEvents;
  const relationships = row!.relationships - row!.derivedRelationships;
  return { entities, events, relationships, total: entities + events + relationships };
}

export interface ReindexProgress {
  (done: { kind: string; count: number }): void;
}

const BATCH = 1000;

/** Derives every underived fact; returns how many of each kind were derived. */
export async function reindex(
  db: Executor,
  logger: Logger,
  progress: ReindexProgress = () => undefined,
): Promise<Omit<Underived, 'total'>> {
  const version = FACT_DERIVATION_VERSION;
  const done = { entities: 0, events: 0, relationships: 0 };

  for (let after: string | null = ''; after !== null;) {
    const entityPage: { entities: StoredEntity[]; next: string | null } = (
      await db.read(q.underivedEntities, {
        after,
        scan: BATCH,
        version,
      })
    )[0]!;
    const rows = entityPage.entities.flatMap((e) => derivableEntity(e, logger));
    if (rows.length) await db.writeAll('deriveEntities', (run) => run(q.deriveEntities, { rows }));
    done.entities += rows.length;
    progress({ kind: 'entities', count: done.entities });
    after = entityPage.next;
  }

  for (let after: string | null = ''; after !== null;) {
    const eventPage: EventPage = (await db.read(q.underivedEvents, { after, scan: BATCH, version }))[0]!;
    const rows = eventPage.events.flatMap((e): EventDerivation[] => {
      const spec = EVENT_KINDS[e.kind as EventKind];
      if (!spec) {
        logger.warn({ id: e.id, kind: e.kind }, 'event of an unknown kind left underived');
        return [];
      }
      const date = e.date ?? null;
      return [
        {
          id: e.id,
          label: spec.label,
          roles: spec.roles.map((r) => r.role),
          props: {
            sortKey: eventSortKey(date, e.id),
            datePrecision: date ? partialDatePrecision(date) : null,
            derivedVersion: version,
          },
        },
      ];
    });
    if (rows.length) await db.writeAll('deriveEvents', (run) => run(q.deriveEvents, { rows }));
    done.events += rows.length;
    progress({ kind: 'events', count: done.events });
    after = eventPage.next;
  }

  for (;;) {
    const found = await db.read(q.underivedRelationships, { scan: BATCH, version });
    if (!found.length) break;
    const rows = found.map((r) => ({
      ref: r.ref,
      from: r.from,
      id: r.id ?? relationshipId({ type: r.type as RelationshipType, from: r.from, to: r.to }),
    }));
    await db.writeAll('deriveRelationships', (run) => run(q.deriveRelationships, { rows, version }));
    done.relationships += rows.length;
    progress({ kind: 'relationships', count: done.relationships });
  }

  if (done.entities + done.events + done.relationships > 0) await ensureDerived(db, logger, { force: true });
  return done;
}

interface StoredEntity {
  id: string;
  label: string | null;
  labels: string[];
  name: string | null;
  aliases: string[] | null;
  description: string | null;
  categories: string[] | null;
  anonymous: boolean | null;
}

/** An entity's derived row, as the writer would make it; one whose stored values break the contract is logged and left. */
function derivableEntity(e: StoredEntity, logger: Logger) {
  const label = (Object.values(EntityLabel) as string[]).find((l) => e.labels.includes(l) || e.label === l) as
    EntityLabel | undefined;
  try {
    if (!label) throw new Error('no entity label (Person, Organization, Product or Group)');
    const row = entityValues(
      {
        id: e.id,
        label,
        name: e.name ?? '',
        aliases: e.aliases ?? undefined,
        description: e.description ?? undefined,
        categories: e.categories ?? undefined,
        anonymous: e.anonymous ?? undefined,
      },
      e.id,
    );
    return [{ id: row.id, label: row.label, props: row.props }];
  } catch (error) {
    logger.warn({ id: e.id, reason: textOf(error) }, 'entity left underived: it breaks the writing contract');
    return [];
  }
}

/** The start-up's check: derives the facts that need it when the counts say there are any. */
export async function reindexIfNeeded(db: Executor, logger: Logger): Promise<void> {
  const underived = await countUnderived(db);
  if (!underived.total) return;
  logger.info(underived, 'facts without the writer’s derived data: deriving them');
  const done = await reindex(db, logger);
  logger.info(done, 'facts derived');
}
