// Shapes shared by the explorer's modules (checked by tsc through // @ts-check and JSDoc).
import type cytoscape from 'cytoscape';

/** /explore/config.json (src/http/explore/explore.routes.ts). */
export interface ExploreConfig {
  start: string;
  colors: Record<string, string>;
  defaultColor: string;
  communityColors: string[];
  eventKinds: { kind: string; label: string }[];
}

/** A node of graph(...), neighborhood(...) or shortestPath(...). */
export interface ApiNode {
  id: string;
  label: string;
  name: string;
  kind?: string | null;
  date?: string | null;
  degree: number;
  pagerank: number;
  community?: number | null;
}

export interface ApiEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  role?: string | null;
  quote?: string | null;
}

export interface ApiGraph {
  nodes: ApiNode[];
  edges: ApiEdge[];
  totalNodes?: number;
  truncated?: boolean;
}

export interface TalentFlow {
  nodes: { id: string; name: string }[];
  links: {
    from: { id: string; name: string } | null;
    to: { id: string; name: string };
    count: number;
    movers: { name: string }[];
  }[];
}

/** What the explorer shows: around seeds, the whole graph, the talent flow, or a path. */
export type Selection =
  | { kind: 'seeds'; seeds: string[] }
  | { kind: 'whole' }
  | { kind: 'flow' }
  | { kind: 'path'; from: string; to: string };

/** Data of a node element on the canvas. */
export interface NodeData {
  id: string;
  label: string | null;
  name: string;
  short: string;
  kind: string | null;
  date: string | null;
  isEvent: 0 | 1;
  degree: number;
  pagerank: number;
  community: number | null;
  size?: number;
  color?: string;
  /** For a community group: how many members it stands for. */
  members?: number;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  role?: string | null;
  quote?: string | null;
  caption: string;
  count?: number;
  width?: number;
}

/** An element definition as cy.add takes it. */
export interface NodeDef {
  group: 'nodes';
  data: NodeData;
  position?: { x: number; y: number };
}
export interface EdgeDef {
  group: 'edges';
  data: EdgeData;
}
export type ElementDef = NodeDef | EdgeDef;

/** The view as exported: the nodes and edges drawn, with positions, sizes and colours. */
export interface ViewNode extends NodeData {
  x: number;
  y: number;
  size: number;
  color: string;
}
export interface View {
  nodes: ViewNode[];
  edges: EdgeData[];
  /** In words, for the file's description: "around org/moonshot-ai · as of 2024-05". */
  description: string;
}

/** A month on the timeline span: first and last month an event may have happened in. */
export interface MonthSpan {
  first: string;
  last: string;
  precision: 'year' | 'month' | 'day';
}

export type Core = cytoscape.Core;
export type NodeSingular = cytoscape.NodeSingular;
export type EdgeSingular = cytoscape.EdgeSingular;
export type NodeCollection = cytoscape.NodeCollection;

declare module 'cytoscape' {
  interface Core {
    /** cytoscape-svg */
    svg(options?: { full?: boolean; bg?: string; scale?: number }): string;
  }
}
