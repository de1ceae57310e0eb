import { loadCypherFile, type Contract, type NoRow } from '../cypher/cypherFiles';
import { periodSortKeyRange, sortKeyRange, tallyPeriod } from '../model/sortKeys';
import { MOVE_DESTINATION_ROLE } from '../model/registry';
import type { EventKind } from '../model/vocabulary';
import type { Executor, Reader, Run } from '../neo4j/executor';
import type { EntityRow } from './rows';

type Range = { kinds: EventKind[]; lower: string; upper: string };

/** The contracts of cypher/queries/stats.cypher: each block's parameters and row. */
interface StatsCypher {
  lockTallies: Contract<{ tallies: TallyKey[] }, NoRow>;
  countEventTallies: Contract<{ tallies: { id: string; kind: string | null; lower: string; upper: string }[] }, NoRow>;
  countMoveTallies: Contract<{ tallies: { id: string; entityId: string | null }[]; role: string }, NoRow>;
  allTallyKeys: Contract<
    { role: string },
    { measure: string; kind: string | null; date: string | null; entityId: string | null }
  >;
  eventCountsByKind: Contract<Range, { kind: EventKind; count: number }>;
  eventCountsByPeriod: Contract<Range & { by: PeriodUnit }, PeriodRow>;
  topDestinations: Contract<{ limit: number }, DestinationRow>;
}

/** cypher/queries/stats.cypher with typed parameters and rows: the event tallies and their reads. */
const q = loadCypherFile<StatsCypher>('queries/stats.cypher', [
  'lockTallies',
  'countEventTallies',
  'countMoveTallies',
  'allTallyKeys',
  'eventCountsByKind',
  'eventCountsByPeriod',
  'topDestinations',
]);
export const statsQueries = q;

/** What a write may have changed the counts of: events (kind and date, before and after) and moves' destinations. */
export interface TallyChanges {
  events: { kind: string; date: string | null }[];
  destinations: string[];
}

export interface TallyKey {
  id: string;
  measure: 'events' | 'movesTo';
  kind: string | null;
  period: string | null;
  entityId: string | null;
}

export type PeriodUnit = 'MONTH' | 'YEAR';

export interface PeriodRow {
  /** "2024-05", "2024" (by year, or the year-only dates by month), or UNDATED. */
  period: string;
  count: number;
}

export interface DestinationRow {
  organization: EntityRow;
  moves: number;
}

export interface StatsFilter {
  kinds: EventKind[];
  /** Partial dates, inclusive, at most to the month (the tallies' finest period). */
  from?: string | null;
  to?: string | null;
}

/** The id of the tally of events of `kind` in `period` (a tallyPeriod). */
export const eventTallyId = (kind: string, period: string) => `tally/events/${kind}/${period}`;

/** The tallies of `changes`, each once, in id order (the order writers lock them in). */
export function tallyKeys(changes: TallyChanges): TallyKey[] {
  const keys = new Map<string, TallyKey>();
  for (const { kind, date } of changes.events) {
    const period = tallyPeriod(date);
    const id = eventTallyId(kind, period);
    keys.set(id, { id, measure: 'events', kind, period, entityId: null });
  }
  for (const entityId of changes.destinations) {
    const id = `tally/movesTo/${entityId}`;
    keys.set(id, { id, measure: 'movesTo', kind: null, period: null, entityId });
  }
  return [...keys.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Keys a whole-graph recompute counts per write transaction. */
const RECOMPUTE_BATCH = 2_000;

/**
 * Brings tallies in line with what is committed, inside the caller's write transaction: first lock
 * them all (one statement), then recount each from an index (later statements), so concurrent
 * writers of a key serialise and the last one counts everything.
 */
async function refreshKeys(run: Run, keys: TallyKey[]): Promise<void> {
  if (!keys.length) return;
  await run(q.lockTallies, { tallies: keys });
  const events = keys
    .filter((k) => k.measure === 'events')
    .map((k) => ({ id: k.id, kind: k.kind, ...periodSortKeyRange(k.period!) }));
  const moves = keys.filter((k) => k.measure === 'movesTo').map((k) => ({ id: k.id, entityId: k.entityId }));
  if (events.length) await run(q.countEventTallies, { tallies: events });
  if (moves.length) await run(q.countMoveTallies, { tallies: moves, role: MOVE_DESTINATION_ROLE });
}

export const statsStore = {
  /** The tallies a write changed (factWriter, retract), in its transaction. */
  refreshTallies: (run: Run, changes: TallyChanges): Promise<void> => refreshKeys(run, tallyKeys(changes)),

  /** Every tally recounted (src/db/derived.ts), in write transactions of `batch` keys; returns how many. */
  async recomputeAllTallies(db: Executor, batch = RECOMPUTE_BATCH): Promise<number> {
    const rows = await db.read(q.allTallyKeys, { role: MOVE_DESTINATION_ROLE });
    const keys = tallyKeys({
      events: rows.filter((r) => r.measure === 'events').map((r) => ({ kind: r.kind!, date: r.date })),
      destinations: rows.filter((r) => r.measure === 'movesTo').map((r) => r.entityId!),
    });
    for (let i = 0; i < keys.length; i += batch)
      await db.writeAll('eventTallies', (run) => refreshKeys(run, keys.slice(i, i + batch)));
    return keys.length;
  },

  async countsByKind(read: Reader, filter: StatsFilter): Promise<{ kind: EventKind; count: number }[]> {
    const { lower, upper } = sortKeyRange(filter.from, filter.to);
    return read(q.eventCountsByKind, { kinds: filter.kinds, lower, upper });
  },

  async countsByPeriod(read: Reader, filter: StatsFilter & { by: PeriodUnit }): Promise<PeriodRow[]> {
    const { lower, upper } = sortKeyRange(filter.from, filter.to);
    return read(q.eventCountsByPeriod, { kinds: filter.kinds, by: filter.by, lower, upper });
  },

  topDestinations: (read: Reader, limit: number): Promise<DestinationRow[]> => read(q.topDestinations, { limit }),
};
