import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { EventKind } from '../../model/vocabulary';
import type { Context } from '../context';
import { AcquisitionsArgs, EventsArgs, MAX_LIST, TalentMovesArgs, TimelineArgs } from './events.args';
import { decodeCursor, encodeCursor } from './cursor';
import { Acquisition, TalentMove } from './event-kinds.type';
import { EventConnection } from './event-connection.type';
import { Event } from './event.interface';
import { fetchEventPage } from './eventQuery';

/** Drops the filters whose value was not given. */
function rolePairs(pairs: Record<string, string | undefined>): { role: string; id: string }[] {
  return Object.entries(pairs).flatMap(([role, id]) => (id === undefined ? [] : [{ role, id }]));
}

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, { description: 'Events, filtered and paged in (date, id) order' })
  async events(@Args() args: EventsArgs, @Ctx() { db }: Context): Promise<EventConnection> {
    const after = args.after == null ? undefined : decodeCursor(args.after);
    const page = await fetchEventPage(db, { ...args, after });
    const edges = page.events.map((node) => ({ cursor: encodeCursor(node), node: node as unknown as Event }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Query(() => Event, { nullable: true, description: 'One event by id; null when unknown' })
  async event(@Arg('id', () => ID) id: string, @Ctx() { db }: Context): Promise<Event | null> {
    const page = await fetchEventPage(db, { ids: [id], first: 1 });
    return (page.events[0] as unknown as Event) ?? null;
  }

  @Query(() => [Event], { description: 'The events around an entity, in date order (undated last)' })
  async timeline(@Args() { entity, kinds }: TimelineArgs, @Ctx() { db }: Context): Promise<Event[]> {
    const page = await fetchEventPage(db, { involving: entity, kinds, first: MAX_LIST });
    return page.events as unknown as Event[];
  }

  @Query(() => [TalentMove], { description: 'Who moved where: filter by mover, origin and destination ids' })
  async talentMoves(@Args() { mover, from, to }: TalentMovesArgs, @Ctx() { db }: Context): Promise<TalentMove[]> {
    const page = await fetchEventPage(db, { kinds: [EventKind.TALENT_MOVE], roles: rolePairs({ mover, from, to }), first: MAX_LIST });
    return page.events as unknown as TalentMove[];
  }

  @Query(() => [Acquisition], { description: 'Who acquired whom: filter by acquirer and target ids' })
  async acquisitions(@Args() { acquirer, target }: AcquisitionsArgs, @Ctx() { db }: Context): Promise<Acquisition[]> {
    const page = await fetchEventPage(db, { kinds: [EventKind.ACQUISITION], roles: rolePairs({ acquirer, target }), first: MAX_LIST });
    return page.events as unknown as Acquisition[];
  }
}
