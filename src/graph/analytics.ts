import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import pagerank from 'graphology-metrics/centrality/pagerank';

/**
 * Network metrics of one selection (the nodes and edges a visualiser gets), computed on that
 * selection alone: the same code for graph(...), neighborhood(...), shortestPath and the
 * /export/graph.* files, so that every view of a selection agrees.
 */
export interface NodeMetrics {
  /** Edges of the selection at the node, in and out (parallel edges count each). */
  degree: number;
  /** PageRank over the directed edges (event → participant, person → organization…), summing to 1. */
  pagerank: number;
  /** Louvain community, numbered by size: 0 is the largest (ties: the one with the smallest node id). */
  community: number;
}

export interface MetricNode {
  id: string;
}

export interface MetricEdge {
  source: string;
  target: string;
}

/** Louvain's RNG seed: a fixed seed, so the same selection always gets the same communities. */
const LOUVAIN_SEED = 20241205;

/** mulberry32: a tiny seeded PRNG with Math.random's contract, for Louvain's random walk. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Renumbers communities by size (largest first), ties by their smallest node id: stable, readable colours. */
function renumber(ids: string[], raw: Record<string, number>): Map<string, number> {
  const members = new Map<number, string[]>();
  for (const id of ids) {
    const c = raw[id]!;
    if (!members.has(c)) members.set(c, []);
    members.get(c)!.push(id);
  }
  const order = [...members.values()]
    .map((list) => ({ list, first: list.reduce((a, b) => (a < b ? a : b)) }))
    .sort((a, b) => b.list.length - a.list.length || (a.first < b.first ? -1 : 1));
  const out = new Map<string, number>();
  order.forEach(({ list }, i) => list.forEach((id) => out.set(id, i)));
  return out;
}

/**
 * Degree, PageRank and Louvain community of every node of a selection. Edges whose ends are not
 * both in the selection are ignored; parallel edges weigh as many as there are.
 */
export function computeMetrics(nodes: readonly MetricNode[], edges: readonly MetricEdge[]): Map<string, NodeMetrics> {
  // Two views of the same edges: PageRank follows their direction (importance flows to the
  // participant, the employer, the group); communities are about ties, whatever their direction.
  const directed = new Graph({ type: 'directed', allowSelfLoops: true });
  const undirected = new Graph({ type: 'undirected', allowSelfLoops: true });
  const degree = new Map<string, number>();
  for (const { id } of nodes) {
    if (directed.hasNode(id)) continue;
    directed.addNode(id);
    undirected.addNode(id);
    degree.set(id, 0);
  }
  const bump = (g: Graph, source: string, target: string) => {
    if (g.hasEdge(source, target)) g.updateEdgeAttribute(source, target, 'weight', (w: number) => w + 1);
    else g.addEdge(source, target, { weight: 1 });
  };
  for (const { source, target } of edges) {
    if (!degree.has(source) || !degree.has(target)) continue;
    degree.set(source, degree.get(source)! + 1);
    if (target !== source) degree.set(target, degree.get(target)! + 1);
    bump(directed, source, target);
    bump(undirected, source, target);
  }

  const ids = [...degree.keys()];
  const metrics = new Map<string, NodeMetrics>();
  if (!ids.length) return metrics;
  const rank = pagerank(directed, { getEdgeWeight: 'weight', maxIterations: 1000 });
  const communities = renumber(ids, louvain(undirected, { getEdgeWeight: 'weight', rng: seededRandom(LOUVAIN_SEED) }));
  for (const id of ids)
    metrics.set(id, { degree: degree.get(id)!, pagerank: rank[id]!, community: communities.get(id)! });
  return metrics;
}

/**
 * The nodes with their metrics, in their order. The metrics are computed for the whole selection on
 * the first read of any of them (a getter), so a query that selects none (`nodes { id name }`)
 * costs no PageRank or Louvain; exports and JSON read them like plain properties.
 */
export function withMetrics<N extends MetricNode>(
  nodes: readonly N[],
  edges: readonly MetricEdge[],
): (N & NodeMetrics)[] {
  let metrics: Map<string, NodeMetrics> | undefined;
  const of = (id: string): NodeMetrics => (metrics ??= computeMetrics(nodes, edges)).get(id)!;
  return nodes.map(
    (n) =>
      Object.defineProperties(
        { ...n },
        {
          degree: { get: () => of(n.id).degree, enumerable: true },
          pagerank: { get: () => of(n.id).pagerank, enumerable: true },
          community: { get: () => of(n.id).community, enumerable: true },
        },
      ) as N & NodeMetrics,
  );
}
