import { Conflict, type DomainError, InvalidInput, NotFound } from '../errors';
import { sameEvent } from '../model/eventIdentity';
import { MOVE_DESTINATION_ROLE, RELATIONSHIP_TYPES } from '../model/registry';
import type { EntityLabel, RelationshipType } from '../model/vocabulary';
import type {
  CheckRow,
  CitationRemoval,
  CitationWrite,
  RevisionRow,
  SimilarEvent,
  StoredProps,
} from '../store/facts.store';
import type { TallyChanges } from '../store/stats.store';
import type { FactRows } from '../model/factRows';
import { BOOKKEEPING_KEYS, type FactCitation, type FactKind } from '../model/records';

/**
 * The decision half of the writer (src/facts/factWriter.ts): given the rows and what the check
 * found, what happens to each record — created, updated, corroborated, unchanged, or refused with
 * the reason — and exactly which statements follow. Pure: no database, so a dry run is this and
 * nothing else.
 */
/**
 * How a write treats facts that already exist with other values. `create` (the API's add*
 * mutations, the import): a CONFLICT naming the fields; `update` (the seed, and the update
 * mutations): the new values win and a Revision keeps the old ones. The same values again change
 * nothing, and the same values with a new citation corroborate the fact, in either mode.
 */
export type WriteMode = 'create' | 'update';

/** What a write did (or, in a dry run, would do) to one record of the set. */
export type Outcome = 'CREATED' | 'UPDATED' | 'CORROBORATED' | 'UNCHANGED';

export interface FactResult {
  /** The record's place in the set (`events.3`); an implied move shares its event's. */
  path: string;
  id: string;
  fact: FactKind | 'SOURCE';
  outcome: Outcome | 'CONFLICT' | 'REFUSED';
  /** The fields that changed (UPDATED), `citations` included when they did. */
  fields: string[];
  citationsAdded: number;
  citationsRemoved: number;
  /** Why a record is CONFLICT or REFUSED. */
  error?: DomainError;
}

/** The check's parameters, and the keys that tie its answers back to the rows. */
export function checkParams(rows: FactRows) {
  const citationKeys = new Map<string, number>();
  const keyOf = (c: FactCitation) => {
    const k = citeKey(c);
    if (!citationKeys.has(k)) citationKeys.set(k, citationKeys.size);
    return citationKeys.get(k)!;
  };
  const cited = [...rows.entities, ...rows.relationships, ...rows.events, ...rows.corroborations];
  cited.forEach((r) => r.citations.forEach(keyOf));
  const sourcesOf = (citations: FactCitation[]) => [...new Set(citations.map((c) => c.sourceId))];
  const facts = [
    ...rows.entities.map((e) => ({
      kind: 'ENTITY' as const,
      id: e.id,
      from: null,
      to: null,
      sourceIds: sourcesOf(e.citations),
    })),
    ...rows.relationships.map((r) => ({
      kind: 'RELATIONSHIP' as const,
      id: r.id,
      from: r.from,
      to: r.to,
      sourceIds: sourcesOf(r.citations),
    })),
    ...rows.events.map((e) => ({
      kind: 'EVENT' as const,
      id: e.id,
      from: null,
      to: null,
      sourceIds: sourcesOf(e.citations),
    })),
    ...rows.corroborations.map((c) => ({
      kind: c.kind,
      id: c.factId,
      from: c.ends?.from ?? null,
      to: c.ends?.to ?? null,
      sourceIds: sourcesOf(c.citations),
    })),
  ].map((f, key) => ({ key, ...f }));
  const query = {
    entityIds: [
      ...new Set([
        ...rows.relationships.flatMap((r) => [r.from, r.to]),
        ...rows.events.flatMap((e) => e.participants.map((p) => p.entity)),
        ...rows.corroborations.flatMap((c) => (c.ends ? [c.ends.from] : [])),
      ]),
    ],
    newEntityIds: rows.entities.map((e) => e.id),
    citations: [...citationKeys.entries()].map(([k, key]) => {
      const [sourceId, quote] = k.split('\u0000') as [string, string];
      return { key, sourceId, quote };
    }),
    newSources: rows.sources.map((s) => ({ id: s.id, text: typeof s.props.text === 'string' ? s.props.text : null })),
    sourceIds: rows.sources.map((s) => s.id),
    nodes: [...rows.entities, ...rows.events].map((n) => ({ id: n.id, label: n.label })),
    relationships: rows.relationships.map((r) => ({ id: r.id, from: r.from, to: r.to })),
    facts,
    names: rows.entities.filter((e) => !e.allowSameName).map((e) => ({ id: e.id, label: e.label, keys: e.props.keys })),
  };
  return { query, citationKey: (c: FactCitation) => citationKeys.get(citeKey(c))!, factKey: facts.length };
}

