import { loadCypherFile } from '../cypher/cypherFiles';
import { partialDateUpperBound } from '../model/partialDate';
import type { EventKind } from '../model/vocabulary';
import type { Reader } from '../neo4j/executor';

/** cypher/queries/graph.cypher with typed parameters and rows. */
const q = loadCypherFile('queries/graph.cypher', ['shortestPath', 'talentFlow']);
export const graphQueries = q;

export interface PathRow {
  length: number;
  nodes: { id: string; label: string; kind: EventKind | null; date: string | null; name: string }[];
  edges: { id: string; source: string; target: string; type: string; role: string | null; quote: string | null }[];
}

export interface FlowEndRow {
  id: string;
  name: string;
  label?: string;
}

export interface TalentFlowRow {
  origin: FlowEndRow | null;
  dest: FlowEndRow;
  count: number;
  movers: FlowEndRow[];
  events: string[];
}

/** Moves aggregated by talentFlow, the latest first, at most. */
export const FLOW_CAP = 10_000;

export const graphStore = {
  async shortestPath(read: Reader, args: { from: string; to: string; maxHops: number }): Promise<PathRow | null> {
    return (await read<PathRow>(q.shortestPath, { ...args }))[0] ?? null;
  },
  talentFlow(read: Reader, range: { from?: string | null; to?: string | null }): Promise<TalentFlowRow[]> {
    const dated = Boolean(range.from || range.to);
    return read<TalentFlowRow>(q.talentFlow, {
      lower: range.from ?? '',
      upper: range.to ? partialDateUpperBound(range.to) : dated ? '~' : '\uffff',
      cap: FLOW_CAP,
    });
  },
};
