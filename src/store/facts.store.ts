import { loadCypherFile, type Contract, type NoParams, type NoRow } from '../cypher/cypherFiles';
import { compatibleSortKeyRanges } from '../model/eventIdentity';
import type { FactRows } from '../model/factRows';
import type { FactKind } from '../model/records';
import { MOVE_DESTINATION_ROLE } from '../model/registry';
import type { Executor, Run } from '../neo4j/executor';
import { changesStore } from './changes.store';
import type { Author, RevisionRow } from './rows';
import type { TallyChanges } from './stats.store';

type Rows<T> = { rows: T[] };
type Written<T> = Rows<T> & { principal: string };
type FactRef = { kind: FactKind; factId: string; from: string | null; to: string | null };

/** The contracts of cypher/queries/facts.cypher: each block's parameters and row. */
interface FactsCypher {
  lockNames: Contract<{ keys: string[] }, NoRow>;
  lockFacts: Contract<{ ids: string[]; revisionOf: string[] }, { id: string; revision: string | null }>;
  checkFacts: Contract<{ check: CheckQuery }, CheckRow>;
  similarEvents: Contract<
    {
      reports: { key: number; kind: string; entityIds: string[]; ranges: { lower: string; upper: string }[] }[];
      limit: number;
    },
    { key: number; candidates: (SimilarEvent['candidates'][number] & { props?: StoredProps })[] }
  >;
  writeSources: Contract<Written<FactRows['sources'][number]>, NoRow>;
  writeEntities: Contract<Written<FactRows['entities'][number]>, NoRow>;
  writeRelationships: Contract<Written<FactRows['relationships'][number]>, NoRow>;
  writeEvents: Contract<Written<FactRows['events'][number]>, { events: number }>;
  addCitations: Contract<Written<CitationWrite>, NoRow>;
  removeCitations: Contract<Rows<CitationRemoval>, NoRow>;
  refreshCitationCounts: Contract<Rows<FactRef>, NoRow>;
  factCitations: Contract<
    { fact: { kind: FactKind; id: string; from: string | null; to: string | null }; sourceId: string },
    { exists: boolean; citations: { sourceId: string; quote: string }[]; otherSources: boolean }
  >;
  refreshEntityStats: Contract<{ ids: string[] }, NoRow>;
  allEntityIds: Contract<NoParams, { id: string }>;
  recordRevisions: Contract<Written<RevisionRow> & { role: string; reason: string | null }, { id: string }>;
  retractFacts: Contract<
    { ids: string[]; principal: string; reason: string; destinationRole: string },
    { retracted: string[]; touched: string[] } & TallyChanges
  >;
  history: Contract<{ id: string; limit: number }, { revision: HistoryRow }>;
}

/** cypher/queries/facts.cypher with typed parameters and rows; statements run in the caller's transaction. */
const q = loadCypherFile<FactsCypher>('queries/facts.cypher', [
  'lockNames',
  'lockFacts',
  'checkFacts',
  'similarEvents',
  'writeSources',
  'writeEntities',
  'writeRelationships',
  'writeEvents',
  'addCitations',
  'removeCitations',
  'refreshCitationCounts',
  'factCitations',
  'refreshEntityStats',
  'allEntityIds',
  'recordRevisions',
  'retractFacts',
  'history',
]);

export type { Author, RevisionRow } from './rows';

export type StoredProps = Record<string, unknown>;

/** What checkFacts is asked (src/facts/factPlan.ts checkParams): every reference and citation a write makes. */
export type CheckQuery = {
  entityIds: string[];
  newEntityIds: string[];
  citations: { key: number; sourceId: string; quote: string }[];
  newSources: { id: string; text: string | null }[];
  sourceIds: string[];
  nodes: { id: string; label: string }[];
  relationships: { id: string; from: string; to: string }[];
  facts: { key: number; kind: FactKind; id: string; from: string | null; to: string | null; sourceIds: string[] }[];
  names: { id: string; label: string; keys: string[] }[];
};

export interface CheckRow {
  missingEntities: string[];
  missingSources: string[];
  /** Where each citation's quote starts in its source's text; null when it is not a verbatim span. */
  quoted: { key: number; offset: number | null }[];
  entityLabels: { id: string; label: string }[];
  labelConflicts: string[];
  sources: { id: string; props: StoredProps; cited: boolean }[];
  entities: { id: string; props: StoredProps }[];
  events: { id: string; props: StoredProps; participants: { role: string; id: string }[] }[];
  relationships: { id: string; props: StoredProps }[];
  retracted: string[];
  /** Per fact the write names (by key): whether it exists, its citation count, its citations from the sources the write cites. */
  facts: { key: number; exists: boolean; citationCount: number; citations: { sourceId: string; quote: string }[] }[];
  sameNames: { id: string; existing: string[] }[];
}

/** Events that may report the same as a new one (cypher/queries/facts.cypher similarEvents). */
export interface SimilarEvent {
  id: string;
  candidates: {
    id: string;
    kind: string;
    date: string | null;
    participants: { role: string; id: string }[];
    props: StoredProps;
  }[];
}

