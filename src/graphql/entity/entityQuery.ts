import type { Reader } from '../../neo4j/executor';
import { entitiesStore, type EntityFilter, type EntityPageRequest } from '../../store/entities.store';
import { toConnection } from '../common/connection.type';
import type { ConnectionWants } from '../event/eventQuery';
import type { EntityConnectionView } from './entity-connection.type';

/**
 * A page of entities as a Relay connection (cursors of `list`), read from either end of its
 * order: the page, and when asked for, its bounded count and whether entities lie on the side it
 * was not read towards (the far side of its cursor).
 */
export async function entityConnection(
  read: Reader,
  filter: EntityFilter,
  request: EntityPageRequest,
  list: string,
  wants: ConnectionWants,
): Promise<EntityConnectionView> {
  let stoppedAtBound = false;
  const page = Promise.all([
    entitiesStore.page(read, filter, request),
    wants.farSide ? entitiesStore.beyond(read, filter, request) : false,
  ]).then(([{ entities, hasMore, continueKey, cut }, farSide]) => {
    stoppedAtBound = cut;
    const items = entities.map(({ entity, key }) => ({ node: entity, key }));
    return request.backward
      ? {
          items,
          hasNextPage: farSide,
          hasPreviousPage: hasMore,
          startKey: continueKey,
          endKey: entities.at(-1)?.key ?? null,
        }
      : { items, hasNextPage: hasMore, hasPreviousPage: farSide, endKey: continueKey };
  });
  const connection = await toConnection(list, page, wants.count ? entitiesStore.count(read, filter) : null);
  return { ...connection, stoppedAtBound };
}
