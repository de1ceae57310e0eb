import type { Reader } from '../../neo4j/executor';
import { eventsStore, type EventFilter } from '../../store/events.store';
import { toConnection, type ConnectionView } from '../common/connection.type';
import type { PageRequest } from '../common/page.args';
import { toEventView, type EventView } from './event.mapper';

/** The parts of a connection an operation asks for beyond its edges, so that nobody pays for the rest. */
export interface ConnectionWants {
  count: boolean;
  /** The far side of the page: hasPreviousPage of a forward page, hasNextPage of a backward one. */
  farSide: boolean;
}

/**
 * A page of events as a Relay connection, read from either end of its range: the page, and when
 * asked for, its bounded count and whether events lie on the side it was not read towards.
 */
export function eventConnection(
  read: Reader,
  filter: Omit<EventFilter, 'first' | 'after' | 'before' | 'backward'>,
  request: PageRequest,
  wants: ConnectionWants,
): Promise<ConnectionView<EventView>> {
  const pageFilter: EventFilter = {
    ...filter,
    first: request.size,
    after: request.after,
    before: request.before,
    backward: request.backward,
  };
  const page = eventsStore.page(read, pageFilter).then(async ({ events, hasMore }) => {
    // The cursor that opened the page, when there was one: without it a forward page starts at
    // the range's start (nothing before it) and a backward one ends at its end.
    const cursor = request.backward ? request.before : request.after;
    const edge = request.backward ? events.at(-1) : events[0];
    const farSide =
      wants.farSide && cursor !== null
        ? await eventsStore.beyond(
            read,
            pageFilter,
            edge ? { key: edge.sortKey, inclusive: false } : { key: cursor, inclusive: true },
          )
        : false;
    return {
      items: events.map((row) => ({ node: toEventView(row), key: row.sortKey })),
      hasNextPage: request.backward ? farSide : hasMore,
      hasPreviousPage: request.backward ? hasMore : farSide,
      endKey: events.at(-1)?.sortKey ?? null,
    };
  });
  return toConnection('event', page, wants.count ? eventsStore.count(read, pageFilter) : null);
}
