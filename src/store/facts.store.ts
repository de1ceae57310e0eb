import { loadCypherFile } from '../cypher/cypherFiles';
import type { FactRows } from '../facts/facts';
import { MOVE_DESTINATION_ROLE } from '../model/registry';
import type { Executor, Run } from '../neo4j/executor';
import type { TallyChanges } from './stats.store';

/** cypher/queries/facts.cypher with typed parameters and rows; statements run in the caller's transaction. */
const q = loadCypherFile('queries/facts.cypher', [
  'lockNames',
  'checkFacts',
  'writeSources',
  'writeEntities',
  'writeRelationships',
  'writeEvents',
  'refreshEntityStats',
  'allEntityIds',
  'recordRevisions',
  'retractFacts',
  'history',
]);

export interface CheckParams {
  entityIds: string[];
  newEntityIds: string[];
  citations: { sourceId: string; quote: string }[];
  newSources: { id: string; text: string | null }[];
  sourceIds: string[];
  nodes: { id: string; label: string }[];
  relationshipIds: string[];
  names: { id: string; label: string; keys: string[] }[];
}

export type StoredProps = Record<string, unknown>;

export interface CheckRow {
  missingEntities: string[];
  missingSources: string[];
  unquotable: string[];
  entityLabels: { id: string; label: string }[];
  labelConflicts: string[];
  sources: { id: string; props: StoredProps; cited: boolean }[];
  entities: { id: string; props: StoredProps }[];
  events: { id: string; props: StoredProps; participants: { role: string; id: string }[]; quotes: string[] }[];
  relationships: { id: string; props: StoredProps }[];
  retracted: string[];
  sameNames: { id: string; existing: string[] }[];
}

export interface RevisionRow {
  targetId: string;
  action: 'CREATE' | 'UPDATE' | 'RETRACT';
  fields: string[];
  before: string | null;
  after: string | null;
}

export interface Author {
  principal: string;
  role: string;
}

export interface HistoryRow {
  id: string;
  action: string;
  fields: string[];
  before: string | null;
  after: string | null;
  principal: string;
  role: string;
  reason: string | null;
  at: string;
}

export const factsStore = {
  lockNames: (run: Run, keys: string[]) => run(q.lockNames, { keys }),
  check: async (run: Run, params: CheckParams): Promise<CheckRow> => (await run<CheckRow>(q.checkFacts, { ...params }))[0]!,
  writeSources: (run: Run, rows: FactRows['sources'], by: Author) => run(q.writeSources, { rows, principal: by.principal }),
  writeEntities: (run: Run, rows: FactRows['entities'], by: Author) => run(q.writeEntities, { rows, principal: by.principal }),
  writeRelationships: (run: Run, rows: FactRows['relationships'], by: Author) => run(q.writeRelationships, { rows, principal: by.principal }),
  writeEvents: (run: Run, rows: FactRows['events'], by: Author) => run(q.writeEvents, { rows, principal: by.principal }),
  recordRevisions: (run: Run, rows: RevisionRow[], by: Author, reason: string | null) =>
    run(q.recordRevisions, { rows, principal: by.principal, role: by.role, reason }),
  /** Degree and sort keys of the entities a write touched (cypher/queries/facts.cypher). */
  refreshEntityStats: (run: Run, ids: string[]) => run(q.refreshEntityStats, { ids }),
  /** Every entity's stats, in write transactions of `batch` entities (src/db/derived.ts). */
  async refreshAllEntityStats(db: Executor, batch = 20_000): Promise<number> {
    const ids = (await db.read<{ id: string }>(q.allEntityIds)).map((r) => r.id);
    for (let i = 0; i < ids.length; i += batch) await db.writeAll('refreshEntityStats', (run) => run(q.refreshEntityStats, { ids: ids.slice(i, i + batch) }));
    return ids.length;
  },
  /** Retracts facts; `tallies` is what the event tallies must recount (statsStore.refreshTallies). */
  async retract(run: Run, ids: string[], by: Author, reason: string): Promise<{ retracted: string[]; touched: string[]; tallies: TallyChanges }> {
    const [row] = await run<{ retracted: string[]; touched: string[] } & TallyChanges>(q.retractFacts, {
      ids,
      principal: by.principal,
      reason,
      destinationRole: MOVE_DESTINATION_ROLE,
    });
    if (!row) return { retracted: [], touched: [], tallies: { events: [], destinations: [] } };
    return { retracted: row.retracted, touched: row.touched, tallies: { events: row.events, destinations: row.destinations } };
  },
  history: async (run: Run, id: string, limit: number): Promise<HistoryRow[]> =>
    (await run<{ revision: HistoryRow }>(q.history, { id, limit })).map((r) => r.revision),
};
