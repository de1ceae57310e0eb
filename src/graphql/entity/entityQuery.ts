import type { Reader } from '../../neo4j/executor';
import { entitiesStore, type EntityFilter, type EntityRow } from '../../store/entities.store';
import type { ConnectionView } from '../common/connection.type';
import { encodeCursor } from '../common/cursor';

/** A page of entities as a Relay connection (cursors of `list`), its count read only when asked for. */
export async function entityConnection(read: Reader, filter: EntityFilter, list: string, withCount: boolean): Promise<ConnectionView<EntityRow>> {
  const none = { count: 0, exact: false };
  const [page, total] = await Promise.all([entitiesStore.page(read, filter), withCount ? entitiesStore.count(read, filter) : none]);
  return {
    edges: page.entities.map(({ entity, key }) => ({ cursor: encodeCursor(list, key), node: entity })),
    totalCount: total.count,
    totalCountExact: total.exact,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endKey === null ? null : encodeCursor(list, page.endKey) },
  };
}