export type CheckParams = ReturnType<typeof checkParams>;

/** Every fact id a write may create or change: what the writer locks before its check (cypher/queries/facts.cypher lockFacts). */
export function writtenIds(rows: FactRows): string[] {
  return [...rows.sources, ...rows.entities, ...rows.relationships, ...rows.events]
    .map((r) => r.id)
    .concat(rows.corroborations.map((c) => c.factId));
}

/**
 * Optimistic concurrency: the first fact whose latest revision (read under the lock) is not the
 * one its writer expected, as a CONFLICT naming both; null when every expectation holds.
 */
export function staleRevision(
  expected: Record<string, string>,
  latest: { id: string; revision: string | null }[],
): Conflict | null {
  const found = new Map(latest.map((r) => [r.id, r.revision]));
  for (const [id, revision] of Object.entries(expected)) {
    const now = found.get(id) ?? null;
    if (now !== revision) {
      return new Conflict(
        id,
        `its latest revision is ${now ?? 'none'}, not the expected ${revision}: read it again (history(id)) and retry`,
        'expectedRevision',
      );
    }
  }
  return null;
}

export interface Plan {
  results: FactResult[];
  /** Ids of the facts whose values are written (created or changed). */
  valuesChanged: Set<string>;
  citationsAdded: CitationWrite[];
  citationsRemoved: CitationRemoval[];
  /** Facts that existed and whose citations changed: their counts (and a relationship's primary citation) are recomputed. */
  citedFacts: { kind: FactKind; factId: string; from: string | null; to: string | null }[];
  /** The citation counts of created facts, known here, written with their values (no recount). */
  createdCounts: Map<string, CreatedCounts>;
  revisions: RevisionRow[];
  tallies: TallyChanges;
}

/** A created fact's citation counts; a relationship also keeps its first citation as its primary one. */
export interface CreatedCounts {
  citationCount: number;
  sourceCount: number;
  sourceId: string;
  quote: string;
}

const BOOKKEEPING: readonly string[] = BOOKKEEPING_KEYS;

type Comparable = Record<string, unknown>;

/** Values as stored: absent and null agree, lists compare in order, numbers by value. */
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function changedFields(before: Comparable, after: Comparable): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !(BOOKKEEPING as readonly string[]).includes(k) && !same(before[k], after[k])).sort();
}

const pick = (props: StoredProps, keys: string[]) => Object.fromEntries(keys.map((k) => [k, props[k] ?? null]));
const sortedPairs = (xs: { role: string; id: string }[]) => xs.map((p) => `${p.role}:${p.id}`).sort();
const citeKey = (c: { sourceId: string; quote: string }) => `${c.sourceId}\u0000${c.quote}`;
const plain = (c: { sourceId: string; quote: string }) => ({ sourceId: c.sourceId, quote: c.quote });
const ENTITY_KEYS = ['label', 'name', 'aliases', 'description', 'categories', 'anonymous'];

interface Record_ {
  path: string;
  id: string;
  fact: FactKind | 'SOURCE';
  /** Stored values (null: new); undefined for corroborations, which carry no values. */
  before?: Comparable | null;
  after?: Comparable;
  citations: FactCitation[];
  /** Where the relationship starts (its citations are edges from there). */
  from?: string | null;
  to?: string | null;
  /** Problems found before comparing values, in the order they are reported. */
  problems: DomainError[];
  /** A corroboration of a fact that does not exist. */
  missing?: boolean;
}

