import { loadCypherFile } from '../cypher/cypherFiles';
import { sortKeyRange } from '../model/sortKeys';
import type { EventKind } from '../model/vocabulary';
import type { Reader } from '../neo4j/executor';
import type { EntityRow } from './entities.store';

/** cypher/queries/events.cypher with typed parameters and rows. */
const q = loadCypherFile('queries/events.cypher', [
  'eventPage',
  'eventPageBackward',
  'eventCount',
  'eventsByIds',
  'eventsOfEntities',
  'eventsOfEntitiesBackward',
  'eventCountsOfEntities',
]);
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
    anchor,
    others,
    kinds: filter.kinds?.length ? [...new Set(filter.kinds)] : null,
    lower: [lower, filter.after ?? ''].sort().at(-1)!,
    upper: [upper, filter.before ?? '\uffff'].sort()[0]!,
    // An entity with two roles in one event has two index entries for it: read twice the page.
    scan: anchor && anchor.role === null ? (filter.first + 1) * 2 : filter.first + 1,
    first: filter.first,
  };
}

export function eventCountParams(filter: EventFilter) {
  const { anchor, others, kinds, lower, upper } = eventPageParams({ ...filter, after: null, before: null });
  const unfiltered = !anchor && !filter.kinds?.length && !filter.from && !filter.to;
  return { anchor, others, kinds, lower, upper, unfiltered, cap: COUNT_CAP };
}

export interface EventPage {
  /** In list order, whichever end the page was read from. */
  events: EventRow[];
  /** More events lie beyond the page in the direction it was read (after it, or before it when backward). */
  hasMore: boolean;
}

/**
 * Exclusive bounds that take `key` itself in: the smallest string above it, and one below it that
 * no sortKey lies between (sortKeys end in an id's last character, never in U+0000 or U+FFFF).
 */
export const justAfter = (key: string) => `${key}\u0000`;
export const justBefore = (key: string) =>
  `${key.slice(0, -1)}${String.fromCharCode(key.charCodeAt(key.length - 1) - 1)}\uffff`;

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
    const rows = await read<{ event: EventRow }>(
      filter.backward ? q.eventPageBackward : q.eventPage,
      eventPageParams(filter),
    );
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
    const [row] = await read<{ count: number }>(q.eventCount, params);
    const count = row?.count ?? 0;
    return params.unfiltered || count <= COUNT_CAP ? { count, exact: true } : { count: COUNT_CAP, exact: false };
  },

  async byIds(read: Reader, ids: string[]): Promise<EventRow[]> {
    return (await read<{ event: EventRow }>(q.eventsByIds, { ids })).map((r) => r.event);
  },

  /**
   * A page of each entity's events (in a role, or of some kinds) between the sortKeys `after` and
   * `before`: the first `first` of them, or with `backward` the last ones (in list order either
   * way), and whether more lie beyond the page in the direction it was read.
   */
  async ofEntities(read: Reader, ids: string[], scope: EntityEventScope): Promise<Map<string, EventPage>> {
    const rows = await read<{ id: string; events: EventRow[] }>(
      scope.backward ? q.eventsOfEntitiesBackward : q.eventsOfEntities,
      {
        ...scopeParams({ ...scope, ids }),
        after: scope.after ?? '',
        before: scope.before ?? '\uffff',
        scan: scope.role === null ? (scope.first + 1) * 2 : scope.first + 1,
        first: scope.first,
      },
    );
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
    const rows = await read<{ id: string; count: number }>(q.eventCountsOfEntities, {
      ...scopeParams({ ...scope, ids }),
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

function scopeParams(scope: { ids?: string[]; role: string | null; kinds: EventKind[] | null }) {
  return { ids: scope.ids, role: scope.role, kinds: scope.kinds?.length ? scope.kinds : null };
}
