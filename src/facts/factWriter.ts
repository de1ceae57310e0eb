import { Conflict, InvalidInput } from '../errors';
import { MOVE_DESTINATION_ROLE, RELATIONSHIP_TYPES } from '../model/registry';
import type { EntityLabel, RelationshipType } from '../model/vocabulary';
import type { Run } from '../neo4j/executor';
import { factsStore, type Author, type CheckRow, type RevisionRow, type StoredProps } from '../store/facts.store';
import { statsStore, type TallyChanges } from '../store/stats.store';
import { toFactRows, type FactRows, type FactSet } from './facts';

/**
 * How a write treats facts that already exist with other values. `create` (the API's add*
 * mutations): a CONFLICT naming the id; `update` (the seed, and the update mutations): the new
 * values win and a Revision keeps the old ones. The same values again are a no-op either way.
 */
export type WriteMode = 'create' | 'update';

export interface WriteOptions {
  mode: WriteMode;
  by: Author;
  reason?: string | null;
  /** Rewrites a path in the fact set (`events.0`) to the caller's (`input`), for errors. */
  at?: (path: string) => string;
}

/** Properties the writer keeps for itself; they never count as a change. */
export const BOOKKEEPING_KEYS = ['createdBy', 'createdAt', 'updatedBy', 'updatedAt'] as const;

/**
 * Writes a set of facts inside the caller's transaction, after checking in one round trip that
 * every reference resolves, every role and endpoint obeys the registry, and every quote is a
 * verbatim span of its source's text. Any problem throws before anything is written and the
 * transaction rolls back: all or nothing. Returns the ids actually created or changed.
 */
export async function writeFacts(run: Run, facts: FactSet, options: WriteOptions): Promise<string[]> {
  const at = options.at ?? ((p: string) => p);
  try {
    const rows = toFactRows(facts);
    await factsStore.lockNames(run, [...new Set(rows.entities.flatMap((e) => e.props.keys))]);
    const found = await factsStore.check(run, checkParams(rows));
    reportProblems(rows, found);
    return await writeChanges(run, rows, found, options);
  } catch (error) {
    if (error instanceof InvalidInput) throw new InvalidInput(at(error.path), error.detail);
    if (error instanceof Conflict && error.path) throw new Conflict(error.id, error.detail, at(error.path));
    throw error;
  }
}

function checkParams(rows: FactRows) {
  return {
    entityIds: [...new Set([...rows.relationships.flatMap((r) => [r.from, r.to]), ...rows.events.flatMap((e) => e.participants.map((p) => p.entity))])],
    newEntityIds: rows.entities.map((e) => e.id),
    citations: [
      ...rows.entities.map((e) => ({ sourceId: e.sourceId, quote: e.quote })),
      ...rows.relationships.map((r) => ({ sourceId: r.sourceId, quote: r.quote })),
      ...rows.events.flatMap((e) => e.quotes.map((quote) => ({ sourceId: e.sourceId, quote }))),
    ],
    newSources: rows.sources.map((s) => ({ id: s.id, text: s.props.text ?? null })),
    sourceIds: rows.sources.map((s) => s.id),
    nodes: [...rows.entities, ...rows.events].map((n) => ({ id: n.id, label: n.label })),
    relationshipIds: rows.relationships.map((r) => r.id),
    names: rows.entities.filter((e) => !e.allowSameName).map((e) => ({ id: e.id, label: e.label, keys: e.props.keys })),
  };
}

function reportProblems(rows: FactRows, found: CheckRow): void {
  const { missingEntities, missingSources, unquotable, labelConflicts, sameNames } = found;
  if (labelConflicts.length) throw new Conflict(labelConflicts[0]!, 'id already used by a fact of another kind');
  const duplicate = sameNames.find((d) => d.existing.length);
  if (duplicate) {
    const n = rows.entities.findIndex((e) => e.id === duplicate.id);
    throw new Conflict(
      duplicate.id,
      `has the name of ${duplicate.existing.join(', ')} (use the existing id, or allowSameName: true for a different entity of the same name)`,
      `entities.${n}.name`,
    );
  }
  if (missingEntities.length) throw new InvalidInput(pathOfEntity(rows, missingEntities[0]!), `unknown entity id: ${missingEntities.join(', ')}`);
  if (missingSources.length) {
    throw new InvalidInput(citationPaths(rows).find((c) => c.sourceId === missingSources[0])!.sourcePath, `unknown source id: ${[...new Set(missingSources)].join(', ')}`);
  }
  if (unquotable.length) {
    const path = citationPaths(rows).find((c) => c.quote === unquotable[0])!.quotePath;
    throw new InvalidInput(path, `not a verbatim span of its source: ${unquotable.map((q) => JSON.stringify(q)).join(', ')}`);
  }
  checkLabels(rows, found);
}

