import { createHash } from 'node:crypto';
import { loadCypherFile } from '../cypher/cypherFiles';
import { Conflict, DomainError, InvalidInput, NotFound, TransactionMemoryExceeded, textOf } from '../errors';
import { emptyDerivedWork, refreshDerived, writeFacts, type Author, type FactResult } from '../facts/factWriter';
import type { FactSet } from '../model/records';
import type { Executor } from '../neo4j/executor';
import type { ParsedFile } from './jsonl';

/**
 * The bulk import (npm run import): a parsed file's records through the same checked writer as
 * the API (src/facts/factWriter.ts), in create mode (new facts are added, the same values with
 * new citations corroborate, other values are a CONFLICT). A file of up to transactionRecords()
 * records (up to 100,000, as the server's memory allows) is one transaction: all or nothing. A larger one is written in groups of that size,
 * each committed with the file's progress (:ImportState), so a re-run resumes after the last
 * committed group; a re-run of a committed group changes nothing (the writer is idempotent).
 * Within a transaction the records go in chunks (sources, entities, relationships, events,
 * corroborations in that order), each chunk's check seeing what the earlier ones wrote.
 */
const q = loadCypherFile('admin/import.cypher', ['importState', 'recordImportState', 'transactionMemory']);

/** The most records one transaction takes: a file of up to this many is all or nothing, if memory allows. */
export const MAX_TRANSACTION_RECORDS = 100_000;
/** Neo4j heap one imported record holds until its transaction commits (bench/import.ts measures it: 32 kB). */
export const RECORD_TRANSACTION_BYTES = 32 * 1024;
export const CHUNK_RECORDS = 5_000;

const UNITS: Record<string, number> = {
  B: 1,
  KIB: 2 ** 10,
  MIB: 2 ** 20,
  GIB: 2 ** 30,
  TIB: 2 ** 40,
  K: 2 ** 10,
  M: 2 ** 20,
  G: 2 ** 30,
};
const bytesOf = (value: unknown): number => {
  const m = /^([\d.]+)\s*([A-Za-z]*)$/.exec(textOf(value ?? '').trim());
  return m ? Number(m[1]) * (UNITS[m[2]!.toUpperCase() || 'B'] ?? 0) : 0;
};

/**
 * Records per transaction: IMPORT_TRANSACTION_RECORDS when set, else as many as the server's
 * transaction memory holds with a fifth to spare (the smallest of its limits), at most 100,000:
 * 18,000 on the embedded Neo4j's default 1 GB heap, 100,000 from about 5 GB.
 */
export async function transactionRecords(db: Executor): Promise<{ records: number; basis: string }> {
  const set = process.env.IMPORT_TRANSACTION_RECORDS;
  if (set)
    return {
      records: Math.max(1, Math.min(MAX_TRANSACTION_RECORDS, Number(set))),
      basis: 'IMPORT_TRANSACTION_RECORDS',
    };
  const limits = (await db.read<{ name: string; value: string | null }>(q.transactionMemory, {}))
    .map((s) => ({ ...s, bytes: bytesOf(s.value) }))
    .filter((s) => s.bytes > 0);
  if (!limits.length) return { records: MAX_TRANSACTION_RECORDS, basis: 'no transaction memory limit' };
  const tightest = limits.reduce((a, b) => (b.bytes < a.bytes ? b : a));
  const records = Math.max(
    1_000,
    Math.min(MAX_TRANSACTION_RECORDS, Math.floor((tightest.bytes * 0.8) / RECORD_TRANSACTION_BYTES)),
  );
  return { records, basis: `${tightest.name} = ${tightest.value}` };
}

export interface ImportOptions {
  dryRun: boolean;
  by: Author;
  /** Called after each chunk with the records done so far. */
  progress?: (done: number, total: number) => void;
  transactionRecords?: number;
  chunkRecords?: number;
}

export type ImportResult = FactResult & { line: number | undefined };

export interface ImportReport {
  records: number;
  results: ImportResult[];
  /** How many records had each outcome (in a dry run: would have). */
  counts: Record<string, number>;
  /** Groups committed by an earlier run of the same file and skipped by this one. */
  resumedGroups: number;
  /** Records per transaction, and why that many (a real run only). */
  transaction?: { records: number; basis: string };
}

const SETS = ['sources', 'entities', 'relationships', 'events', 'corroborations'] as const;
type SetName = (typeof SETS)[number];

/** The records in write order, each with its place in the file's sets. */
function ordered(parsed: ParsedFile) {
  return SETS.flatMap((set) => (parsed.facts[set] as unknown[]).map((record, index) => ({ set, index, record })));
}

function toSet(items: { set: SetName; record: unknown }[]): { facts: FactSet; paths: Map<string, string> } {
  const facts = { sources: [], entities: [], relationships: [], events: [], corroborations: [] } as Required<FactSet>;
  const paths = new Map<string, string>();
  for (const item of items as { set: SetName; index: number; record: never }[]) {
    const list = facts[item.set] as unknown[];
    paths.set(`${item.set}.${list.length}`, `${item.set}.${item.index}`);
    list.push(item.record);
  }
  return { facts, paths };
}

/** A path of a chunk (`events.3.date`) as the file's (`events.4017.date`). */
const relocate = (paths: Map<string, string>) => (path: string) => {
  const [set, n, ...rest] = path.split('.');
  return [paths.get(`${set}.${n}`) ?? `${set}.${n}`, ...rest].join('.');
};

