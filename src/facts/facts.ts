import { InvalidInput, textOf } from '../errors';
import { nameForms, nameKey } from '../model/names';
import { partialDatePrecision, partialDateUpperBound } from '../model/partialDate';
import { ENTITY_ID_PREFIX, EVENT_KINDS, RELATIONSHIP_TYPES, roleOf } from '../model/registry';
import { EntityLabel, EventKind, RelationshipType } from '../model/vocabulary';

/**
 * Facts as reviewable records (the shape of cypher/seed/data/*.json and of the API's write inputs)
 * and their translation into the parameter rows of cypher/queries/facts.cypher, checked against
 * the registry (src/model/registry.ts). Every derived property the queries rely on (an event's
 * sortKey, the scope properties of INVOLVES, name keys, implied talent moves) is made here only.
 */
export interface Money {
  amount: number;
  currency: string;
}

export interface SourceRecord {
  id: string;
  title: string;
  publisher?: string;
  date?: string;
  language?: string;
  file?: string;
  /** The full text, against which every quote citing this source is checked. */
  text?: string;
}

/** A verbatim span of a source that states a fact; the set's first source when `sourceId` is omitted. */
export interface CitationRecord {
  sourceId?: string;
  quote: string;
}

/**
 * How a record cites: `citations` (one or more, any sources), or the shorthand of one source
 * (`sourceId`) with its `quote` (entities, relationships) or `quotes` (events); both may be given.
 */
export interface Cited {
  citations?: CitationRecord[];
  /** The source of the shorthand quote(s); the first source of the set when omitted. */
  sourceId?: string;
}

export interface EntityRecord extends Cited {
  id: string;
  label: EntityLabel;
  name: string;
  aliases?: string[];
  categories?: string[];
  description?: string;
  anonymous?: boolean;
  quote?: string;
  /** Accept a name another entity of the same label already has (two people called 李明). */
  allowSameName?: boolean;
}

export interface RelationshipRecord extends Cited {
  type: RelationshipType;
  from: string;
  to: string;
  role?: string;
  roleEn?: string;
  since?: string;
  until?: string;
  current?: boolean;
  /** True when the source does not state the relationship and it is read from elsewhere (a name); `inferredBasis` says from what. */
  inferred?: boolean;
  inferredBasis?: string;
  quote?: string;
}

export interface EventRecord extends Cited {
  id: string;
  kind: EventKind;
  date: string | null;
  dateNote?: string;
  summary: string;
  participants: { role: string; id: string }[];
  props?: Record<string, unknown>;
  quotes?: string[];
  /** Report a distinct event although one of the same kind, participants and a compatible date exists. */
  allowSimilar?: boolean;
}

/** More citations for a fact that exists (an entity, event or relationship id): a second source's report. */
export interface CorroborationRecord {
  factId: string;
  citations: CitationRecord[];
}

export interface FactSet {
  sources: SourceRecord[];
  entities: EntityRecord[];
  relationships: RelationshipRecord[];
  events: EventRecord[];
  corroborations?: CorroborationRecord[];
}

/** What a citation is attached to: each kind keeps its citations on its own relationship type. */
export type FactKind = 'ENTITY' | 'EVENT' | 'RELATIONSHIP';

/** One citation as the writer handles it: its source, quote, and where it is in the record. */
export interface CitationRow {
  sourceId: string;
  quote: string;
  /** Where the quote is in the record (`events.3.quotes.1`), for errors. */
  path: string;
  sourcePath: string;
}

/** Properties the writer keeps for itself on every fact; they never count as a change. */
export const BOOKKEEPING_KEYS = [
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'derivedVersion',
  'citationCount',
  'sourceCount',
] as const;

/** The id of a stable relationship, derived so that it is the same on every load. */
export function relationshipId(r: Pick<RelationshipRecord, 'type' | 'from' | 'to'>): string {
  return `rel/${r.type.toLowerCase()}/${r.from}/${r.to}`;
}

