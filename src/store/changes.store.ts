import { loadCypherFile } from '../cypher/cypherFiles';
import { factKindOf } from '../model/factRows';
import { beforeCommit, type Reader, type Run } from '../neo4j/executor';
import type { Author, RevisionRow } from './facts.store';

/** cypher/queries/changes.cypher with typed parameters and rows: the change log. */
const q = loadCypherFile('queries/changes.cypher', [
  'appendChanges',
  'changesAfter',
  'changesOfTargets',
  'changesOfKinds',
  'lastChange',
]);
export const changesQueries = q;

/** What a change did to its target; a revision's action, with CREATE called ADD. */
export type ChangeOp = 'ADD' | 'UPDATE' | 'CORROBORATE' | 'WITHDRAW' | 'RETRACT';
export type ChangeTargetKind = 'ENTITY' | 'EVENT' | 'RELATIONSHIP' | 'SOURCE';

export interface ChangeRow {
  /** Its place in the log: dense, in commit order. */
  seq: number;
  op: ChangeOp;
  targetId: string;
  targetKind: ChangeTargetKind;
  revisionId: string;
  fields: string[];
  principal: string;
  role: string;
  /** ISO 8601: when the transaction appended it, just before its commit. */
  at: string;
}

/** Which changes a reader wants: null is any. */
export interface ChangeFilter {
  kinds: ChangeTargetKind[] | null;
  targets: string[] | null;
}

/** No upper bound (the largest integer a JavaScript number holds exactly). */
export const NO_UPPER = Number.MAX_SAFE_INTEGER;

const OPS: Record<RevisionRow['action'], ChangeOp> = {
  CREATE: 'ADD',
  UPDATE: 'UPDATE',
  CORROBORATE: 'CORROBORATE',
  WITHDRAW: 'WITHDRAW',
  RETRACT: 'RETRACT',
};

export const targetKindOf = (id: string): ChangeTargetKind =>
  id.startsWith('source/') ? 'SOURCE' : (factKindOf(id) ?? 'ENTITY');

type PendingRow = Omit<ChangeRow, 'seq' | 'at'>;
const pending = new WeakMap<Run, PendingRow[]>();

export const changesStore = {
  /**
   * Adds revisions to the change log of `run`'s transaction: gathered over the whole transaction
   * (an import writes many chunks in one) and appended by one statement, the transaction's last
   * (Executor.beforeCommit), so the log's lock is held only from there to the commit.
   */
  async record(run: Run, revisions: (RevisionRow & { revisionId: string })[], by: Author): Promise<void> {
    if (!revisions.length) return;
    const rows = revisions.map((r) => ({
      op: OPS[r.action],
      targetId: r.targetId,
      targetKind: targetKindOf(r.targetId),
      revisionId: r.revisionId,
      fields: r.fields,
      principal: by.principal,
      role: by.role,
    }));
    const gathered = pending.get(run);
    if (gathered) return void gathered.push(...rows);
    pending.set(run, rows);
    await beforeCommit(run, async (last) => {
      const all = pending.get(run) ?? [];
      pending.delete(run);
      if (all.length) await last(q.appendChanges, { rows: all });
    });
  },

  /** Changes numbered in (after, upto] that match `filter`, in log order, at most `limit`: each read starts from an index. */
  async page(read: Reader, after: number, upto: number, filter: ChangeFilter, limit: number): Promise<ChangeRow[]> {
    const params = { after, upto, limit };
    const rows = filter.targets
      ? await read<{ change: ChangeRow }>(q.changesOfTargets, {
          ...params,
          targets: filter.targets,
          kinds: filter.kinds,
        })
      : filter.kinds
        ? await read<{ change: ChangeRow }>(q.changesOfKinds, { ...params, kinds: filter.kinds })
        : await read<{ change: ChangeRow }>(q.changesAfter, params);
    return rows.map((r) => r.change);
  },

  /** The newest change's number (0: none yet). */
  last: async (read: Reader): Promise<number> => (await read<{ seq: number }>(q.lastChange))[0]?.seq ?? 0,
};
