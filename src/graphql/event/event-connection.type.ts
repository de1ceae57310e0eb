import { Field, Int, ObjectType } from 'type-graphql';
import { Event } from './event.interface';
import { Acquisition, TalentMove } from './event-kinds.type';
import type { EventView } from './event.mapper';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface ConnectionView {
  edges: { cursor: string; node: EventView }[];
  pageInfo: PageInfo;
  totalCount: number;
  totalCountExact: boolean;
}

/** A Relay connection of events of one GraphQL type (Event, TalentMove, Acquisition). */
function connectionOf<T extends object>(node: abstract new (...args: never[]) => T, name: string, description: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field({ description: 'Opaque; pass as `after` to continue after this event' })
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

    @Field(() => Int, { description: 'Events matching the filters over all pages: exact when totalCountExact, else at least this many (counting stops at 1,000)' })
    totalCount: number;

    @Field({ description: 'Whether totalCount is the whole count' })
    totalCountExact: boolean;
  }
  return Connection;
}

export const EventConnection = connectionOf(Event, 'Event', 'A page of events in (date, id) order; undated events come last');
export const TalentMoveConnection = connectionOf(TalentMove, 'TalentMove', 'A page of talent moves in (date, id) order');
export const AcquisitionConnection = connectionOf(Acquisition, 'Acquisition', 'A page of acquisitions in (date, id) order');
