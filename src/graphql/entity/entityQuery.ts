import type { Reader } from '../../neo4j/executor';
import { entitiesStore, type EntityFilter, type EntityRow } from '../../store/entities.store';
import { toConnection, type ConnectionView } from '../common/connection.type';

/** A page of entities as a Relay connection (cursors of `list`), its count read only when asked for. */
export function entityConnection(read: Reader, filter: EntityFilter, list: string, withCount: boolean): Promise<ConnectionView<EntityRow>> {
  const page = entitiesStore.page(read, filter).then(({ entities, hasNextPage, endKey }) => ({
    items: entities.map(({ entity, key }) => ({ node: entity, key })),
    hasNextPage,
    // Exact on a first page; after a cursor Relay's spec lets a forward-only list say false, and a
    // look behind the cursor would be a second walk with the filters.
    hasPreviousPage: false,
    endKey,
  }));
  return toConnection(list, page, withCount ? entitiesStore.count(read, filter) : null);
}