/** The ends of a relationship id (`rel/<type>/<from>/<to>`, entity ids being `<prefix>/<slug>`). */
export function relationshipEnds(id: string): { type: string; from: string; to: string } | null {
  const parts = id.split('/');
  if (parts.length !== 6 || parts[0] !== 'rel') return null;
  return { type: parts[1]!.toUpperCase(), from: `${parts[2]}/${parts[3]}`, to: `${parts[4]}/${parts[5]}` };
}

/** The kind of fact an id names, by its prefix. */
export function factKindOf(id: string): FactKind | null {
  if (id.startsWith('event/')) return 'EVENT';
  if (id.startsWith('rel/')) return 'RELATIONSHIP';
  return ENTITY_ID.test(id) ? 'ENTITY' : null;
}

/** Undated events sort last. */
export const UNDATED = '~';

/**
 * The order of event lists: date (undated last), then id, as one string so that a single range
 * index serves both the sort and the cursor. The space sorts before '-', so "2024-05" (a month)
 * comes before "2024-05-13" (a day in it), as partial dates compare.
 */
export function eventSortKey(date: string | null | undefined, id: string): string {
  return `${date ?? UNDATED} ${id}`;
}

/**
 * The sortKeys of events dated in an inclusive range of partial dates, as exclusive bounds
 * (lower, upper). A date bound excludes undated events, as a null date matches no range; no bound
 * at all keeps them.
 */
export function sortKeyRange(from?: string | null, to?: string | null): { lower: string; upper: string } {
  return { lower: from ?? '', upper: to ? partialDateUpperBound(to) : from ? UNDATED : '\uffff' };
}

/**
 * The period an event is tallied under (cypher/queries/stats.cypher): its date cut to the month
 * ("2024-05-13" → "2024-05"), the year itself when the source gives only the year (never invented
 * into a month), UNDATED when there is no date. Periods compare like the dates in sortKeys, so
 * sortKeyRange's bounds select the same events from periods as from sortKeys.
 */
export function tallyPeriod(date: string | null | undefined): string {
  return date ? date.slice(0, 7) : UNDATED;
}

/**
 * The sortKeys of the events of one period, as [lower, upper): a month's prefix also covers its
 * days ("2024-05-13 …"); a year's ends with the space that follows a year-only date ("2024 …").
 */
export function periodSortKeyRange(period: string): { lower: string; upper: string } {
  const prefix = period.length === 7 ? period : `${period} `;
  return { lower: prefix, upper: partialDateUpperBound(prefix) };
}

/** The id of the talent move implied by `mover` taking part in event `eventId` (see ImpliedMove). */
export function impliedMoveId(eventId: string, moverId: string): string {
  const slug = (id: string) => id.slice(id.lastIndexOf('/') + 1);
  return `event/${EVENT_KINDS.TALENT_MOVE.slug}/${slug(eventId)}--${slug(moverId)}`;
}

const SLUG = '[a-z0-9][a-z0-9-]*';
const ENTITY_ID = new RegExp(`^(${Object.values(ENTITY_ID_PREFIX).join('|')})/${SLUG}$`);
const EVENT_ID = new RegExp(`^event/(${SLUG})/${SLUG}$`);

function check(condition: unknown, path: string, message: string): asserts condition {
  if (!condition) throw new InvalidInput(path, message);
}

function checkDate(value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  check(typeof value === 'string' && partialDatePrecision(value), path, `"${textOf(value)}" is not a partial ISO date`);
}

/** Neo4j properties are scalars or lists of scalars: money maps become amount/currency pairs. */
function flattenProps(kind: EventKind, props: Record<string, unknown>, path: string): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const money = value as Partial<Money>;
      check(EVENT_KINDS[kind].money.includes(key), `${path}.${key}`, `a ${kind} has no money property ${key}`);
      check(
        typeof money.amount === 'number' && /^[A-Z]{3}$/.test(money.currency ?? ''),
        `${path}.${key}`,
        'money needs amount and an ISO 4217 currency',
      );
      flat[`${key}Amount`] = money.amount;
      flat[`${key}Currency`] = money.currency;
    } else {
      flat[key] = value;
    }
  }
  return flat;
}

