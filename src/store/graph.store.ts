import { loadCypherFile } from '../cypher/cypherFiles';
import { sortKeyRange } from '../model/sortKeys';
import type { EntityRow } from './entities.store';
import type { EventKind } from '../model/vocabulary';
import { SearchBounded } from '../errors';
import type { Executor, Reader } from '../neo4j/executor';

/** cypher/queries/graph.cypher with typed parameters and rows. */
const q = loadCypherFile('queries/graph.cypher', ['shortestPath', 'talentFlow']);
export const graphQueries = q;

export interface PathRow {
  length: number;
  nodes: { id: string; label: string; kind: EventKind | null; date: string | null; name: string }[];
  edges: { id: string; source: string; target: string; type: string; role: string | null; quote: string | null }[];
}

export interface TalentFlowRow {
  origin: EntityRow | null;
  dest: EntityRow;
  count: number;
  movers: EntityRow[];
  events: string[];
}

/** Moves aggregated by talentFlow, the latest first, at most; and the widest links kept of them. */
export const FLOW_CAP = 2_000;
export const FLOW_LINKS = 500;

/**
 * How long a shortest-path search may run. Between two people of a large graph the search fans out
 * through hubs in 100k+ events; past this it stops and says so (SEARCH_LIMIT_REACHED), instead of
 * holding a transaction for the API's full timeout.
 */
export const PATH_SEARCH_MS = 1_000;

export const graphStore = {
  async shortestPath(db: Executor, args: { from: string; to: string; maxHops: number }): Promise<PathRow | null> {
    const rows = await db.readWithin<PathRow>(q.shortestPath, { ...args }, PATH_SEARCH_MS);
    if (rows === null) {
      throw new SearchBounded(
        `no path of at most ${args.maxHops} hops found within ${PATH_SEARCH_MS} ms, where the search stops: the two are far apart or joined only through very large hubs; try a smaller maxHops`,
      );
    }
    return rows[0] ?? null;
  },
  talentFlow(read: Reader, range: { from?: string | null; to?: string | null }): Promise<TalentFlowRow[]> {
    return read<TalentFlowRow>(q.talentFlow, {
      ...sortKeyRange(range.from, range.to),
      cap: FLOW_CAP,
      links: FLOW_LINKS,
    });
  },
};