export async function importFacts(
  db: Executor,
  parsed: ParsedFile,
  fileText: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const items = ordered(parsed);
  const total = items.length;
  const defaultSourceId = parsed.facts.sources[0]?.id;
  const lineOf = (path: string) => parsed.lineOf(path);
  const report: ImportReport = { records: total, results: [], counts: {}, resumedGroups: 0 };
  const collect = (results: FactResult[], at: (path: string) => string) => {
    for (const r of results) {
      const path = at(r.path);
      report.results.push({ ...r, path, line: lineOf(path) });
      report.counts[r.outcome] = (report.counts[r.outcome] ?? 0) + 1;
    }
  };

  if (options.dryRun) {
    // One check over the whole file, so a record sees the records before it; nothing is written.
    const { facts, paths } = toSet(items);
    const results = await db.writeAll('importDryRun', (run) =>
      writeFacts(run, facts, { mode: 'create', by: options.by, dryRun: true, defaultSourceId }),
    );
    collect(
      results.map((r) => (r.error ? { ...r, error: atLine(r.error, relocate(paths), lineOf) } : r)),
      relocate(paths),
    );
    options.progress?.(total, total);
    report.results.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return report;
  }

  report.transaction = options.transactionRecords
    ? { records: options.transactionRecords, basis: 'the caller' }
    : await transactionRecords(db);
  const groupSize = report.transaction.records;
  const chunkSize = options.chunkRecords ?? CHUNK_RECORDS;
  const stateId = `import/${createHash('sha256').update(fileText).digest('hex')}`;
  const groups = Math.ceil(total / groupSize);
  const resumed =
    groups > 1 ? ((await db.read<{ groups: number }>(q.importState, { id: stateId }))[0]?.groups ?? 0) : 0;
  report.resumedGroups = resumed;
  let done = resumed * groupSize;
  options.progress?.(done, total);
  for (let g = resumed; g < groups; g += 1) {
    const group = items.slice(g * groupSize, (g + 1) * groupSize);
    const results = await db
      .writeAll('import', async (run) => {
        const written: { results: FactResult[]; at: (path: string) => string }[] = [];
        // Degrees and tallies once per transaction, not per chunk: a hub touched by every chunk is recounted once.
        const derived = emptyDerivedWork();
        for (let c = 0; c < group.length; c += chunkSize) {
          const { facts, paths } = toSet(group.slice(c, c + chunkSize));
          try {
            written.push({
              results: await writeFacts(run, facts, {
                mode: 'create',
                by: options.by,
                defaultSourceId,
                deferDerived: derived,
              }),
              at: relocate(paths),
            });
          } catch (error) {
            throw error instanceof DomainError ? atLine(error, relocate(paths), lineOf) : error;
          }
          options.progress?.(done + Math.min(c + chunkSize, group.length), total);
        }
        await refreshDerived(run, derived);
        if (groups > 1) await run(q.recordImportState, { id: stateId, groups: g + 1, principal: options.by.principal });
        return written;
      })
      .catch((error: unknown) => {
        throw error instanceof TransactionMemoryExceeded ? new TransactionTooLarge(group.length, g, groups) : error;
      });
    for (const { results: r, at } of results) collect(r, at);
    done += group.length;
  }
  report.results.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return report;
}

/** A group larger than Neo4j's transaction memory: rolled back whole, with what to change. */
export class TransactionTooLarge extends DomainError {
  override name = 'TransactionTooLarge';
  readonly code = 'IMPORT_TRANSACTION_TOO_LARGE';
  constructor(records: number, group: number, groups: number) {
    super(
      `a transaction of ${records} records does not fit in Neo4j's transaction memory (about ${RECORD_TRANSACTION_BYTES / 1024} kB a record: docs/performance.md, "Bulk import"); ` +
        `group ${group + 1} of ${groups} was rolled back whole${group ? ` (groups 1-${group} are committed: a re-run resumes after them)` : ', nothing was written'}; ` +
        'give Neo4j a larger heap (NEO4J_LOCAL_HEAP_MB for the embedded one; server.memory.heap.max_size and db.memory.transaction.total.max for a server) ' +
        'or set IMPORT_TRANSACTION_RECORDS lower (then each group commits on its own and a re-run resumes)',
    );
  }
}

/** A writer's error about a record, told by the file's line: `line 17: events.3.date: …`. */
export class ImportError extends DomainError {
  override name = 'ImportError';
  constructor(
    readonly code: string,
    readonly line: number | undefined,
    readonly path: string,
    detail: string,
  ) {
    super(`${line === undefined ? '' : `line ${line}: `}${detail}`);
  }
}

function atLine(
  error: DomainError,
  at: (path: string) => string,
  lineOf: (path: string) => number | undefined,
): DomainError {
  if (error instanceof InvalidInput)
    return new ImportError(error.code, lineOf(at(error.path)), at(error.path), `${at(error.path)}: ${error.detail}`);
  if (error instanceof Conflict || error instanceof NotFound) {
    const path = error.path ? at(error.path) : '';
    const detail = error instanceof Conflict ? error.detail : 'no such fact';
    return new ImportError(
      error.code,
      path ? lineOf(path) : undefined,
      path,
      `${path ? `${path}: ` : ''}${error.id}: ${detail}`,
    );
  }
  return error;
}
