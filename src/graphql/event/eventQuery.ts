import { loadCypherFile } from '../../cypher/cypherFiles';
import { partialDateUpperBound } from '../../model/partialDate';
import type { EventKind } from '../../model/vocabulary';
import type { Executor } from '../../neo4j/executor';
import type { EventPosition } from './cursor';
import { toEventView, type EventRow, type EventView } from './event.mapper';

export const eventQueries = loadCypherFile('queries/events.cypher', ['eventPage', 'eventsInvolving']);

export interface EventFilter {
  ids?: string[];
  kinds?: EventKind[];
  involving?: string;
  /** Every (role, entity id) pair must take part. */
  roles?: { role: string; id: string }[];
  from?: string;
  to?: string;
  after?: EventPosition;
  first: number;
}

/** The parameters of `eventPage`: every filter present, null when unused. */
export function eventPageParams(filter: EventFilter): Record<string, unknown> {
  return {
    ids: filter.ids ?? null,
    kinds: filter.kinds?.length ? filter.kinds : null,
    involving: filter.involving ?? null,
    roles: filter.roles ?? [],
    from: filter.from ?? null,
    to: filter.to ? partialDateUpperBound(filter.to) : null,
    after: filter.after ?? null,
    first: filter.first,
  };
}

/** One round trip: the page (plus one row to tell whether more follow) and the total count. */
export async function fetchEventPage(db: Executor, filter: EventFilter): Promise<{ totalCount: number; events: EventView[]; hasNextPage: boolean }> {
  const [row] = await db.read(eventQueries.eventPage, eventPageParams(filter));
  const events = (row!.events as EventRow[]).map(toEventView);
  return { totalCount: row!.totalCount as number, events: events.slice(0, filter.first), hasNextPage: events.length > filter.first };
}
