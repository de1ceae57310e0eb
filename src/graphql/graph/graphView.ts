import type { GraphEdge, GraphNode } from './graph.type';

/** A selection's nodes and edges as the GraphQL types name their keys (nodeId, edgeId). */
export const toGraphNodes = <N extends { id: string }>(nodes: N[]): (N & GraphNode)[] =>
  nodes.map((n) => ({ ...n, nodeId: n.id }) as N & GraphNode);

export const toGraphEdges = <E extends { id: string }>(edges: E[]): (E & GraphEdge)[] =>
  edges.map((e) => ({ ...e, edgeId: e.id }) as E & GraphEdge);
