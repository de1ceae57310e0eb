import { loadCypherFile, type Contract } from '../cypher/cypherFiles';
import { justAfter, justBefore, sortKeyRange } from '../model/sortKeys';
import type { EventKind } from '../model/vocabulary';
import type { Reader } from '../neo4j/executor';
import type { EventRow } from './rows';

/**
 * The strings and lists of a block come in one map (`page`, `filter`, `scope`): Neo4j caches a plan
 * per parameter types, and the type of a string or list parameter includes whether it is null or
 * empty and a bucket of its size, so one by one they made a plan per combination of filters and
 * cursors (bench/planCache.ts); a map's type is only "map". Numbers and booleans stay apart.
 */
type PageParams = ReturnType<typeof eventPageParams>;
type EntityEventsParams = {
  scope: ReturnType<typeof scopeParams> & { after: string; before: string };
  scan: number;
  first: number;
};

/** The contracts of cypher/queries/events.cypher: each block's parameters and row. */
interface EventsCypher {
  eventPage: Contract<PageParams, { event: EventRow }>;
  eventPageBackward: Contract<PageParams, { event: EventRow }>;
  eventCount: Contract<ReturnType<typeof eventCountParams>, { count: number }>;
  eventsByIds: Contract<{ ids: string[] }, { event: EventRow }>;
  eventsOfEntities: Contract<EntityEventsParams, { id: string; events: EventRow[] }>;
  eventsOfEntitiesBackward: Contract<EntityEventsParams, { id: string; events: EventRow[] }>;
  eventCountsOfEntities: Contract<
    { scope: ReturnType<typeof scopeParams>; cap: number },
    { id: string; count: number }
  >;
}

/** cypher/queries/events.cypher with typed parameters and rows. */
const q = loadCypherFile<EventsCypher>('queries/events.cypher', [
  'eventPage',
  'eventPageBackward',
  'eventCount',
  'eventsByIds',
  'eventsOfEntities',
  'eventsOfEntitiesBackward',
  'eventCountsOfEntities',
]);
export const eventQueries = q;

export type { CitationRow, EventRow } from './rows';

export interface EventFilter {
  kinds?: EventKind[] | null;
  /** Every (role, entity id) pair must take part; a null role means in any role. */
  participants?: { role: string | null; id: string }[];
  /** Partial dates, inclusive. */
  from?: string | null;
  to?: string | null;
  /** Exclusive bounds from cursors: the sortKeys of the events the page starts after and ends before. */
  after?: string | null;
  before?: string | null;
  /** How many: the first ones of the range, or with `backward` the last ones. */
  first: number;
  backward?: boolean;
}

/** Counting stops here: a totalCount above it is "at least". */
export const COUNT_CAP = 1_000;

/**
 * The parameters of eventPage / eventCount. The first participant filter is the anchor (its
 * index range is read); the others are checked per event. Cursor and `from` both become the
 * exclusive lower bound; `to` the exclusive upper one.
 */
export function eventPageParams(filter: EventFilter) {
  const [anchor = null, ...others] = [...(filter.participants ?? [])].sort(
    (a, b) => Number(b.role !== null) - Number(a.role !== null),
  );
  const { lower, upper } = sortKeyRange(filter.from, filter.to);
  return {
    page: {
      anchor,
      others,
      kinds: filter.kinds?.length ? [...new Set(filter.kinds)] : null,
      lower: [lower, filter.after ?? ''].sort().at(-1)!,
      upper: [upper, filter.before ?? '\uffff'].sort()[0]!,
    },
    // An entity with two roles in one event has two index entries for it: read twice the page.
    scan: anchor && anchor.role === null ? (filter.first + 1) * 2 : filter.first + 1,
    first: filter.first,
  };
}

export function eventCountParams(filter: EventFilter) {
  const { page } = eventPageParams({ ...filter, after: null, before: null });
  const unfiltered = !page.anchor && !filter.kinds?.length && !filter.from && !filter.to;
  return { filter: page, unfiltered, cap: COUNT_CAP };
}

export interface EventPage {
  /** In list order, whichever end the page was read from. */
  events: EventRow[];
  /** More events lie beyond the page in the direction it was read (after it, or before it when backward). */
  hasMore: boolean;
}

