import { Field, Int, ObjectType } from 'type-graphql';

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
