import { loadCypherFile } from '../cypher/cypherFiles';
import { sortKeyRange } from '../facts/facts';
import type { EventKind } from '../model/vocabulary';
import type { Reader } from '../neo4j/executor';
import type { EntityRow } from './entities.store';

/** cypher/queries/events.cypher with typed parameters and rows. */
const q = loadCypherFile('queries/events.cypher', ['eventPage', 'eventCount', 'eventsByIds', 'eventsOfEntities']);
export const eventQueries = q;

export interface CitationRow {
  quote: string;
  position: number | null;
  /** Where the quote starts in the source's text (characters); null when not derived. */
  offset: number | null;
  source: { id: string; title: string; publisher: string | null; date: string | null; language: string | null };
}

/** An event as projected by every query of events.cypher: its properties, participants and citations. */
export interface EventRow extends Record<string, unknown> {
  id: string;
  kind: EventKind;
  sortKey: string;
  participants: { role: string; position: number | null; entity: EntityRow }[];
  sources: CitationRow[];
}

export interface EventFilter {
  kinds?: EventKind[] | null;
  /** Every (role, entity id) pair must take part; a null role means in any role. */
  participants?: { role: string | null; id: string }[];
  /** Partial dates, inclusive. */
  from?: string | null;
  to?: string | null;
  /** The sortKey of the last event of the previous page. */
  after?: string | null;
  first: number;
}

/** Counting stops here: a totalCount above it is "at least". */
export const COUNT_CAP = 1_000;

/**
 * The parameters of eventPage / eventCount. The first participant filter is the anchor (its
 * index range is read); the others are checked per event. Cursor and `from` both become the
 * exclusive lower bound; `to` the exclusive upper one.
 */
export function eventPageParams(filter: EventFilter) {
  const [anchor = null, ...others] = [...(filter.participants ?? [])].sort((a, b) => Number(b.role !== null) - Number(a.role !== null));
  const { lower, upper } = sortKeyRange(filter.from, filter.to);
  return {
    anchor,
    others,
    kinds: filter.kinds?.length ? [...new Set(filter.kinds)] : null,
    lower: [lower, filter.after ?? ''].sort().at(-1)!,
    upper,
    // An entity with two roles in one event has two index entries for it: read twice the page.
    scan: anchor && anchor.role === null ? (filter.first + 1) * 2 : filter.first + 1,
    first: filter.first,
  };
}

export function eventCountParams(filter: EventFilter) {
  const { anchor, others, kinds, lower, upper } = eventPageParams({ ...filter, after: null });
  const unfiltered = !anchor && !filter.kinds?.length && !filter.from && !filter.to;
  return { anchor, others, kinds, lower, upper, unfiltered, cap: COUNT_CAP };
}

export interface EventPage {
  events: EventRow[];
  hasNextPage: boolean;
}

export const eventsStore = {
  async page(read: Reader, filter: EventFilter): Promise<EventPage> {
    const rows = await read<{ event: EventRow }>(q.eventPage, eventPageParams(filter));
    const events = rows.map((r) => r.event);
    return { events: events.slice(0, filter.first), hasNextPage: events.length > filter.first };
  },

  /** At most COUNT_CAP + 1: `exact` says whether the number is the whole count. */
  async count(read: Reader, filter: EventFilter): Promise<{ count: number; exact: boolean }> {
    const params = eventCountParams(filter);
    const [row] = await read<{ count: number }>(q.eventCount, params);
    const count = row?.count ?? 0;
    return params.unfiltered || count <= COUNT_CAP ? { count, exact: true } : { count: COUNT_CAP, exact: false };
  },

  async byIds(read: Reader, ids: string[]): Promise<EventRow[]> {
    return (await read<{ event: EventRow }>(q.eventsByIds, { ids })).map((r) => r.event);
  },

  /** The first `first` events of each entity, in a role or of some kinds. */
  async ofEntities(read: Reader, ids: string[], scope: { role: string | null; kinds: EventKind[] | null; first: number }) {
    const rows = await read<{ id: string; events: EventRow[] }>(q.eventsOfEntities, {
      ids,
      role: scope.role,
      kinds: scope.kinds?.length ? scope.kinds : null,
      first: scope.first,
    });
    return new Map(rows.map((r) => [r.id, r.events]));
  },
};
