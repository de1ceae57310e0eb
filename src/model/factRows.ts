import { InvalidInput, textOf } from '../errors';
import { ENTITY_ID, EVENT_ID } from './ids';
import { nameForms, nameKey } from './names';
import { partialDatePrecision } from './partialDate';
import type {
  FactCitation,
  Cited,
  EntityRecord,
  EventRecord,
  FactKind,
  FactSet,
  Money,
  RelationshipRecord,
} from './records';
import { ENTITY_ID_PREFIX, EVENT_KINDS, RELATIONSHIP_TYPES, roleOf } from './registry';
import { eventSortKey } from './sortKeys';
import { EntityLabel, EventKind } from './vocabulary';

/**
 * Fact records (src/model/records.ts) checked against the registry (src/model/registry.ts) and
 * translated into the parameter rows of cypher/queries/facts.cypher. Every derived property the
 * queries rely on (an event's sortKey, the scope properties of INVOLVES, name keys, implied talent
 * moves) is made here only.
 */

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

/** The id of the talent move implied by `mover` taking part in event `eventId` (see ImpliedMove). */
export function impliedMoveId(eventId: string, moverId: string): string {
  const slug = (id: string) => id.slice(id.lastIndexOf('/') + 1);
  return `event/${EVENT_KINDS.TALENT_MOVE.slug}/${slug(eventId)}--${slug(moverId)}`;
}

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
): FactCitation[] {
  const rows: FactCitation[] = [];
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