/** The roles of one event checked against its kind: known, filled once when single, required ones present. */
function checkRoles(e: EventRecord, path: string): void {
  const spec = EVENT_KINDS[e.kind];
  const seen = new Map<string, number>();
  e.participants.forEach((p, n) => {
    const role = roleOf(e.kind, p.role);
    check(
      role,
      `${path}.participants.${n}.role`,
      `a ${e.kind} has no role "${p.role}" (roles: ${spec.roles.map((r) => r.role).join(', ')})`,
    );
    check(ENTITY_ID.test(p.id), `${path}.participants.${n}.entity`, `"${p.id}" is not an entity id`);
    seen.set(p.role, (seen.get(p.role) ?? 0) + 1);
    check(
      role.many || seen.get(p.role) === 1,
      `${path}.participants.${n}.role`,
      `a ${e.kind} has one ${p.role} at most`,
    );
  });
  const missing = spec.roles.filter((r) => r.required && !seen.has(r.role)).map((r) => r.role);
  check(!missing.length, `${path}.participants`, `a ${e.kind} needs the role(s): ${missing.join(', ')}`);
  check(
    !spec.anyOf || spec.anyOf.some((r) => seen.has(r)),
    `${path}.participants`,
    `a ${e.kind} needs one of the roles: ${spec.anyOf?.join(', ')}`,
  );
}

/**
 * The talent moves implied by an event's roles (a licensing deal's joiners), as TALENT_MOVE
 * records citing the same quotes; each also records the event it happened in (`via`). The
 * summary is in words: the event's own summary, which names the movers (the record holds ids
 * only, and the names of entities written earlier are not at hand here).
 */
export function impliedMoves(e: EventRecord): EventRecord[] {
  const move = EVENT_KINDS[e.kind].impliesMove;
  if (!move) return [];
  const ids = (role: string) => e.participants.filter((p) => p.role === role).map((p) => p.id);
  const [from] = ids(move.fromRole);
  const [to] = ids(move.toRole);
  if (!to) return [];
  return ids(move.moverRole).map((mover) => ({
    id: impliedMoveId(e.id, mover),
    kind: EventKind.TALENT_MOVE,
    date: e.date,
    dateNote: e.dateNote,
    summary: `Talent move in the ${e.kind.toLowerCase().replaceAll('_', ' ')}: ${e.summary}`,
    participants: [{ role: 'mover', id: mover }, ...(from ? [{ role: 'from', id: from }] : []), { role: 'to', id: to }],
    props: { via: e.id },
    citations: e.citations,
    quotes: e.quotes,
    sourceId: e.sourceId,
  }));
}

/**
 * A record's citations, the shorthand ones first, each with its source (the set's default when
 * the record names none) and its path; the same (source, quote) twice counts once.
 */
export function citationsOf(
  record: Cited & { quote?: string; quotes?: string[] },
  path: string,
  defaultSourceId: string | undefined,
): CitationRow[] {
  const rows: CitationRow[] = [];
  const add = (sourceId: string | undefined, quote: unknown, quotePath: string, sourcePath: string) => {
    const source = sourceId ?? defaultSourceId;
    check(source, sourcePath, 'no source to cite');
    check(typeof quote === 'string' && quote.length > 0, quotePath, 'a quote is a non-empty string');
    if (!rows.some((c) => c.sourceId === source && c.quote === quote))
      rows.push({ sourceId: source, quote, path: quotePath, sourcePath });
  };
  if (record.quote !== undefined) add(record.sourceId, record.quote, `${path}.quote`, `${path}.sourceId`);
  (record.quotes ?? []).forEach((q, k) => add(record.sourceId, q, `${path}.quotes.${k}`, `${path}.sourceId`));
  (record.citations ?? []).forEach((c, k) =>
    add(c.sourceId, c.quote, `${path}.citations.${k}.quote`, `${path}.citations.${k}.sourceId`),
  );
  check(rows.length, path, 'cites no source: give at least one citation (a source and a verbatim quote)');
  return rows;
}

