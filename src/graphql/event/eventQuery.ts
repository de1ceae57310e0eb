import type { Reader } from '../../neo4j/executor';
import { eventsStore, type EventFilter } from '../../store/events.store';
import { toConnection, type ConnectionView } from '../common/connection.type';
import { toEventView, type EventView } from './event.mapper';

/** A page of events as a Relay connection: the page and, when asked for, its bounded count. */
export function eventConnection(read: Reader, filter: EventFilter, withCount: boolean): Promise<ConnectionView<EventView>> {
  const page = eventsStore.page(read, filter).then(({ events, hasNextPage }) => ({
    items: events.map((row) => ({ node: toEventView(row), key: row.sortKey })),
    hasNextPage,
    endKey: events.at(-1)?.sortKey ?? null,
  }));
  return toConnection('event', page, withCount ? eventsStore.count(read, filter) : null);
}
