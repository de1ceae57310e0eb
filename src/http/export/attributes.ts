import { spanOf } from '../../graph/interval';
import type { AnalysedNode, EdgeData, NodeData } from '../../graph/subgraph';

/**
 * The columns of the GraphML and GEXF files, declared up front (<key>, <attributes>) so that
 * nodes and edges can stream after them. In these two formats `label` is what Gephi and yEd show
 * (the entity name or event summary; the edge type) and `type` is the node label of the API
 * (Person, Acquisition…). `degree`, `pagerank` and `community` are numbers, declared as such, so
 * Gephi and Cytoscape can size and colour by them without a plugin.
 */
export interface Column<T> {
  name: string;
  /** GraphML's attr.type names; GEXF spells int "integer" (GEXF_TYPES). */
  type: 'string' | 'boolean' | 'int' | 'double';
  value(element: T): string | number | boolean | null | undefined;
}

export const GEXF_TYPES: Record<Column<unknown>['type'], string> = {
  string: 'string',
  boolean: 'boolean',
  int: 'integer',
  double: 'double',
};

const joined = (list: string[] | null, separator: string) => (list?.length ? list.join(separator) : null);

export const NODE_COLUMNS: Column<AnalysedNode>[] = [
  { name: 'type', type: 'string', value: (n) => n.label },
  { name: 'kind', type: 'string', value: (n) => n.kind },
  { name: 'date', type: 'string', value: (n) => n.date },
  { name: 'dateNote', type: 'string', value: (n) => n.dateNote },
  { name: 'summary', type: 'string', value: (n) => n.summary },
  { name: 'description', type: 'string', value: (n) => n.description },
  { name: 'names', type: 'string', value: (n) => joined(n.names, ' | ') },
  { name: 'categories', type: 'string', value: (n) => joined(n.categories, ' ') },
  { name: 'anonymous', type: 'boolean', value: (n) => n.anonymous },
  { name: 'degree', type: 'int', value: (n) => n.degree },
  { name: 'pagerank', type: 'double', value: (n) => n.pagerank },
  { name: 'community', type: 'int', value: (n) => n.community },
];

export const EDGE_COLUMNS: Column<EdgeData>[] = [
  { name: 'type', type: 'string', value: (e) => e.type },
  { name: 'role', type: 'string', value: (e) => e.role },
  { name: 'quote', type: 'string', value: (e) => e.quote },
  { name: 'since', type: 'string', value: (e) => e.since },
  { name: 'until', type: 'string', value: (e) => e.until },
];

/** When a node is on the timeline: a dated event for the days its date covers; entities always. */
export const nodeSpan = (n: NodeData) => spanOf(n.date, n.date);

/** An event role for its event's days; a stable relationship from `since` to `until`. */
export const edgeSpan = (e: EdgeData) => (e.date ? spanOf(e.date, e.date) : spanOf(e.since, e.until));

/** Present values only: a missing property has no <data> or <attvalue> at all. */
export function present<T>(columns: Column<T>[], element: T): [Column<T>, string][] {
  const out: [Column<T>, string][] = [];
  for (const column of columns) {
    const value = column.value(element);
    if (value === null || value === undefined || value === '') continue;
    out.push([column, String(value)]);
  }
  return out;
}
