import { loadCypherFile, type Contract } from '../cypher/cypherFiles';
import type { EventKind } from '../model/vocabulary';

/** A node as visualisers get it: an entity (name, names, description…) or an event (kind, date, summary…). */
export interface NodeData {
  id: string;
  label: string;
  name: string;
  kind: string | null;
  date: string | null;
  dateNote: string | null;
  summary: string | null;
  description: string | null;
  anonymous: boolean | null;
  names: string[] | null;
  categories: string[] | null;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  role: string | null;
  quote: string | null;
  since: string | null;
  until: string | null;
  /** The event's date, on INVOLVES edges. */
  date: string | null;
}

export type SubgraphRow =
  { element: 'node'; data: NodeData; total: number } | { element: 'edge'; data: EdgeData; total: number };

/** What subgraph.cypher takes (src/graph/subgraph.ts subgraphParams makes it from a selection). */
export type SubgraphParams = {
  seeds: string[] | null;
  depth: number;
  kinds: EventKind[] | null;
  from: string | null;
  /** Exclusive upper bound of event dates. */
  to: string | null;
  limit: number;
  allKinds: EventKind[];
};

/**
 * cypher/queries/subgraph.cypher: the graph selection shared by graph(...), neighborhood and the
 * exports, with its contract; src/graph/subgraph.ts makes its parameters from a Selection, and
 * reads and streams it.
 */
export const subgraphQueries = loadCypherFile<{ subgraph: Contract<SubgraphParams, SubgraphRow> }>(
  'queries/subgraph.cypher',
  ['subgraph'],
);