/**
 * The one-entry read that says whether a list has entries on the other side of a page from the
 * one it was read towards: before `edge` for a forward page, after it for a backward one (`edge`
 * itself included when `inclusive`, as a cursor's own entry is).
 */
export function farSideProbe(
  backward: boolean,
  edge: { key: string; inclusive: boolean },
): { first: 0; backward: boolean; after: string | null; before: string | null } {
  return backward
    ? { first: 0, backward: false, before: null, after: edge.inclusive ? justBefore(edge.key) : edge.key }
    : { first: 0, backward: true, after: null, before: edge.inclusive ? justAfter(edge.key) : edge.key };
}

export const eventsStore = {
  async page(read: Reader, filter: EventFilter): Promise<EventPage> {
    const rows = await read(filter.backward ? q.eventPageBackward : q.eventPage, eventPageParams(filter));
    const events = rows.map((r) => r.event).slice(0, filter.first);
    return { events: filter.backward ? events.reverse() : events, hasMore: rows.length > filter.first };
  },

  /**
   * Whether the filters match an event on the other side of a page from the one it was read
   * towards: before `start` (the page's first key, or the `after` cursor of an empty page, itself
   * included) for a forward page, after `end` for a backward one. One index entry read (or two).
   */
  async beyond(read: Reader, filter: EventFilter, edge: { key: string; inclusive: boolean }): Promise<boolean> {
    return (await this.page(read, { ...filter, ...farSideProbe(filter.backward ?? false, edge) })).hasMore;
  },

  /** At most COUNT_CAP + 1: `exact` says whether the number is the whole count. */
  async count(read: Reader, filter: EventFilter): Promise<{ count: number; exact: boolean }> {
    const params = eventCountParams(filter);
    const [row] = await read(q.eventCount, params);
    const count = row?.count ?? 0;
    return params.unfiltered || count <= COUNT_CAP ? { count, exact: true } : { count: COUNT_CAP, exact: false };
  },

  async byIds(read: Reader, ids: string[]): Promise<EventRow[]> {
    return (await read(q.eventsByIds, { ids })).map((r) => r.event);
  },

  /**
   * A page of each entity's events (in a role, or of some kinds) between the sortKeys `after` and
   * `before`: the first `first` of them, or with `backward` the last ones (in list order either
   * way), and whether more lie beyond the page in the direction it was read.
   */
  async ofEntities(read: Reader, ids: string[], scope: EntityEventScope): Promise<Map<string, EventPage>> {
    const rows = await read(scope.backward ? q.eventsOfEntitiesBackward : q.eventsOfEntities, {
      scope: { ...scopeParams({ ...scope, ids }), after: scope.after ?? '', before: scope.before ?? '\uffff' },
      scan: scope.role === null ? (scope.first + 1) * 2 : scope.first + 1,
      first: scope.first,
    });
    return new Map(
      rows.map((r) => {
        const events = r.events.slice(0, scope.first);
        return [r.id, { events: scope.backward ? events.reverse() : events, hasMore: r.events.length > scope.first }];
      }),
    );
  },

  /** How many events each entity takes part in (in a role, or of some kinds): exact up to COUNT_CAP. */
  async countOfEntities(
    read: Reader,
    ids: string[],
    scope: Pick<EntityEventScope, 'role' | 'kinds'>,
  ): Promise<Map<string, { count: number; exact: boolean }>> {
    const rows = await read(q.eventCountsOfEntities, {
      scope: scopeParams({ ...scope, ids }),
      cap: COUNT_CAP,
    });
    return new Map(
      rows.map((r) => [
        r.id,
        r.count > COUNT_CAP ? { count: COUNT_CAP, exact: false } : { count: r.count, exact: true },
      ]),
    );
  },
};

/** Which of an entity's events: in one role, or of some kinds (all when neither); a page of them. */
export interface EntityEventScope {
  role: string | null;
  kinds: EventKind[] | null;
  first: number;
  /** The sortKeys the page starts after and ends before (exclusive). */
  after?: string | null;
  before?: string | null;
  /** The last `first` of the range rather than the first ones. */
  backward?: boolean;
}

function scopeParams(scope: { ids: string[]; role: string | null; kinds: EventKind[] | null }) {
  return { ids: scope.ids, role: scope.role, kinds: scope.kinds?.length ? scope.kinds : null };
}
