import { InvalidInput } from '../errors';
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

export interface EntityRecord {
  id: string;
  label: EntityLabel;
  name: string;
  aliases?: string[];
  categories?: string[];
  description?: string;
  anonymous?: boolean;
  quote: string;
  /** The source the quote is from; the first source of the set when omitted. */
  sourceId?: string;
  /** Accept a name another entity of the same label already has (two people called 李明). */
  allowSameName?: boolean;
}

export interface RelationshipRecord {
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
  quote: string;
  sourceId?: string;
}

export interface EventRecord {
  id: string;
  kind: EventKind;
  date: string | null;
  dateNote?: string;
  summary: string;
  participants: { role: string; id: string }[];
  props?: Record<string, unknown>;
  quotes: string[];
  sourceId?: string;
}

export interface FactSet {
  sources: SourceRecord[];
  entities: EntityRecord[];
  relationships: RelationshipRecord[];
  events: EventRecord[];
}

/** The id of a stable relationship, derived so that it is the same on every load. */
export function relationshipId(r: Pick<RelationshipRecord, 'type' | 'from' | 'to'>): string {
  return `rel/${r.type.toLowerCase()}/${r.from}/${r.to}`;
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
  check(typeof value === 'string' && partialDatePrecision(value), path, `"${String(value)}" is not a partial ISO date`);
}

/** Neo4j properties are scalars or lists of scalars: money maps become amount/currency pairs. */
function flattenProps(kind: EventKind, props: Record<string, unknown>, path: string): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const money = value as Partial<Money>;
      check(EVENT_KINDS[kind].money.includes(key), `${path}.${key}`, `a ${kind} has no money property ${key}`);
      check(typeof money.amount === 'number' && /^[A-Z]{3}$/.test(money.currency ?? ''), `${path}.${key}`, 'money needs amount and an ISO 4217 currency');
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
    check(role, `${path}.participants.${n}.role`, `a ${e.kind} has no role "${p.role}" (roles: ${spec.roles.map((r) => r.role).join(', ')})`);
    check(ENTITY_ID.test(p.id), `${path}.participants.${n}.entity`, `"${p.id}" is not an entity id`);
    seen.set(p.role, (seen.get(p.role) ?? 0) + 1);
    check(role.many || seen.get(p.role) === 1, `${path}.participants.${n}.role`, `a ${e.kind} has one ${p.role} at most`);
  });
  const missing = spec.roles.filter((r) => r.required && !seen.has(r.role)).map((r) => r.role);
  check(!missing.length, `${path}.participants`, `a ${e.kind} needs the role(s): ${missing.join(', ')}`);
  check(!spec.anyOf || spec.anyOf.some((r) => seen.has(r)), `${path}.participants`, `a ${e.kind} needs one of the roles: ${spec.anyOf?.join(', ')}`);
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
    quotes: e.quotes,
    sourceId: e.sourceId,
  }));
}

export type FactRows = ReturnType<typeof toFactRows>;

/**
 * Turns facts into the parameter rows of cypher/queries/facts.cypher, checking them against the
 * registry. Problems are InvalidInput naming the record's path in the set (`events.3.participants.0.role`).
 * `defaultSourceId` is the source of records that do not name their own.
 */
export function toFactRows(data: FactSet, defaultSourceId = data.sources[0]?.id) {
  const sourceOf = (record: { sourceId?: string }, path: string) => {
    const sourceId = record.sourceId ?? defaultSourceId;
    check(sourceId, path, 'no source to cite');
    return sourceId;
  };

  const sources = data.sources.map(({ id, ...props }) => ({ id, props }));

  const entities = data.entities.map((e, n) => {
    const path = `entities.${n}`;
    check(Object.values(EntityLabel).includes(e.label), `${path}.label`, `unknown label ${e.label}`);
    check(ENTITY_ID.test(e.id) && e.id.startsWith(`${ENTITY_ID_PREFIX[e.label]}/`), `${path}.id`, `a ${e.label} id looks like ${ENTITY_ID_PREFIX[e.label]}/<slug>`);
    check(!e.categories?.length || e.label === EntityLabel.Organization, `${path}.categories`, 'only organizations have categories');
    const names = nameForms(e.name, e.aliases);
    const keys = [...new Set(names.map(nameKey))].filter(Boolean);
    check(keys.length, `${path}.name`, 'must contain a letter or a character');
    return {
      id: e.id,
      label: e.label,
      sourceId: sourceOf(e, `${path}.sourceId`),
      quote: e.quote,
      allowSameName: e.allowSameName ?? false,
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
      },
    };
  });

  const relationships = data.relationships.map((r, n) => {
    const path = `relationships.${n}`;
    check(RELATIONSHIP_TYPES[r.type], `${path}.type`, `unknown type ${r.type}`);
    check(ENTITY_ID.test(r.from), `${path}.from`, `"${r.from}" is not an entity id`);
    check(ENTITY_ID.test(r.to), `${path}.to`, `"${r.to}" is not an entity id`);
    checkDate(r.since, `${path}.since`);
    checkDate(r.until, `${path}.until`);
    check(!r.inferred || r.inferredBasis?.trim(), `${path}.inferredBasis`, 'an inferred relationship says what it is inferred from');
    check(r.inferred || !r.inferredBasis, `${path}.inferred`, 'a basis of inference is given only with inferred: true');
    return {
      id: relationshipId(r),
      type: r.type,
      from: r.from,
      to: r.to,
      sourceId: sourceOf(r, `${path}.sourceId`),
      quote: r.quote,
      props: {
        role: r.role ?? null,
        roleEn: r.roleEn ?? null,
        since: r.since ?? null,
        until: r.until ?? null,
        current: r.current ?? null,
        // Stored only when true: a relationship without it is stated by its quote.
        inferred: r.inferred ? true : null,
        inferredBasis: r.inferred ? r.inferredBasis! : null,
      },
    };
  });

  const eventRow = (e: EventRecord, path: string) => {
    check(EVENT_KINDS[e.kind], `${path}.kind`, `unknown kind ${e.kind}`);
    const slug = EVENT_ID.exec(e.id)?.[1];
    check(slug === EVENT_KINDS[e.kind].slug, `${path}.id`, `a ${e.kind} id looks like event/${EVENT_KINDS[e.kind].slug}/<slug>`);
    checkDate(e.date, `${path}.date`);
    checkRoles(e, path);
    const sortKey = eventSortKey(e.date, e.id);
    return {
      id: e.id,
      /** Where the record is in the set (an implied move's is its event's), for errors. */
      path,
      label: EVENT_KINDS[e.kind].label,
      sourceId: sourceOf(e, `${path}.sourceId`),
      quotes: e.quotes,
      // INVOLVES carries its event's kind and sort key and its entity's id, so that one entity's
      // events are read from a relationship index in order (cypher/schema/004-scale-indexes.cypher).
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
      },
    };
  };
  const events = data.events.flatMap((e, n) => {
    const row = eventRow(e, `events.${n}`);
    return [row, ...impliedMoves(e).map((move) => eventRow(move, `events.${n}`))];
  });

  return { sources, entities, relationships, events };
}
