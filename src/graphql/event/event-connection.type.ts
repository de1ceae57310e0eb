import { Field, Int, ObjectType } from 'type-graphql';
import { Event } from './event.interface';

@ObjectType()
export class EventEdge {
  @Field({ description: 'Opaque; pass as `after` to continue after this event' })
  cursor: string;

  @Field(() => Event)
  node: Event;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType({ description: 'A page of events in (date, id) order; undated events come last' })
export class EventConnection {
  @Field(() => [EventEdge])
  edges: EventEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'Events matching the filters, over all pages' })
  totalCount: number;
}
