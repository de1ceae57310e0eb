import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { EventKind } from '../../model/vocabulary';
import { eventsStore, type EventFilter } from '../../store/events.store';
import type { Context } from '../context';
import { selectsField } from '../selection';
import { decodeCursor } from '../common/cursor';
import type { ConnectionView } from '../common/connection.type';
import { AcquisitionConnection, EventConnection, TalentMoveConnection } from './event-connection.type';
import { Citation, citationsFrom } from '../common/citation.type';
import { CitationsArgs } from '../common/citations.args';
import { Event } from './event.interface';
import { toEventView, type EventView } from './event.mapper';
import { eventConnection } from './eventQuery';
import { pageRequest, type BidirectionalPageArgs } from '../common/page.args';
import { AcquisitionsArgs, EventsArgs, TalentMovesArgs, TimelineArgs } from './events.args';

/** Drops the participant filters whose value was not given (omitted or null). */
function participants(pairs: Record<string, string | null | undefined>): { role: string; id: string }[] {
  return Object.entries(pairs).flatMap(([role, id]) => (id == null ? [] : [{ role, id }]));
}

/** The connection of `filter`, its count and far side read only when the operation asks for them. */
function connection(
  context: Context,
  info: GraphQLResolveInfo,
  page: BidirectionalPageArgs,
  filter: Omit<EventFilter, 'first' | 'after' | 'before' | 'backward'>,
): Promise<ConnectionView<EventView>> {
  const request = pageRequest(page, (cursor, argument) => decodeCursor('event', cursor, argument));
  return eventConnection(context.db.reader, filter, request, {
    count: selectsField(info, 'totalCount') || selectsField(info, 'totalCountExact'),
    farSide: selectsField(info, 'pageInfo', request.backward ? 'hasNextPage' : 'hasPreviousPage'),
  });
}

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, { nullable: true, description: 'Events, filtered and paged in (date, id) order' })
  events(
    @Args() args: EventsArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionView<EventView>> {
    const { kinds, involving, from, to } = args;
    return connection(context, info, args, {
      kinds,
      from,
      to,
      participants: involving == null ? [] : [{ role: null, id: involving }],
    });
  }

  @Query(() => Event, { nullable: true, description: 'One event by id; null when unknown' })
  async event(@Arg('id', () => ID) id: string, @Ctx() { db }: Context): Promise<EventView | null> {
    const [row] = await eventsStore.byIds(db.reader, [id]);
    return row ? toEventView(row) : null;
  }

  @Query(() => EventConnection, {
    nullable: true,
    description: 'The events around an entity, in date order (undated last), a page at a time',
  })
  timeline(
    @Args() args: TimelineArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionView<EventView>> {
    return connection(context, info, args, { kinds: args.kinds, participants: [{ role: null, id: args.entity }] });
  }

  @Query(() => TalentMoveConnection, {
    nullable: true,
    description:
      'Who moved where: filter by mover, origin and destination ids. Includes the moves that happened inside another event (a licensing deal taking the founders along), with `via` naming it',
  })
  talentMoves(
    @Args() args: TalentMovesArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionView<EventView>> {
    const { mover, from, to } = args;
    return connection(context, info, args, {
      kinds: [EventKind.TALENT_MOVE],
      participants: participants({ mover, from, to }),
    });
  }

  @Query(() => AcquisitionConnection, {
    nullable: true,
    description: 'Who acquired whom: filter by acquirer and target ids',
  })
  acquisitions(
    @Args() args: AcquisitionsArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionView<EventView>> {
    const { acquirer, target } = args;
    return connection(context, info, args, {
      kinds: [EventKind.ACQUISITION],
      participants: participants({ acquirer, target }),
    });
  }

  @FieldResolver(() => [Citation], {
    description: 'Verbatim spans of the sources that state this event, every source or one',
  })
  sources(@Root() event: EventView, @Args() { source }: CitationsArgs): Citation[] {
    return citationsFrom(event.sources as Citation[], source);
  }
}
