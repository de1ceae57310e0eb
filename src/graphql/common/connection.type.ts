import { Field, Int, ObjectType } from 'type-graphql';
import { encodeCursor } from './cursor';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface ConnectionView<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
  totalCountExact: boolean;
}

/** A page as a store reads it: its nodes with their sort keys, and where the next page starts. */
export interface KeyedPage<T> {
  items: { node: T; key: string }[];
  hasNextPage: boolean;
  endKey: string | null;
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
export async function toConnection<T>(list: string, page: Promise<KeyedPage<T>>, count: Promise<Counted> | null): Promise<ConnectionView<T>> {
  const [{ items, hasNextPage, endKey }, total] = await Promise.all([page, count ?? { count: 0, exact: false }]);
  return {
    edges: items.map(({ node, key }) => ({ cursor: encodeCursor(list, key), node })),
    totalCount: total.count,
    totalCountExact: total.exact,
    pageInfo: { hasNextPage, endCursor: endKey === null ? null : encodeCursor(list, endKey) },
  };
}

/** A Relay connection type of `node`s (Event, TalentMove, Entity…), with a bounded totalCount. */
export function connectionOf<T extends object>(node: abstract new (...args: never[]) => T, name: string, items: string, description: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field({ description: 'Opaque; pass as `after` to continue after this one' })
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

    @Field(() => Int, { description: `${items} matching the filters over all pages: exact when totalCountExact, else at least this many (counting stops at 1,000)` })
    totalCount: number;

    @Field({ description: 'Whether totalCount is the whole count' })
    totalCountExact: boolean;
  }
  return Connection;
}
