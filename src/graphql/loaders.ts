import DataLoader from 'dataloader';
import { loadCypherFile } from '../cypher/cypherFiles';
import type { Executor } from '../neo4j/executor';
import type { Citation } from './common/citation.type';
import type { EntityRow } from './entity/entity.interface';
import { toEventView, type EventRow, type EventView } from './event/event.mapper';
import { eventQueries } from './event/eventQuery';

const entityQueries = loadCypherFile('queries/entities.cypher', [
  'entityById',
  'entityList',
  'searchEntities',
  'relationshipsOf',
  'mentionsOf',
  'entitiesByName',
]);
export { entityQueries };

/** A stable relationship seen from one of its ends (cypher/queries/entities.cypher relationshipsOf). */
export interface RelationshipRow {
  id: string;
  type: string;
  outgoing: boolean;
  role: string | null;
  roleEn: string | null;
  since: string | null;
  until: string | null;
  current: boolean | null;
  citation: Citation;
  other: EntityRow;
}

/** A batch function over a query that returns one `id` and one list column per requested id. */
function byId<T>(db: Executor, query: { name: string; cypher: string }, column: string, map: (row: any) => T = (x) => x) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await db.read(query, { ids: [...ids] });
    const found = new Map(rows.map((row) => [row.id as string, (row[column] as unknown[]).map(map)]));
    return ids.map((id) => found.get(id) ?? []);
  });
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Per-request DataLoaders: a nested field costs one query for all its parents, so a request's
 * round trips depend on the fields it asks for, never on how many rows come back.
 */
export function createLoaders(db: Executor) {
  return {
    relationships: byId<RelationshipRow>(db, entityQueries.relationshipsOf, 'relationships'),
    mentions: byId<Citation>(db, entityQueries.mentionsOf, 'mentions'),
    events: byId<EventView>(db, eventQueries.eventsInvolving, 'events', (row: EventRow) => toEventView(row)),
  };
}