/**
 * The version of what the writer derives on each fact (sort keys, INVOLVES keys, name keys and
 * :Name nodes, citation keys), stored as `derivedVersion` on every entity, event and relationship
 * it writes. Facts without it (written by other tools) or with an older one are derived again by
 * `npm run reindex` and at start-up (src/db/reindex.ts). Bump it when a derivation changes.
 */
export const FACT_DERIVATION_VERSION = 1;

export type FactRows = ReturnType<typeof toFactRows>;

/** A record refused before the database is asked: its path and why. */
export interface Refusal {
  path: string;
  error: InvalidInput;
}

/** An entity's stored values, name forms and keys as the writer derives them (also what the reindex derives). */
export function entityValues(e: Omit<EntityRecord, 'quote' | 'citations' | 'sourceId'>, path: string) {
  check(Object.values(EntityLabel).includes(e.label), `${path}.label`, `unknown label ${e.label}`);
  check(
    ENTITY_ID.test(e.id) && e.id.startsWith(`${ENTITY_ID_PREFIX[e.label]}/`),
    `${path}.id`,
    `a ${e.label} id looks like ${ENTITY_ID_PREFIX[e.label]}/<slug>`,
  );
  check(
    !e.categories?.length || e.label === EntityLabel.Organization,
    `${path}.categories`,
    'only organizations have categories',
  );
  check(typeof e.name === 'string', `${path}.name`, 'an entity has a name');
  const names = nameForms(e.name, e.aliases);
  const keys = [...new Set(names.map(nameKey))].filter(Boolean);
  check(keys.length, `${path}.name`, 'must contain a letter or a character');
  return {
    id: e.id,
    label: e.label,
    props: {
      name: e.name,
      names,
      namesText: names.join(' | '),
      key: nameKey(e.name),
      keys,
      aliases: e.aliases ?? [],
      description: e.description ?? null,
      categories: e.label === EntityLabel.Organization ? (e.categories ?? []) : null,
      anonymous: e.anonymous ?? false,
      derivedVersion: FACT_DERIVATION_VERSION,
    },
  };
}

/** The entity row of a record: its values and its citations. */
function entityRow(e: EntityRecord, path: string, defaultSourceId?: string) {
  const { id, label, props } = entityValues(e, path);
  return {
    id,
    path,
    label,
    citations: citationsOf(e, path, defaultSourceId),
    allowSameName: e.allowSameName ?? false,
    props,
  };
}

function relationshipRow(r: RelationshipRecord, path: string, defaultSourceId?: string) {
  check(RELATIONSHIP_TYPES[r.type], `${path}.type`, `unknown type ${r.type}`);
  check(ENTITY_ID.test(r.from), `${path}.from`, `"${r.from}" is not an entity id`);
  check(ENTITY_ID.test(r.to), `${path}.to`, `"${r.to}" is not an entity id`);
  checkDate(r.since, `${path}.since`);
  checkDate(r.until, `${path}.until`);
  check(
    !r.inferred || r.inferredBasis?.trim(),
    `${path}.inferredBasis`,
    'an inferred relationship says what it is inferred from',
  );
  check(r.inferred || !r.inferredBasis, `${path}.inferred`, 'a basis of inference is given only with inferred: true');
  return {
    id: relationshipId(r),
    path,
    type: r.type,
    from: r.from,
    to: r.to,
    citations: citationsOf(r, path, defaultSourceId),
    props: {
      role: r.role ?? null,
      roleEn: r.roleEn ?? null,
      since: r.since ?? null,
      until: r.until ?? null,
      current: r.current ?? null,
      // Stored only when true: a relationship without it is stated by its quote.
      inferred: r.inferred ? true : null,
      inferredBasis: r.inferred ? r.inferredBasis! : null,
      derivedVersion: FACT_DERIVATION_VERSION,
    },
  };
}

