import { Field, Int, ObjectType } from 'type-graphql';
import { encodeCursor } from './cursor';

/** Relay's PageInfo (Cursor Connections spec): the page's first and last cursors and whether entries lie beyond either. */
@ObjectType({ description: "Where a page sits in its list (Relay's Cursor Connections spec)" })
export class PageInfo {
  @Field({
    description:
      'Entries come after this page: exact with `first`; with `last` and `before`, whether any lie at or after `before`',
  })
  hasNextPage: boolean;

  @Field({
    description:
      'Entries come before this page: exact with `last`; with `first` and `after`, whether any lie at or before `after`',
  })
  hasPreviousPage: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Pass as `before` for the previous page: the cursor of the first edge (or, where a page says it stopped at its bound reading backward, of the last entry it read); null when the page is empty and nothing precedes',
  })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Pass as `after` for the next page; null when the page is empty and nothing follows',
  })
  endCursor: string | null;
}

export interface ConnectionView<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
  totalCountExact: boolean;
}

/** A page as a store reads it: its nodes with their sort keys, in list order, and where the next page starts. */
export interface KeyedPage<T> {
  items: { node: T; key: string }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Where the next page starts: the last item's key, or further on when a scan stopped short. */
  endKey: string | null;
  /** Where the previous page ends, when not the first item's key (a backward scan that stopped short). */
  startKey?: string | null;
}

/** A bounded count: exact, or at least `count`. */
export interface Counted {
  count: number;
  exact: boolean;
}

/**
 * A page and its count (null when the operation does not ask for one), read concurrently, as a
 * Relay connection whose cursors carry `list` (`event`, `entity:DEGREE`…) and the sort keys.
 */
export async function toConnection<T>(
  list: string,
  page: Promise<KeyedPage<T>>,
  count: Promise<Counted> | null,
): Promise<ConnectionView<T>> {
  const [{ items, hasNextPage, hasPreviousPage, endKey, startKey }, total] = await Promise.all([
    page,
    count ?? { count: 0, exact: false },
  ]);
  const edges = items.map(({ node, key }) => ({ cursor: encodeCursor(list, key), node }));
  const startCursor =
    startKey === undefined ? (edges[0]?.cursor ?? null) : startKey === null ? null : encodeCursor(list, startKey);
  return {
    edges,
    totalCount: total.count,
    totalCountExact: total.exact,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor,
      endCursor: endKey === null ? null : encodeCursor(list, endKey),
    },
  };
}

/** A Relay connection type of `node`s (Event, TalentMove, Entity…), with a bounded totalCount. */
export function connectionOf<T extends object>(
  node: abstract new (...args: never[]) => T,
  name: string,
  items: string,
  description: string,
) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field({
      description: 'Opaque; pass as `after` to continue after this one (or `before`, where the list pages backward)',
    })
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class Connection {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, {
      description: `${items} matching the filters over all pages: exact when totalCountExact, else at least this many (counting stops at 1,000)`,
    })
    totalCount: number;

    @Field({ description: 'Whether totalCount is the whole count' })
    totalCountExact: boolean;
  }
  return Connection;
}
