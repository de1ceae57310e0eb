import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EventKind } from '../../model/vocabulary';
import type { EntityRow } from '../../store/entities.store';
import { Organization } from '../entity/organization.type';

export enum PeriodUnit {
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
registerEnumType(PeriodUnit, {
  name: 'PeriodUnit',
  description: 'How finely events are counted over time: by month or by year',
});

@ObjectType({
  description:
    'Counts of events, read from tallies the writer keeps with every write (never by counting the events at request time), so each costs the same on any size of graph',
})
export class EventStats {}

@ObjectType({ description: 'How many events of one kind' })
export class KindCount {
  @Field(() => EventKind)
  kind: EventKind;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'How many events in one period' })
export class PeriodCount {
  @Field({
    description:
      '"2024-05" for a month; "2024" for a year, or (by month) for the events the source dates only to that year',
  })
  period: string;

  @Field(() => PeriodUnit, {
    description:
      'MONTH or YEAR: by month, the year-only events keep their own YEAR bucket rather than being spread over months',
  })
  precision: PeriodUnit;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Events counted per period, in period order (a year before its months)' })
export class PeriodCounts {
  @Field(() => [PeriodCount])
  periods: PeriodCount[];

  @Field(() => Int, {
    description: 'Events without a date (counted only when no date range is given, as a range excludes them)',
  })
  undated: number;

  @Field(() => Int, { description: 'All of them: the periods and the undated' })
  total: number;
}

@ObjectType({ description: 'An organization and how many talent moves went into it' })
export class DestinationCount {
  @Field(() => Organization)
  organization: EntityRow;

  @Field(() => Int, {
    description: 'Talent moves into it, the ones implied by other events (a licensing deal) included',
  })
  moves: number;
}
