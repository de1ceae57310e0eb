import { Args, Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { UNDATED } from '../../model/sortKeys';
import { EVENT_KIND_LIST } from '../../model/registry';
import { statsStore, type DestinationRow } from '../../store/stats.store';
import type { Context } from '../context';
import { DestinationsArgs, StatsPeriodArgs, StatsRangeArgs } from './stats.args';
import { DestinationCount, EventStats, KindCount, PeriodCounts, PeriodUnit } from './stats.type';

@Resolver(() => EventStats)
export class StatsResolver {
  @Query(() => EventStats, {
    nullable: true,
    description: 'Counts of events by kind, by month or year, and of talent moves by destination',
  })
  eventStats(): EventStats {
    return {};
  }

  @FieldResolver(() => [KindCount], {
    description: 'Events of every kind (in the registry’s order, zeros included), optionally in a date range',
  })
  byKind(@Args() { from, to }: StatsRangeArgs, @Ctx() { db }: Context): Promise<KindCount[]> {
    return statsStore.countsByKind(db.reader, { kinds: EVENT_KIND_LIST, from, to });
  }

  @FieldResolver(() => PeriodCounts, {
    description: 'Events per month or year, optionally of some kinds and in a date range; undated ones apart',
  })
  async byPeriod(@Args() { by, kinds, from, to }: StatsPeriodArgs, @Ctx() { db }: Context): Promise<PeriodCounts> {
    const rows = await statsStore.countsByPeriod(db.reader, {
      kinds: kinds?.length ? [...new Set(kinds)] : EVENT_KIND_LIST,
      by,
      from,
      to,
    });
    const periods = rows
      .filter((r) => r.period !== UNDATED)
      .map((r) => ({ ...r, precision: r.period.length === 4 ? PeriodUnit.YEAR : PeriodUnit.MONTH }));
    const undated = rows.find((r) => r.period === UNDATED)?.count ?? 0;
    return { periods, undated, total: rows.reduce((sum, r) => sum + r.count, 0) };
  }

  @FieldResolver(() => [DestinationCount], {
    description: 'The organizations most talent moved into, highest first (ties by id), over all time',
  })
  movesByDestination(@Args() { limit }: DestinationsArgs, @Ctx() { db }: Context): Promise<DestinationRow[]> {
    return statsStore.topDestinations(db.reader, limit);
  }
}
