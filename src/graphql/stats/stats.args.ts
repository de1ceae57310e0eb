import { ArrayMaxSize, IsDefined, IsEnum, IsOptional, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { EventKind } from '../../model/vocabulary';
import { PartialDateScalar } from '../scalars/partialDate.scalar';
import { PeriodUnit } from './stats.type';

export const MAX_DESTINATIONS = 100;

/** Tallies are kept per month: a bound finer than that could not be answered exactly. */
const YEAR_OR_MONTH = /^\d{4}(-\d{2})?$/;
const yearOrMonth = (argument: string) => ({
  message: `${argument} is a year or a month ("2024", "2024-05"): events are counted per month`,
});

@ArgsType()
export class StatsRangeArgs {
  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'On or after this year or month (inclusive); excludes undated events',
  })
  @IsOptional()
  @Matches(YEAR_OR_MONTH, yearOrMonth('from'))
  from?: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'On or before this year or month (inclusive: "2024-05" keeps 2024-05-20); excludes undated events',
  })
  @IsOptional()
  @Matches(YEAR_OR_MONTH, yearOrMonth('to'))
  to?: string;
}

@ArgsType()
export class StatsPeriodArgs extends StatsRangeArgs {
  @Field(() => PeriodUnit, {
    nullable: true,
    defaultValue: PeriodUnit.MONTH,
    description: 'Count by MONTH (default) or YEAR',
  })
  @IsDefined()
  @IsEnum(PeriodUnit)
  by: PeriodUnit;

  @Field(() => [EventKind], { nullable: true, description: 'Only these kinds; all when omitted' })
  @IsOptional()
  @ArrayMaxSize(Object.keys(EventKind).length)
  @IsEnum(EventKind, { each: true })
  kinds?: EventKind[];
}

@ArgsType()
export class DestinationsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 10, description: `1 to ${MAX_DESTINATIONS}` })
  @IsDefined()
  @Min(1)
  @Max(MAX_DESTINATIONS)
  limit: number;
}