/** Every citation of the set with where it is, for the error's path. */
function citationPaths(rows: FactRows) {
  return [
    ...rows.entities.map((e, n) => ({ sourceId: e.sourceId, quote: e.quote, sourcePath: `entities.${n}.sourceId`, quotePath: `entities.${n}.quote` })),
    ...rows.relationships.map((r, n) => ({ sourceId: r.sourceId, quote: r.quote, sourcePath: `relationships.${n}.sourceId`, quotePath: `relationships.${n}.quote` })),
    ...rows.events.flatMap((e) => e.quotes.map((quote, k) => ({ sourceId: e.sourceId, quote, sourcePath: `${e.path}.sourceId`, quotePath: `${e.path}.quotes.${k}` }))),
  ];
}

/** Where an entity id is referenced in the set, for the error's path. */
function pathOfEntity(rows: FactRows, id: string): string {
  for (const e of rows.events) for (const p of e.participants) if (p.entity === id) return p.path;
  const n = rows.relationships.findIndex((r) => r.from === id || r.to === id);
  return `relationships.${n}.${rows.relationships[n]?.from === id ? 'from' : 'to'}`;
}

/** The registry's label rules: who may fill each role, what each relationship type may join. */
function checkLabels(rows: FactRows, found: CheckRow): void {
  const labelOf = new Map<string, string>([...found.entityLabels.map((e) => [e.id, e.label] as const), ...rows.entities.map((e) => [e.id, e.label] as const)]);
  for (const e of rows.events) {
    for (const p of e.participants) {
      const label = labelOf.get(p.entity)!;
      if (!p.labels.includes(label as EntityLabel)) {
        throw new InvalidInput(p.path, `a ${label} cannot be the ${p.props.role} of a ${e.props.kind} (allowed: ${p.labels.join(', ')})`);
      }
    }
  }
  rows.relationships.forEach((r, n) => {
    const spec = RELATIONSHIP_TYPES[r.type as RelationshipType];
    for (const end of ['from', 'to'] as const) {
      const label = labelOf.get(r[end])!;
      if (!spec[end].includes(label as EntityLabel)) {
        throw new InvalidInput(`relationships.${n}.${end}`, `${r.type} ${end === 'from' ? 'starts at' : 'ends at'} ${spec[end].join(' or ')}, not a ${label}`);
      }
    }
  });
}

// ---- what changed ---------------------------------------------------------------------------

type Comparable = Record<string, unknown>;

/** Values as stored: absent and null agree, lists compare in order, numbers by value. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function changedFields(before: Comparable, after: Comparable): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !(BOOKKEEPING_KEYS as readonly string[]).includes(k) && !same(before[k], after[k])).sort();
}

const sortedPairs = (xs: { role: string; id: string }[]) => xs.map((p) => `${p.role}:${p.id}`).sort();

interface Change {
  id: string;
  path: string;
  before: Comparable | null;
  after: Comparable;
}

/** Each record's state before and after, as comparable maps, with its path in the set. */
function changes(rows: FactRows, found: CheckRow): Change[] {
  const stored = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const sources = stored(found.sources);
  const entities = stored(found.entities);
  const events = stored(found.events);
  const relationships = stored(found.relationships);
  const pick = (props: StoredProps, keys: string[]) => Object.fromEntries(keys.map((k) => [k, props[k] ?? null]));
  const entityKeys = ['label', 'name', 'aliases', 'description', 'categories', 'anonymous'];
  return [
    ...rows.sources.map((s, n) => {
      const old = sources.get(s.id)?.props;
      const after: Comparable = Object.assign({ title: null, publisher: null, date: null, language: null, file: null, text: null }, s.props);
      return { id: s.id, path: `sources.${n}`, before: old ? pick(old, Object.keys(after)) : null, after };
    }),
    ...rows.entities.map((e, n) => {
      const old = entities.get(e.id)?.props;
      return { id: e.id, path: `entities.${n}`, before: old ? pick(old, entityKeys) : null, after: pick({ ...e.props, label: e.label }, entityKeys) };
    }),
    ...rows.relationships.map((r, n) => {
      const old = relationships.get(r.id)?.props;
      const after = { ...r.props, quote: r.quote, sourceId: r.sourceId };
      return { id: r.id, path: `relationships.${n}`, before: old ? pick(old, Object.keys(after)) : null, after };
    }),
    ...rows.events.map((e) => {
      const old = events.get(e.id);
      const after = { ...e.props, label: e.label, participants: sortedPairs(e.participants.map((p) => ({ role: p.props.role, id: p.entity }))), quotes: [...e.quotes].sort() };
      const keys = [...new Set([...Object.keys(after), ...Object.keys(old?.props ?? {})])].filter((k) => k !== 'id' && !(BOOKKEEPING_KEYS as readonly string[]).includes(k));
      const before = old ? { ...pick(old.props, keys), participants: sortedPairs(old.participants), quotes: [...old.quotes].sort() } : null;
      return { id: e.id, path: e.path, before, after };
    }),
  ];
}

