import { nameForms, nameKey } from '../model/names';
import { partialDatePrecision } from '../model/partialDate';
import { EntityLabel, EVENT_LABEL, EventKind, RelationshipType } from '../model/vocabulary';

/**
 * Facts as reviewable records (the shape of cypher/seed/data/*.json and of the API's write inputs)
 * and their translation into the parameter rows of cypher/queries/facts.cypher.
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

export class FactError extends Error {
  override name = 'FactError';
}

/** The id of a stable relationship, derived so that it is the same on every load. */
export function relationshipId(r: Pick<RelationshipRecord, 'type' | 'from' | 'to'>): string {
  return `rel/${r.type.toLowerCase()}/${r.from}/${r.to}`;
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new FactError(message);
}

function checkDate(value: unknown, where: string): void {
  if (value === null || value === undefined) return;
  check(typeof value === 'string' && partialDatePrecision(value), `${where}: "${String(value)}" is not a partial ISO date`);
}

/** Neo4j properties are scalars or lists of scalars: money maps become amount/currency pairs. */
function flattenProps(props: Record<string, unknown>, where: string): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const money = value as Partial<Money>;
      check(typeof money.amount === 'number' && /^[A-Z]{3}$/.test(money.currency ?? ''), `${where}.${key}: money needs amount and an ISO 4217 currency`);
      flat[`${key}Amount`] = money.amount;
      flat[`${key}Currency`] = money.currency;
    } else {
      flat[key] = value;
    }
  }
  return flat;
}

/**
 * Turns facts into the parameter rows of cypher/queries/facts.cypher, checking the vocabulary.
 * `defaultSourceId` is the source of records that do not name their own.
 */
export function toFactRows(data: FactSet, defaultSourceId = data.sources[0]?.id) {
  const sourceOf = (record: { sourceId?: string }, where: string) => {
    const sourceId = record.sourceId ?? defaultSourceId;
    check(sourceId, `${where}: no source to cite`);
    return sourceId;
  };
  const labels = new Set<string>(Object.values(EntityLabel));
  const types = new Set<string>(Object.values(RelationshipType));

  const sources = data.sources.map(({ id, ...props }) => ({ id, props }));

  const entities = data.entities.map((e) => {
    check(labels.has(e.label), `entity ${e.id}: unknown label ${e.label}`);
    const names = nameForms(e.name, e.aliases);
    return {
      id: e.id,
      label: e.label,
      sourceId: sourceOf(e, `entity ${e.id}`),
      quote: e.quote,
      allowSameName: e.allowSameName ?? false,
      props: {
        name: e.name,
        names,
        namesText: names.join(' | '),
        key: nameKey(e.name),
        keys: [...new Set(names.map(nameKey))],
        aliases: e.aliases ?? [],
        description: e.description ?? null,
        categories: e.label === EntityLabel.Organization ? (e.categories ?? []) : null,
        anonymous: e.anonymous ?? false,
      },
    };
  });

  const relationships = data.relationships.map((r) => {
    check(types.has(r.type), `relationship ${r.from}->${r.to}: unknown type ${r.type}`);
    checkDate(r.since, `relationship ${relationshipId(r)}.since`);
    checkDate(r.until, `relationship ${relationshipId(r)}.until`);
    return {
      id: relationshipId(r),
      type: r.type,
      from: r.from,
      to: r.to,
      sourceId: sourceOf(r, `relationship ${relationshipId(r)}`),
      quote: r.quote,
      props: {
        role: r.role ?? null,
        roleEn: r.roleEn ?? null,
        since: r.since ?? null,
        until: r.until ?? null,
        current: r.current ?? null,
      },
    };
  });

  const events = data.events.map((e) => {
    const label = EVENT_LABEL[e.kind];
    check(label, `event ${e.id}: unknown kind ${e.kind}`);
    checkDate(e.date, `event ${e.id}.date`);
    return {
      id: e.id,
      label,
      sourceId: sourceOf(e, `event ${e.id}`),
      quotes: e.quotes,
      participants: e.participants,
      props: {
        ...flattenProps(e.props ?? {}, `event ${e.id}.props`),
        kind: e.kind,
        date: e.date ?? null,
        datePrecision: e.date ? partialDatePrecision(e.date) : null,
        dateNote: e.dateNote ?? null,
        summary: e.summary,
      },
    };
  });

  return { sources, entities, relationships, events };
}