/** A citation to add: on an event (CITES), an entity (MENTIONED_IN) or a relationship (RELATIONSHIP_CITED_IN from `from`). */
export interface CitationWrite {
  kind: FactKind;
  factId: string;
  from: string | null;
  sourceId: string;
  quote: string;
  offset: number;
  position: number;
}

export type CitationRemoval = Pick<CitationWrite, 'kind' | 'factId' | 'sourceId' | 'quote'>;

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
  /** Locks fact ids (sorted here) until the transaction ends; the latest revision of those in `revisionOf`. */
  lockFacts: (run: Run, ids: string[], revisionOf: string[] = []) =>
    run(q.lockFacts, { ids: [...new Set(ids)].sort(), revisionOf }),
  check: async (run: Run, params: CheckQuery): Promise<CheckRow> => (await run(q.checkFacts, { check: params }))[0]!,
  /** For each new event, the stored events of its kind that its least connected participant takes part in at a compatible date. */
  async similarEvents(
    run: Run,
    events: { id: string; kind: string; date: string | null; entityIds: string[] }[],
    limit = 50,
  ): Promise<SimilarEvent[]> {
    if (!events.length) return [];
    const reports = events.map((e, key) => ({
      key,
      kind: e.kind,
      entityIds: [...new Set(e.entityIds)],
      ranges: compatibleSortKeyRanges(e.date),
    }));
    const rows = await run(q.similarEvents, { reports, limit });
    return rows.map((r) => ({
      id: events[r.key]!.id,
      candidates: r.candidates.map(({ id, kind, date, participants, ...props }) => ({
        id,
        kind,
        date,
        participants,
        props: { ...props },
      })),
    }));
  },
  writeSources: (run: Run, rows: FactRows['sources'], by: Author) =>
    run(q.writeSources, { rows, principal: by.principal }),
  writeEntities: (run: Run, rows: FactRows['entities'], by: Author) =>
    run(q.writeEntities, { rows, principal: by.principal }),
  writeRelationships: (run: Run, rows: FactRows['relationships'], by: Author) =>
    run(q.writeRelationships, { rows, principal: by.principal }),
  writeEvents: (run: Run, rows: FactRows['events'], by: Author) =>
    run(q.writeEvents, { rows, principal: by.principal }),
  addCitations: (run: Run, rows: CitationWrite[], by: Author) => run(q.addCitations, { rows, principal: by.principal }),
  removeCitations: (run: Run, rows: CitationRemoval[]) => run(q.removeCitations, { rows }),
  /** A fact's citations from one source, and whether another source states it. */
  async factCitations(
    run: Run,
    fact: { kind: FactKind; id: string; from: string | null; to: string | null },
    sourceId: string,
  ) {
    return (await run(q.factCitations, { fact, sourceId }))[0]!;
  },
  refreshCitationCounts: (
    run: Run,
    rows: { kind: FactKind; factId: string; from: string | null; to: string | null }[],
  ) => run(q.refreshCitationCounts, { rows }),
  /** Records the revisions, and appends them to the change log as this transaction's last statement (src/store/changes.store.ts). */
  async recordRevisions(run: Run, rows: RevisionRow[], by: Author, reason: string | null): Promise<void> {
    const ids = await run(q.recordRevisions, { rows, principal: by.principal, role: by.role, reason });
    await changesStore.record(
      run,
      rows.map((row, i) => ({ ...row, revisionId: ids[i]!.id })),
      by,
    );
  },
  /** Degree and sort keys of the entities a write touched (cypher/queries/facts.cypher). */
  refreshEntityStats: (run: Run, ids: string[]) => run(q.refreshEntityStats, { ids }),
  /** Every entity's stats, in write transactions of `batch` entities (src/db/derived.ts). */
  async refreshAllEntityStats(db: Executor, batch = 20_000): Promise<number> {
    const ids = (await db.read(q.allEntityIds)).map((r) => r.id);
    for (let i = 0; i < ids.length; i += batch)
      await db.writeAll('refreshEntityStats', (run) => run(q.refreshEntityStats, { ids: ids.slice(i, i + batch) }));
    return ids.length;
  },
  /** Retracts facts; `tallies` is what the event tallies must recount (statsStore.refreshTallies). */
  async retract(
    run: Run,
    ids: string[],
    by: Author,
    reason: string,
  ): Promise<{ retracted: string[]; touched: string[]; tallies: TallyChanges }> {
    const [row] = await run(q.retractFacts, {
      ids,
      principal: by.principal,
      reason,
      destinationRole: MOVE_DESTINATION_ROLE,
    });
    if (!row) return { retracted: [], touched: [], tallies: { events: [], destinations: [] } };
    return {
      retracted: row.retracted,
      touched: row.touched,
      tallies: { events: row.events, destinations: row.destinations },
    };
  },
  history: async (run: Run, id: string, limit: number): Promise<HistoryRow[]> =>
    (await run(q.history, { id, limit })).map((r) => r.revision),
};
