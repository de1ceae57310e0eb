import type { GraphEdge, GraphNode } from './graph.type';

/**
 * A selection's nodes and edges as the GraphQL types name their keys (nodeId, edgeId). The key is
 * added to each object in place (they are the request's own rows): a copy would read every
 * property, and a node's metrics are getters that compute the selection's metrics on first read
 * (src/graph/analytics.ts withMetrics), which only a query that selects them should pay for.
 */
export const toGraphNodes = <N extends { id: string }>(nodes: N[]): (N & GraphNode)[] =>
  nodes.map((n) => Object.assign(n, { nodeId: n.id }) as N & GraphNode);

export const toGraphEdges = <E extends { id: string }>(edges: E[]): (E & GraphEdge)[] =>
  edges.map((e) => Object.assign(e, { edgeId: e.id }) as E & GraphEdge);
