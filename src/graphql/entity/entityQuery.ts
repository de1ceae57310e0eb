import type { Reader } from '../../neo4j/executor';
import { entitiesStore, type EntityFilter, type EntityRow } from '../../store/entities.store';
import { toConnection, type ConnectionView } from '../common/connection.type';

/** A page of entities as a Relay connection (cursors of `list`), its count read only when asked for. */
export function entityConnection(read: Reader, filter: EntityFilter, list: string, withCount: boolean): Promise<ConnectionView<EntityRow>> {
  const page = entitiesStore.page(read, filter).then(({ entities, hasNextPage, endKey }) => ({
    items: entities.map(({ entity, key }) => ({ node: entity, key })),
    hasNextPage,
    endKey,
  }));
  return toConnection(list, page, withCount ? entitiesStore.count(read, filter) : null);
}
