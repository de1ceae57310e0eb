import { Conflict, type DomainError, InvalidInput, NotFound } from '../errors';
import { sameEvent, type EventReport } from '../model/eventIdentity';
import type { Run } from '../neo4j/executor';
import { factsStore, type Author, type CheckRow, type CitationWrite, type RevisionRow } from '../store/facts.store';
import { statsStore, type TallyChanges } from '../store/stats.store';
import {
  checkParams,
  classify,
  staleRevision,
  writtenIds,
  type CreatedCounts,
  type FactResult,
  type Plan,
  type WriteMode,
} from './factPlan';
import { factKindOf, relationshipEnds, toFactRows, type FactRows } from '../model/factRows';
import type { FactSet } from '../model/records';

export type { FactResult, Outcome, WriteMode } from './factPlan';

export interface WriteOptions {
  mode: WriteMode;
  by: Author;
  reason?: string | null;
  /** Rewrites a path in the fact set (`events.0`) to the caller's (`input`), for errors. */
  at?: (path: string) => string;
  /** Check and classify every record, write nothing, and report problems per record instead of throwing. */
  dryRun?: boolean;
  /** The source of records that name none (the set's first source when omitted). */
  defaultSourceId?: string;
  /** Optimistic concurrency: per fact id, the id of the revision the caller read last (history(id)); another latest one is a CONFLICT. */
  expectedRevisions?: Record<string, string>;
  /**
   * Collects the derived work (entity stats, event tallies) instead of doing it per call: a caller
   * that writes many sets in one transaction (the import) does it once, with refreshDerived, before
   * it commits. Reads in between see the old degrees and tallies; nothing the writer checks uses them.
   */
  deferDerived?: DerivedWork;
}

/** Entities and tallies whose derived values are stale until refreshDerived runs. */
export interface DerivedWork {
  entities: Set<string>;
  tallies: TallyChanges;
}

export const emptyDerivedWork = (): DerivedWork => ({ entities: new Set(), tallies: { events: [], destinations: [] } });

/** Recomputes what a deferred write left stale (the same statements writePlan runs otherwise). */
export async function refreshDerived(run: Run, work: DerivedWork): Promise<void> {
  const ids = [...work.entities];
  for (let i = 0; i < ids.length; i += DERIVED_BATCH)
    await factsStore.refreshEntityStats(run, ids.slice(i, i + DERIVED_BATCH));
  await statsStore.refreshTallies(run, work.tallies);
}

const DERIVED_BATCH = 10_000;

/**
 * Writes a set of facts inside the caller's transaction, after checking in one round trip that
 * every reference resolves, every role and endpoint obeys the registry, and every quote is a
 * verbatim span of its source's text. Any problem throws before anything is written and the
 * transaction rolls back: all or nothing (a dry run reports each record's problem instead and
 * writes nothing). Returns what happened to each record.
 */
export async function writeFacts(run: Run, facts: FactSet, options: WriteOptions): Promise<FactResult[]> {
  const at = options.at ?? ((p: string) => p);
  const rows = toFactRows(facts, options.defaultSourceId ?? facts.sources[0]?.id);
  const keys = [...new Set(rows.entities.flatMap((e) => e.props.keys))];
  if (keys.length && !options.dryRun) await factsStore.lockNames(run, keys);
  if (!options.dryRun) {
    const expected = options.expectedRevisions ?? {};
    const stale = staleRevision(expected, await factsStore.lockFacts(run, writtenIds(rows), Object.keys(expected)));
    if (stale) throw relocate(stale, at);
  }
  const params = checkParams(rows);
  const found = await factsStore.check(run, params.query);
  const newEvents =
    options.mode === 'create'
      ? rows.events.filter((e) => !found.events.some((x) => x.id === e.id) && !e.allowSimilar)
      : [];
  const similar = await factsStore.similarEvents(
    run,
    newEvents.map((e) => ({
      id: e.id,
      kind: e.props.kind,
      date: e.props.date,
      entityIds: e.participants.map((p) => p.entity),
    })),
  );
  const plan = classify(rows, found, params, similar, options.mode);
  if (options.dryRun) return plan.results.map((r) => (r.error ? { ...r, error: relocate(r.error, at) } : r));
  const problem = plan.results.find((r) => r.error);
  if (problem?.error) throw relocate(problem.error, at);
  await writePlan(run, rows, found, plan, options);
  return plan.results;
}

/** The error with its path as the caller spells it. */
function relocate(error: DomainError, at: (path: string) => string): DomainError {
  if (error instanceof InvalidInput) return new InvalidInput(at(error.path), error.detail);
  if (error instanceof Conflict) return new Conflict(error.id, error.detail, error.path && at(error.path));
  if (error instanceof NotFound) return new NotFound(error.id, error.path && at(error.path));
  return error;
}

/** The entities whose degree or sort keys a write may change: written ones, ends of written edges, old and new participants. */
function touchedEntities(rows: FactRows, found: CheckRow, changed: Set<string>): string[] {
  const ids = new Set<string>(rows.entities.filter((e) => changed.has(e.id)).map((e) => e.id));
  for (const r of rows.relationships) if (changed.has(r.id)) [r.from, r.to].forEach((id) => ids.add(id));
  for (const e of rows.events) if (changed.has(e.id)) e.participants.forEach((p) => ids.add(p.entity));
  for (const e of found.events) if (changed.has(e.id)) e.participants.forEach((p) => ids.add(p.id));
  return [...ids];
}