export function classify(
  rows: FactRows,
  found: CheckRow,
  params: CheckParams,
  similar: SimilarEvent[],
  mode: WriteMode,
  { history = true }: { history?: boolean } = {},
): Plan {
  // A bulk load into an empty store keeps no revisions (src/facts/bulkPlan.ts): they are not even built.
  const revise = (revision: () => RevisionRow) => {
    if (history) plan.revisions.push(revision());
  };
  const plan: Plan = {
    results: [],
    valuesChanged: new Set(),
    citationsAdded: [],
    citationsRemoved: [],
    citedFacts: [],
    createdCounts: new Map(),
    revisions: [],
    tallies: { events: [], destinations: [] },
  };
  const recounted = new Set<string>();
  for (const r of rows.refused)
    plan.results.push({
      path: r.path,
      id: '',
      fact: factOfPath(r.path),
      outcome: 'REFUSED',
      fields: [],
      citationsAdded: 0,
      citationsRemoved: 0,
      error: r.error,
    });

  const offsets = new Map(found.quoted.map((q) => [q.key, q.offset]));
  const missingSources = new Set(found.missingSources);
  const missingEntities = new Set(found.missingEntities);
  const labelConflicts = new Set(found.labelConflicts);
  const retracted = new Set(found.retracted);
  const labelOf = new Map<string, string>([
    ...found.entityLabels.map((e) => [e.id, e.label] as const),
    ...rows.entities.map((e) => [e.id, e.label] as const),
  ]);
  const states = new Map(found.facts.map((f) => [f.key, f]));
  const stored = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const sources = stored(found.sources);
  const entities = stored(found.entities);
  const events = stored(found.events);
  const relationships = stored(found.relationships);
  const similarOf = new Map(similar.map((s) => [s.id, s.candidates]));
  const sameNames = new Map(found.sameNames.filter((d) => d.existing.length).map((d) => [d.id, d]));

  const citationProblems = (citations: FactCitation[]): DomainError[] =>
    citations.flatMap((c) => {
      if (missingSources.has(c.sourceId)) return [new InvalidInput(c.sourcePath, `unknown source id: ${c.sourceId}`)];
      if (offsets.get(params.citationKey(c)) == null)
        return [new InvalidInput(c.path, `not a verbatim span of its source: ${JSON.stringify(c.quote)}`)];
      return [];
    });
  const entityProblems = (
    refs: { id: string; path: string; labels?: readonly EntityLabel[]; rule?: (label: string) => string }[],
  ): DomainError[] =>
    refs.flatMap((ref) => {
      if (missingEntities.has(ref.id)) return [new InvalidInput(ref.path, `unknown entity id: ${ref.id}`)];
      const label = labelOf.get(ref.id);
      if (label && ref.labels && !ref.labels.includes(label as EntityLabel))
        return [new InvalidInput(ref.path, ref.rule!(label))];
      return [];
    });

  // The records in the check's fact order (entities, relationships, events, corroborations): key n is the n-th.
  const records: Record_[] = [
    ...rows.entities.map((e): Record_ => {
      const old = entities.get(e.id)?.props;
      const duplicate = sameNames.get(e.id);
      return {
        path: e.path,
        id: e.id,
        fact: 'ENTITY',
        before: old ? pick(old, ENTITY_KEYS) : null,
        after: pick({ ...e.props, label: e.label }, ENTITY_KEYS),
        citations: e.citations,
        problems: [
          ...(labelConflicts.has(e.id)
            ? [new Conflict(e.id, 'id already used by a fact of another kind', `${e.path}.id`)]
            : []),
          ...(duplicate
            ? [
                new Conflict(
                  e.id,
                  `has the name of ${duplicate.existing.join(', ')} (use the existing id, or allowSameName: true for a different entity of the same name)`,
                  `${e.path}.name`,
                ),
              ]
            : []),
          ...(retracted.has(e.id) ? [new Conflict(e.id, 'was retracted; see history(id)', e.path)] : []),
          ...citationProblems(e.citations),
        ],
      };
    }),
    ...rows.relationships.map((r): Record_ => {
      const spec = RELATIONSHIP_TYPES[r.type as RelationshipType];
      const old = relationships.get(r.id)?.props;
      const after = { ...r.props };
      return {
        path: r.path,
        id: r.id,
        fact: 'RELATIONSHIP',
        before: old ? pick(old, Object.keys(after)) : null,
        after,
        citations: r.citations,
        from: r.from,
        to: r.to,
        problems: [
          ...entityProblems([
            {
              id: r.from,
              path: `${r.path}.from`,
              labels: spec.from,
              rule: (label) => `${r.type} starts at ${spec.from.join(' or ')}, not a ${label}`,
            },
            {
              id: r.to,
              path: `${r.path}.to`,
              labels: spec.to,
              rule: (label) => `${r.type} ends at ${spec.to.join(' or ')}, not a ${label}`,
            },
          ]),
          ...citationProblems(r.citations),
        ],
      };
    }),
    ...rows.events.map((e): Record_ => {
      const old = events.get(e.id);
      const after = {
        ...e.props,
        label: e.label,
        participants: sortedPairs(e.participants.map((p) => ({ role: p.props.role, id: p.entity }))),
      };
      const keys = [...new Set([...Object.keys(after), ...Object.keys(old?.props ?? {})])].filter(
        (k) => k !== 'id' && !(BOOKKEEPING as readonly string[]).includes(k),
      );
      const report = {
        kind: e.props.kind,
        date: e.props.date,
        participants: e.participants.map((p) => ({ role: p.props.role, id: p.entity })),
        props: e.props,
      };
      const candidates = (similarOf.get(e.id) ?? []).filter(
        (c) => c.id !== e.id && sameEvent(report, { ...c, props: c.props }),
      );
      return {
        path: e.path,
        id: e.id,
        fact: 'EVENT',
        before: old ? { ...pick(old.props, keys), participants: sortedPairs(old.participants) } : null,
        after,
        citations: e.citations,
        problems: [
          ...(labelConflicts.has(e.id)
            ? [new Conflict(e.id, 'id already used by a fact of another kind', `${e.path}.id`)]
            : []),
          ...(retracted.has(e.id) ? [new Conflict(e.id, 'was retracted; see history(id)', e.path)] : []),
          ...entityProblems(
            e.participants.map((p) => ({
              id: p.entity,
              path: p.path,
              labels: p.labels,
              rule: (label: string) =>
                `a ${label} cannot be the ${p.props.role} of a ${e.props.kind} (allowed: ${p.labels.join(', ')})`,
            })),
          ),
          ...citationProblems(e.citations),
          ...(candidates.length
            ? [
                new Conflict(
                  e.id,
                  `reports the same event as ${candidates.map((c) => c.id).join(', ')} (same kind and participants, a compatible date): add its citations to that event (addEvent with its id, or corroborate), or set allowSimilar: true for a distinct event`,
                  e.path,
                ),
              ]
            : []),
        ],
      };
    }),
    ...rows.corroborations.map((c): Record_ => ({
      path: c.path,
      id: c.factId,
      fact: c.kind,
      citations: c.citations,
      from: c.ends?.from ?? null,
      to: c.ends?.to ?? null,
      problems: citationProblems(c.citations),
    })),
  ];

  // Records of one id in one set: the later ones add their citations to the first, if their values agree.
  const firstOf = new Map<string, { record: Record_; keys: Set<string> }>();
  records.forEach((record, key) => {
    const state = states.get(key)!;
    const result: FactResult = {
      path: record.path,
      id: record.id,
      fact: record.fact,
      outcome: 'UNCHANGED',
      fields: [],
      citationsAdded: 0,
      citationsRemoved: 0,
    };
    plan.results.push(result);
    const earlier = firstOf.get(record.id);
    const problems = [...record.problems];
    if (record.after === undefined && !state.exists && !(earlier && earlier.record.after))
      problems.push(new NotFound(record.id, `${record.path}.factId`));
    if (earlier?.record.after && record.after && changedFields(earlier.record.after, record.after).length) {
      problems.push(
        new Conflict(
          record.id,
          `appears twice in this write with other values (${changedFields(earlier.record.after, record.after).join(', ')})`,
          record.path,
        ),
      );
    }
    const fields = record.before && record.after && !earlier ? changedFields(record.before, record.after) : [];
    if (fields.includes('text') && sources.get(record.id)?.cited)
      problems.push(new Conflict(record.id, 'the text of a source cannot change once facts cite it', record.path));
    if (fields.length && mode === 'create') {
      problems.push(
        new Conflict(
          record.id,
          `already exists with other values (${fields.join(', ')}); change it with an update mutation`,
          record.path,
        ),
      );
    }
    if (problems.length) {
      Object.assign(result, { outcome: problems[0] instanceof Conflict ? 'CONFLICT' : 'REFUSED', error: problems[0] });
      return;
    }
    const known = earlier?.keys ?? new Set(state.citations.map(citeKey));
    const mine = new Set(record.citations.map(citeKey));
    const added = record.citations.filter((c) => !known.has(citeKey(c)));
    const removed = mode === 'update' && !earlier ? state.citations.filter((c) => !mine.has(citeKey(c))) : [];
    added.forEach((c) => known.add(citeKey(c)));
    if (!earlier) firstOf.set(record.id, { record, keys: known });
    const created = record.before === null && !earlier;
    if (created || fields.length) plan.valuesChanged.add(record.id);

    const kind = record.fact === 'SOURCE' ? null : record.fact;
    if (kind && (added.length || removed.length)) {
      const base = earlier ? earlier.keys.size - added.length : state.citationCount - removed.length;
      added.forEach((c, i) =>
        plan.citationsAdded.push({
          kind,
          factId: record.id,
          from: record.from ?? null,
          sourceId: c.sourceId,
          quote: c.quote,
          offset: offsets.get(params.citationKey(c))!,
          position: base + i,
        }),
      );
      removed.forEach((c) =>
        plan.citationsRemoved.push({ kind, factId: record.id, sourceId: c.sourceId, quote: c.quote }),
      );
      if (created) {
        const first = added[0]!;
        plan.createdCounts.set(record.id, {
          citationCount: added.length,
          sourceCount: new Set(added.map((c) => c.sourceId)).size,
          sourceId: first.sourceId,
          quote: first.quote,
        });
      } else if (!recounted.has(record.id)) {
        recounted.add(record.id);
        plan.citedFacts.push({ kind, factId: record.id, from: record.from ?? null, to: record.to ?? null });
      }
    }
    result.citationsAdded = added.length;
    result.citationsRemoved = removed.length;
    const citationFields = added.length || removed.length ? ['citations'] : [];
    if (created) {
      result.outcome = 'CREATED';
      const after = { ...record.after, ...(kind ? { citations: added.map(plain) } : {}) };
      revise(() => ({
        targetId: record.id,
        action: 'CREATE',
        fields: Object.keys(after).sort(),
        before: null,
        after: JSON.stringify(after),
      }));
    } else if (fields.length || removed.length) {
      result.outcome = 'UPDATED';
      result.fields = [...fields, ...citationFields];
      const only = (
        m: Comparable | null | undefined,
        citations: FactCitation[] | { sourceId: string; quote: string }[],
      ) =>
        JSON.stringify({
          ...Object.fromEntries(fields.map((f) => [f, m?.[f] ?? null])),
          ...(citationFields.length ? { citations: citations.map(plain) } : {}),
        });
      revise(() => ({
        targetId: record.id,
        action: 'UPDATE',
        fields: result.fields,
        before: only(record.before, removed),
        after: only(record.after, added),
      }));
    } else if (added.length) {
      result.outcome = 'CORROBORATED';
      result.fields = citationFields;
      revise(() => ({
        targetId: record.id,
        action: 'CORROBORATE',
        fields: citationFields,
        before: null,
        after: JSON.stringify({ citations: added.map(plain) }),
      }));
    }
  });

  for (const s of rows.sources) {
    const old = sources.get(s.id)?.props;
    const after: Comparable = Object.assign(
      { title: null, publisher: null, date: null, language: null, file: null, text: null },
      s.props,
    );
    const before = old ? pick(old, Object.keys(after)) : null;
    const fields = before ? changedFields(before, after) : [];
    const result: FactResult = {
      path: s.path,
      id: s.id,
      fact: 'SOURCE',
      outcome: before ? (fields.length ? 'UPDATED' : 'UNCHANGED') : 'CREATED',
      fields,
      citationsAdded: 0,
      citationsRemoved: 0,
    };
    plan.results.push(result);
    const problem =
      fields.includes('text') && old && sources.get(s.id)?.cited
        ? new Conflict(s.id, 'the text of a source cannot change once facts cite it', s.path)
        : fields.length && mode === 'create'
          ? new Conflict(
              s.id,
              `already exists with other values (${fields.join(', ')}); change it with an update mutation`,
              s.path,
            )
          : null;
    if (problem) {
      Object.assign(result, { outcome: 'CONFLICT', error: problem });
      continue;
    }
    if (!before)
      revise(() => ({
        targetId: s.id,
        action: 'CREATE',
        fields: Object.keys(after).sort(),
        before: null,
        after: JSON.stringify(after),
      }));
    else if (fields.length) {
      const only = (m: Comparable) => JSON.stringify(Object.fromEntries(fields.map((f) => [f, m[f] ?? null])));
      revise(() => ({ targetId: s.id, action: 'UPDATE', fields, before: only(before), after: only(after) }));
    }
    if (!before || fields.length) plan.valuesChanged.add(s.id);
  }
  plan.results.sort((a, b) => comparePaths(a.path, b.path));
  plan.tallies = touchedTallies(rows, found, plan.valuesChanged);
  return plan;
}

const SET_ORDER = ['sources', 'entities', 'relationships', 'events', 'corroborations'];

/** Record order: sources, entities, relationships, events, corroborations, each by index. */
function comparePaths(a: string, b: string): number {
  const [sa, na] = a.split('.');
  const [sb, nb] = b.split('.');
  return SET_ORDER.indexOf(sa!) - SET_ORDER.indexOf(sb!) || Number(na) - Number(nb);
}

function factOfPath(path: string): FactKind | 'SOURCE' {
  const set = path.split('.')[0];
  return set === 'sources'
    ? 'SOURCE'
    : set === 'relationships'
      ? 'RELATIONSHIP'
      : set === 'events'
        ? 'EVENT'
        : 'ENTITY';
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
      ...after.flatMap((e) =>
        e.participants.filter((p) => p.props.role === MOVE_DESTINATION_ROLE).map((p) => p.entity),
      ),
    ],
  };
}
