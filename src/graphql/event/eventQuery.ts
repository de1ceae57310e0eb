import type { Reader } from '../../neo4j/executor';
import { eventsStore, type EventFilter } from '../../store/events.store';
import type { ConnectionView } from '../common/connection.type';
import { encodeCursor } from '../common/cursor';
import { toEventView, type EventView } from './event.mapper';

/** A page of events as a Relay connection: the page and, when asked for, its bounded count. */
export async function eventConnection(read: Reader, filter: EventFilter, withCount: boolean): Promise<ConnectionView<EventView>> {
  const none = { count: 0, exact: false };
  const [page, total] = await Promise.all([eventsStore.page(read, filter), withCount ? eventsStore.count(read, filter) : none]);
  const edges = page.events.map((row) => ({ cursor: encodeCursor('event', row.sortKey), node: toEventView(row) }));
  return {
    edges,
    totalCount: total.count,
    totalCountExact: total.exact,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