/** The entities whose degree or sort keys a write may change: written ones, ends of written edges, old and new participants. */
function touchedEntities(rows: FactRows, found: CheckRow, changed: Set<string>): string[] {
  const ids = new Set<string>(rows.entities.filter((e) => changed.has(e.id)).map((e) => e.id));
  for (const r of rows.relationships) if (changed.has(r.id)) [r.from, r.to].forEach((id) => ids.add(id));
  for (const e of rows.events) if (changed.has(e.id)) e.participants.forEach((p) => ids.add(p.entity));
  for (const e of found.events) if (changed.has(e.id)) e.participants.forEach((p) => ids.add(p.id));
  return [...ids];
}

/**
 * The tallies a write may change (cypher/queries/stats.cypher): the (kind, date) of every changed
 * event before and after, and the destinations of its moves (role 'to') before and after, so an
 * event that moves to another month or organization is counted out of the old one and into the new.
 */
function touchedTallies(rows: FactRows, found: CheckRow, changed: Set<string>): TallyChanges {
  const before = found.events.filter((e) => changed.has(e.id));
  const after = rows.events.filter((e) => changed.has(e.id));
  const date = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    events: [
      ...before.map((e) => ({ kind: String(e.props.kind), date: date(e.props.date) })),
      ...after.map((e) => ({ kind: e.props.kind, date: e.props.date })),
    ],
    destinations: [
      ...before.flatMap((e) => e.participants.filter((p) => p.role === MOVE_DESTINATION_ROLE).map((p) => p.id)),
      ...after.flatMap((e) => e.participants.filter((p) => p.props.role === MOVE_DESTINATION_ROLE).map((p) => p.entity)),
    ],
  };
}

async function writeChanges(run: Run, rows: FactRows, found: CheckRow, options: WriteOptions): Promise<string[]> {
  const retracted = new Set(found.retracted);
  const citedSources = new Set(found.sources.filter((s) => s.cited).map((s) => s.id));
  const revisions: RevisionRow[] = [];
  const changed = new Set<string>();
  for (const change of changes(rows, found)) {
    if (retracted.has(change.id)) throw new Conflict(change.id, 'was retracted; see history(id)', change.path);
    if (!change.before) {
      revisions.push({ targetId: change.id, action: 'CREATE', fields: Object.keys(change.after).sort(), before: null, after: JSON.stringify(change.after) });
      changed.add(change.id);
      continue;
    }
    const fields = changedFields(change.before, change.after);
    if (!fields.length) continue;
    if (fields.includes('text') && citedSources.has(change.id)) {
      throw new Conflict(change.id, 'the text of a source cannot change once facts cite it', change.path);
    }
    if (options.mode === 'create') {
      throw new Conflict(change.id, `already exists with other values (${fields.join(', ')}); change it with an update mutation`, change.path);
    }
    const only = (m: Comparable) => JSON.stringify(Object.fromEntries(fields.map((f) => [f, m[f] ?? null])));
    revisions.push({ targetId: change.id, action: 'UPDATE', fields, before: only(change.before), after: only(change.after) });
    changed.add(change.id);
  }
  const keep = <T extends { id: string }>(list: T[]) => list.filter((x) => changed.has(x.id));
  await factsStore.writeSources(run, keep(rows.sources), options.by);
  await factsStore.writeEntities(run, keep(rows.entities), options.by);
  await factsStore.writeRelationships(run, keep(rows.relationships), options.by);
  await factsStore.writeEvents(run, keep(rows.events), options.by);
  if (revisions.length) await factsStore.recordRevisions(run, revisions, options.by, options.reason ?? null);
  await factsStore.refreshEntityStats(run, touchedEntities(rows, found, changed));
  await statsStore.refreshTallies(run, touchedTallies(rows, found, changed));
  return [...changed];
}
