import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import type { NodeRecord, RelRecord } from './records';
import { textOf } from '../errors';

/**
 * CSV files for `neo4j-admin database import full`: one data file per node label combination and
 * relationship type, with the header in its own file written at the end, once every column and
 * its type is known (the importer reads rows shorter than the header as missing values). Column
 * types are inferred from the values: integers are `long` unless a fraction shows up.
 */
export const ARRAY_DELIMITER = '\u001f';

type ColumnType = 'string' | 'long' | 'double' | 'boolean';

const scalarType = (v: unknown): ColumnType | undefined =>
  typeof v === 'string'
    ? 'string'
    : typeof v === 'boolean'
      ? 'boolean'
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? 'long'
          : 'double'
        : undefined;

function typeOf(value: unknown): { type: ColumnType; array: boolean } | undefined {
  if (Array.isArray(value)) {
    if (!value.length) return undefined;
    const types = new Set(value.map(scalarType));
    const type =
      types.has('double') && types.has('long') && types.size === 2
        ? 'double'
        : types.size === 1
          ? [...types][0]
          : undefined;
    return type ? { type, array: true } : undefined;
  }
  const type = scalarType(value);
  return type ? { type, array: false } : undefined;
}

// Millions of values go through here: plain string searches rather than regular expressions.
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.map(textOf).join(ARRAY_DELIMITER) : textOf(value);
  if (text.includes('\n') || text.includes('\r'))
    throw new Error(`a value with a line break cannot go through the CSV import: ${text.slice(0, 60)}`);
  if (typeof value !== 'string' && !Array.isArray(value)) return text;
  return `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;
}

class Table {
  private readonly columns = new Map<string, { type: ColumnType; array: boolean; index: number }>();
  private readonly stream: WriteStream;
  private buffer = '';
  rows = 0;

  constructor(
    readonly name: string,
    readonly dataFile: string,
    readonly headerFile: string,
    private readonly fixed: string[],
  ) {
    this.stream = createWriteStream(dataFile);
  }

  /** Buffers one row; the caller flushes (CsvWriter.drain) between chunks, not a promise per row. */
  write(fixedValues: string[], props: Record<string, unknown>): void {
    const values: string[] = fixedValues.map(field);
    for (const key in props) {
      const value = props[key];
      const type = typeOf(value);
      if (!type) continue;
      let column = this.columns.get(key);
      if (!column) {
        column = { ...type, index: this.columns.size };
        this.columns.set(key, column);
      } else if (column.type !== type.type || column.array !== type.array) {
        if (
          column.array === type.array &&
          new Set([column.type, type.type]).has('double') &&
          new Set([column.type, type.type]).has('long')
        )
          column.type = 'double';
        else throw new Error(`${this.name}.${key}: values of types ${column.type} and ${type.type}`);
      }
      values[this.fixed.length + column.index] = field(value);
    }
    for (let i = 0; i < values.length; i += 1) if (values[i] === undefined) values[i] = '';
    this.buffer += `${values.join(',')}\n`;
    this.rows += 1;
  }

  async flush(): Promise<void> {
    if (!this.buffer) return;
    const ok = this.stream.write(this.buffer);
    this.buffer = '';
    if (!ok) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
    const header = [
      ...this.fixed,
      ...[...this.columns.entries()]
        .sort((a, b) => a[1].index - b[1].index)
        .map(([key, c]) => `${key}:${c.type}${c.array ? '[]' : ''}`),
    ];
    writeFileSync(this.headerFile, `${header.join(',')}\n`);
  }
}

export class CsvWriter {
  private readonly nodes = new Map<string, Table>();
  private readonly rels = new Map<string, Table>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private table(map: Map<string, Table>, kind: string, name: string, fixed: string[]): Table {
    let table = map.get(name);
    if (!table) {
      const base = path.join(this.dir, `${kind}-${name}`);
      table = new Table(name, `${base}.csv`, `${base}.header.csv`, fixed);
      map.set(name, table);
    }
    return table;
  }

  /** Node ids share one id space: entity, event and source ids never collide (their prefixes differ). */
  node(record: NodeRecord): void {
    const { id, ...props } = record.props;
    // The importer splits :LABEL values at the array delimiter too.
    this.table(this.nodes, 'nodes', record.table, ['id:ID', ':LABEL']).write(
      [String(id), record.labels.join(ARRAY_DELIMITER)],
      props,
    );
  }

  relationship(record: RelRecord): void {
    this.table(this.rels, 'rels', record.type, [':START_ID', ':END_ID', ':TYPE']).write(
      [record.from.id, record.to.id, record.type],
      record.props,
    );
  }

  /** Hands every table's buffered rows to its file, waiting where the disk is behind. */
  async drain(): Promise<void> {
    for (const table of [...this.nodes.values(), ...this.rels.values()]) await table.flush();
  }

  /** Closes every file; returns the importer's --nodes and --relationships arguments. */
  async close(): Promise<{ nodes: string[]; relationships: string[] }> {
    const all = [...this.nodes.values(), ...this.rels.values()];
    for (const table of all) await table.close();
    const arg = (t: Table) => `${t.headerFile},${t.dataFile}`;
    return { nodes: [...this.nodes.values()].map(arg), relationships: [...this.rels.values()].map(arg) };
  }
}