/** A created fact's row with its citation counts, which the plan knows (an existing fact's are recounted). */
function withCounts<T extends { id: string; props: object }>(
  row: T,
  counts: Map<string, CreatedCounts>,
  primary = false,
): T {
  const c = counts.get(row.id);
  if (!c) return row;
  const props = {
    ...row.props,
    citationCount: c.citationCount,
    sourceCount: c.sourceCount,
    ...(primary ? { sourceId: c.sourceId, quote: c.quote } : {}),
  };
  return { ...row, props };
}

async function writePlan(run: Run, rows: FactRows, found: CheckRow, plan: Plan, options: WriteOptions): Promise<void> {
  const changed = plan.valuesChanged;
  const counts = plan.createdCounts;
  const keep = <T extends { id: string; props: object }>(list: T[], primary = false) =>
    list.filter((x) => changed.has(x.id)).map((x) => withCounts(x, counts, primary));
  const by = options.by;
  const [sources, entities, relationships, events] = [
    keep(rows.sources),
    keep(rows.entities),
    keep(rows.relationships, true),
    keep(rows.events),
  ];
  const steps: [unknown[], (run: Run) => Promise<unknown>][] = [
    [sources, (r) => factsStore.writeSources(r, sources, by)],
    [entities, (r) => factsStore.writeEntities(r, entities, by)],
    [relationships, (r) => factsStore.writeRelationships(r, relationships, by)],
    [events, (r) => factsStore.writeEvents(r, events, by)],
    [plan.citationsRemoved, (r) => factsStore.removeCitations(r, plan.citationsRemoved)],
    [plan.citationsAdded, (r) => factsStore.addCitations(r, plan.citationsAdded, by)],
    [plan.citedFacts, (r) => factsStore.refreshCitationCounts(r, plan.citedFacts)],
    [plan.revisions, (r) => factsStore.recordRevisions(r, plan.revisions, by, options.reason ?? null)],
  ];
  // Statements with nothing to write are not sent (an addEntity does not run writeEvents).
  for (const [input, step] of steps) if (input.length) await step(run);
  const touched = touchedEntities(rows, found, changed);
  const deferred = options.deferDerived;
  if (deferred) {
    touched.forEach((id) => deferred.entities.add(id));
    deferred.tallies.events.push(...plan.tallies.events);
    deferred.tallies.destinations.push(...plan.tallies.destinations);
    return;
  }
  if (touched.length) await factsStore.refreshEntityStats(run, touched);
  await statsStore.refreshTallies(run, plan.tallies);
}

/**
 * Withdraws one source from a fact: its citations of that source are removed, kept in the
 * fact's history (WITHDRAW, with the reason). The fact stays while another source states it; its
 * only source cannot be withdrawn (retract the fact instead). Returns how many citations went.
 */
export async function withdrawSource(
  run: Run,
  factId: string,
  sourceId: string,
  by: Author,
  reason: string,
): Promise<number> {
  const kind = factKindOf(factId);
  if (!kind) throw new InvalidInput('factId', `"${factId}" is not the id of an entity, event or relationship`);
  const ends = relationshipEnds(factId);
  const fact = { kind, id: factId, from: ends?.from ?? null, to: ends?.to ?? null };
  await factsStore.lockFacts(run, [factId]);
  const { exists, citations, otherSources } = await factsStore.factCitations(run, fact, sourceId);
  if (!exists) throw new NotFound(factId, 'factId');
  if (!citations.length) throw new NotFound(sourceId, 'source');
  if (!otherSources) throw new Conflict(factId, `${sourceId} is its only source: retract the fact instead`, 'source');
  await factsStore.removeCitations(
    run,
    citations.map((c) => ({ kind, factId, sourceId, quote: c.quote })),
  );
  await factsStore.refreshCitationCounts(run, [{ kind, factId, from: fact.from, to: fact.to }]);
  await factsStore.recordRevisions(
    run,
    [
      {
        targetId: factId,
        action: 'WITHDRAW',
        fields: ['citations'],
        before: JSON.stringify({ citations }),
        after: null,
      },
    ],
    by,
    reason,
  );
  return citations.length;
}

/**
 * Retracts entities or events: hidden from every read, kept whole with the reason in history(id);
 * the degrees and tallies they counted in are recomputed. Every id must name a fact.
 */
export async function retractFacts(run: Run, ids: string[], by: Author, reason: string): Promise<string[]> {
  await factsStore.lockFacts(run, ids);
  const { retracted, touched, tallies } = await factsStore.retract(run, ids, by, reason);
  const missing = ids.filter((id) => !retracted.includes(id));
  if (missing.length) throw new NotFound(missing[0]!, 'ids');
  if (touched.length) await factsStore.refreshEntityStats(run, touched);
  await statsStore.refreshTallies(run, tallies);
  await factsStore.recordRevisions(
    run,
    retracted.map((targetId) => ({ targetId, action: 'RETRACT', fields: [], before: null, after: null })),
    by,
    reason,
  );
  return retracted;
}

export type { Author, CitationWrite, RevisionRow };

/**
 * The events already in the graph that a report (kind, participants, date) would duplicate
 * (src/model/eventIdentity.ts), at most `limit` candidates read per report: what a writer looks
 * up before adding an event from a new source, to cite the existing one instead.
 */
export async function findSimilarEvents(run: Run, report: EventReport, limit = 50): Promise<string[]> {
  const [found] = await factsStore.similarEvents(
    run,
    [{ id: '', kind: report.kind, date: report.date, entityIds: report.participants.map((p) => p.id) }],
    limit,
  );
  return (found?.candidates ?? []).filter((c) => sameEvent(report, c)).map((c) => c.id);
}