/** The event row of a record: its sort key, the INVOLVES edges' keys and its flattened properties (also used by the reindex). */
export function eventRow(e: EventRecord, path: string, defaultSourceId?: string) {
  check(EVENT_KINDS[e.kind], `${path}.kind`, `unknown kind ${e.kind}`);
  const slug = EVENT_ID.exec(e.id)?.[1];
  check(
    slug === EVENT_KINDS[e.kind].slug,
    `${path}.id`,
    `a ${e.kind} id looks like event/${EVENT_KINDS[e.kind].slug}/<slug>`,
  );
  checkDate(e.date, `${path}.date`);
  check(Array.isArray(e.participants), `${path}.participants`, 'an event lists its participants');
  checkRoles(e, path);
  const sortKey = eventSortKey(e.date, e.id);
  return {
    id: e.id,
    /** Where the record is in the set (an implied move's is its event's), for errors. */
    path,
    label: EVENT_KINDS[e.kind].label,
    citations: citationsOf(e, path, defaultSourceId),
    allowSimilar: e.allowSimilar ?? false,
    // INVOLVES carries its event's kind and sort key and its entity's id, so that one entity's
    // events are read from a relationship index in order (cypher/schema/003-scale-indexes.cypher).
    participants: e.participants.map((p, position) => ({
      entity: p.id,
      path: `${path}.participants.${position}.entity`,
      labels: roleOf(e.kind, p.role)!.labels,
      props: { id: `${e.id}#${p.role}#${p.id}`, role: p.role, position, entityId: p.id, kind: e.kind, sortKey },
    })),
    props: {
      ...flattenProps(e.kind, e.props ?? {}, `${path}.props`),
      kind: e.kind,
      date: e.date ?? null,
      datePrecision: e.date ? partialDatePrecision(e.date) : null,
      dateNote: e.dateNote ?? null,
      summary: e.summary,
      sortKey,
      derivedVersion: FACT_DERIVATION_VERSION,
    },
  };
}

/**
 * Turns facts into the parameter rows of cypher/queries/facts.cypher, checking each record against
 * the registry. A record that fails is left out and listed in `refused` with an InvalidInput
 * naming its path in the set (`events.3.participants.0.role`); the writer decides whether that
 * stops the write. `defaultSourceId` is the source of records that do not name their own.
 */
export function toFactRows(data: FactSet, defaultSourceId = data.sources[0]?.id) {
  const refused: Refusal[] = [];
  const each = <T, R>(list: T[], name: string, map: (item: T, path: string) => R[]): R[] =>
    list.flatMap((item, n) => {
      const path = `${name}.${n}`;
      try {
        return map(item, path);
      } catch (error) {
        if (!(error instanceof InvalidInput)) throw error;
        refused.push({ path, error });
        return [];
      }
    });

  const sources = each(data.sources, 'sources', ({ id, ...props }, path) => [{ id, path, props }]);
  const entities = each(data.entities, 'entities', (e, path) => [entityRow(e, path, defaultSourceId)]);
  const relationships = each(data.relationships, 'relationships', (r, path) => [
    relationshipRow(r, path, defaultSourceId),
  ]);
  const events = each(data.events, 'events', (e, path) => [
    eventRow(e, path, defaultSourceId),
    ...impliedMoves(e).map((move) => eventRow(move, path, defaultSourceId)),
  ]);
  const corroborations = each(data.corroborations ?? [], 'corroborations', (c, path) => {
    const kind = factKindOf(c.factId);
    check(kind, `${path}.factId`, `"${c.factId}" is not the id of an entity, event or relationship`);
    return [
      {
        factId: c.factId,
        kind,
        path,
        ends: relationshipEnds(c.factId),
        citations: citationsOf(c, path, defaultSourceId),
      },
    ];
  });

  return { sources, entities, relationships, events, corroborations, refused };
}
