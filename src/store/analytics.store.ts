import { loadCypherFile, type Contract } from '../cypher/cypherFiles';
import type { EntityLabel, EventKind } from '../model/vocabulary';
import type { Reader } from '../neo4j/executor';
import type { EntityRow } from './rows';

/** cypher/queries/analytics.cypher with typed parameters and rows. */
const q = loadCypherFile<{
  centrality: Contract<
    { labels: EntityLabel[] | null; kinds: EventKind[] | null; limit: number; cap: number },
    CentralityRow
  >;
}>('queries/analytics.cypher', ['centrality']);
export const analyticsQueries = q;

export interface CentralityRow {
  entity: EntityRow;
  events: number;
  relationships: number;
  score: number;
}

/** With a kinds filter, centrality counts the latest this many events of those kinds. */
export const CENTRALITY_EVENTS = 2_000;

export const analyticsStore = {
  centrality(
    read: Reader,
    filter: { labels: EntityLabel[] | null; kinds: EventKind[] | null; limit: number },
  ): Promise<CentralityRow[]> {
    return read(q.centrality, { ...filter, cap: CENTRALITY_EVENTS });
  },
};
