import { InvalidInput } from '../errors';
import { withMetrics, type NodeMetrics } from './analytics';
import { partialDateUpperBound } from '../model/partialDate';
import { EVENT_KIND_LIST } from '../model/registry';
import type { EventKind } from '../model/vocabulary';
import type { Executor } from '../neo4j/executor';
import {
  subgraphQueries,
  type EdgeData,
  type NodeData,
  type SubgraphParams,
  type SubgraphRow,
} from '../store/subgraph.store';

export type { EdgeData, NodeData, SubgraphRow };

/**
 * A graph-shaped selection of the knowledge graph, shared by the `graph(...)` query and the
 * /export/graph.* files (cypher/queries/subgraph.cypher): the same parameters select the same
 * nodes and edges in the same order.
 */

/** Literal bound of the walk in subgraph.cypher (`{0,3}`). */
export const MAX_SELECTION_DEPTH = 3;
export const MAX_SEEDS = 50;

export interface Selection {
  /** Start from these node ids (entities or events); empty or absent = no seeds. */
  seeds?: string[] | null;
  /** Hops from the seeds, 0 to 3 (ignored without seeds). */
  depth: number;
  kinds?: EventKind[] | null;
  /** Partial dates, inclusive. */
  from?: string | null;
  to?: string | null;
  /** Most nodes kept. */
  limit: number;
}

/** A selection that cannot be answered as asked, naming the argument at fault. */
export class SelectionError extends InvalidInput {
  override name = 'SelectionError';
  get argument(): string {
    return this.path;
  }
}

/** The Cypher parameters of a selection; checks what single-argument validation cannot. */
export function subgraphParams(selection: Selection): SubgraphParams {
  const { from, to } = selection;
  if (from && to && from > partialDateUpperBound(to))
    throw new SelectionError('to', `must not be before from (${from})`);
  return {
    seeds: selection.seeds?.length ? [...new Set(selection.seeds)] : null,
    depth: selection.depth,
    kinds: selection.kinds?.length ? selection.kinds : null,
    from: from ?? null,
    to: to ? partialDateUpperBound(to) : null,
    limit: selection.limit,
    allKinds: EVENT_KIND_LIST,
  };
}

/** A node of a selection with its metrics on that selection (src/graph/analytics.ts). */
export type AnalysedNode = NodeData & NodeMetrics;

export interface SubgraphResult {
  nodes: AnalysedNode[];
  edges: EdgeData[];
  /** Nodes the selection found before the cap; on large graphs the walk stops early, so a lower bound when truncated. */
  totalNodes: number;
}

/** Gathers rows as they come (nodes first, then edges); `done()` adds the metrics, which need every edge. */
export function subgraphCollector() {
  const nodes: NodeData[] = [];
  const edges: EdgeData[] = [];
  let totalNodes = 0;
  return {
    add(row: SubgraphRow): void {
      totalNodes = row.total;
      if (row.element === 'node') {
        if (edges.length) throw new Error('subgraph: a node came after the edges');
        nodes.push(row.data);
      } else edges.push(row.data);
    },
    done(): SubgraphResult {
      return { nodes: withMetrics(nodes, edges), edges, totalNodes };
    },
  };
}

/** The whole selection in memory, with its metrics (for GraphQL, whose answer is one document anyway): one round trip. */
export async function readSubgraph(db: Executor, selection: Selection): Promise<SubgraphResult> {
  const rows = await db.read(subgraphQueries.subgraph, subgraphParams(selection));
  const collector = subgraphCollector();
  for (const row of rows) collector.add(row);
  return collector.done();
}

/**
 * The selection row by row as Neo4j sends it (for the exports): all nodes first, then all edges.
 * `onRow` may return a promise (e.g. waiting for a slow client), and the database waits with it.
 */
export function streamSubgraph(
  db: Executor,
  selection: Selection,
  onRow: (row: SubgraphRow) => void | Promise<void>,
): Promise<number> {
  return db.stream(subgraphQueries.subgraph, subgraphParams(selection), onRow);
}
