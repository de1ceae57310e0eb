import type {
  CorroborationRecord,
  EntityRecord,
  EventRecord,
  FactSet,
  RelationshipRecord,
  SourceRecord,
} from '../model/records';
import { textOf } from '../errors';

/**
 * The import's file format: JSON Lines, one record a line, each `{"record": …}` (not `type`, which a relationship's own fields use) with the fields of
 * the seed data's records (cypher/seed/data/*.json, src/model/records.ts): `source`, `entity`,
 * `relationship`, `event`, or `corroboration` (more citations for a fact that exists). This file
 * checks the shape of each line (required fields, types, no unknown fields) and remembers its
 * line number; the writer checks the rest (the registry, references, verbatim quotes).
 */
export type RecordType = 'source' | 'entity' | 'relationship' | 'event' | 'corroboration';

type FieldType =
  'string' | 'string?' | 'boolean?' | 'date?' | 'strings?' | 'object?' | 'citations?' | 'participants' | 'citations';

const CITED: Record<string, FieldType> = { sourceId: 'string?', citations: 'citations?' };

const SHAPES: Record<RecordType, Record<string, FieldType>> = {
  source: {
    id: 'string',
    title: 'string',
    publisher: 'string?',
    date: 'date?',
    language: 'string?',
    file: 'string?',
    text: 'string',
  },
  entity: {
    id: 'string',
    label: 'string',
    name: 'string',
    aliases: 'strings?',
    categories: 'strings?',
    description: 'string?',
    anonymous: 'boolean?',
    quote: 'string?',
    allowSameName: 'boolean?',
    ...CITED,
  },
  relationship: {
    type: 'string',
    from: 'string',
    to: 'string',
    role: 'string?',
    roleEn: 'string?',
    since: 'date?',
    until: 'date?',
    current: 'boolean?',
    quote: 'string?',
    ...CITED,
  },
  event: {
    id: 'string',
    kind: 'string',
    date: 'date?',
    dateNote: 'string?',
    summary: 'string',
    participants: 'participants',
    props: 'object?',
    quotes: 'strings?',
    allowSimilar: 'boolean?',
    ...CITED,
  },
  corroboration: { factId: 'string', citations: 'citations' },
};

const SETS: Record<RecordType, keyof FactSet> = {
  source: 'sources',
  entity: 'entities',
  relationship: 'relationships',
  event: 'events',
  corroboration: 'corroborations',
};

/** A line that is not a record of the format. */
export class LineError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`line ${line}: ${detail}`);
  }
}

export interface ParsedFile {
  facts: Required<FactSet>;
  /** The line of each record, by its place in the set (`events.3` → 17). */
  lineOf(path: string): number | undefined;
  records: number;
}

const isString = (v: unknown): v is string => typeof v === 'string';

function checkField(value: unknown, type: FieldType): string | null {
  const optional = type.endsWith('?');
  if (value === undefined || (value === null && optional)) return optional ? null : 'is required';
  switch (type.replace('?', '')) {
    case 'string':
      return isString(value) && value.length > 0 ? null : 'must be a non-empty string';
    case 'date':
      return isString(value) ? null : 'must be a partial ISO date string (2024, 2024-10, 2024-10-28)';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'strings':
      return Array.isArray(value) && value.every(isString) ? null : 'must be a list of strings';
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? null : 'must be an object';
    case 'participants':
      return Array.isArray(value) &&
        value.length > 0 &&
        value.every(
          (p: { role?: unknown; id?: unknown } | null) =>
            p && isString(p.role) && isString(p.id) && Object.keys(p).length === 2,
        )
        ? null
        : 'must be a non-empty list of {"role", "id"}';
    case 'citations':
      return Array.isArray(value) &&
        value.every(
          (c: { quote?: unknown; sourceId?: unknown } | null) =>
            c &&
            isString(c.quote) &&
            (c.sourceId === undefined || isString(c.sourceId)) &&
            Object.keys(c).every((k) => k === 'quote' || k === 'sourceId'),
        )
        ? null
        : 'must be a list of {"sourceId", "quote"}';
    default:
      return 'has an unknown type';
  }
}

/** Parses and shape-checks a whole file; every problem found is reported, each with its line. */
export function parseJsonLines(text: string): ParsedFile {
  const facts: Required<FactSet> = { sources: [], entities: [], relationships: [], events: [], corroborations: [] };
  const lines = new Map<string, number>();
  const problems: LineError[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      problems.push(new LineError(line, `not JSON (${textOf(error)})`));
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return void problems.push(new LineError(line, 'a record is a JSON object'));
    const { record: type, ...fields } = value as Record<string, unknown>;
    const shape = SHAPES[type as RecordType];
    if (!shape)
      return void problems.push(new LineError(line, `"record" must be one of ${Object.keys(SHAPES).join(', ')}`));
    const unknown = Object.keys(fields).filter((k) => !(k in shape));
    if (unknown.length)
      return void problems.push(new LineError(line, `unknown field(s) of a ${String(type)}: ${unknown.join(', ')}`));
    for (const [field, fieldType] of Object.entries(shape)) {
      const problem = checkField(fields[field], fieldType);
      if (problem) return void problems.push(new LineError(line, `${field} ${problem}`));
    }
    const set = SETS[type as RecordType];
    const list = facts[set] as unknown[];
    lines.set(`${set}.${list.length}`, line);
    list.push(
      fields as unknown as SourceRecord & EntityRecord & RelationshipRecord & EventRecord & CorroborationRecord,
    );
  });
  if (problems.length) throw new AggregateError(problems, problems.map((p) => p.message).join('\n'));
  const records = Object.values(facts).reduce((n, list) => n + list.length, 0);
  return { facts, records, lineOf: (path) => lines.get(path.split('.').slice(0, 2).join('.')) };
}
