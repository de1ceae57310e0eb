import { IsDefined, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { EventKind } from '../../model/vocabulary';
import { PartialDateScalar } from '../scalars/partialDate.scalar';

export const MAX_PAGE = 100;

/** `first` and `after` of every event connection. */
@ArgsType()
export class PageArgs {
  // Nullable with a default, as the public contract spells it (`first: Int = 20`); an explicit
  // null is refused by @IsDefined, the one check class-validator applies to null. The other Int
  // arguments with defaults follow the same pattern.
  @Field(() => Int, { nullable: true, defaultValue: 20, description: `Page size, 0 to ${MAX_PAGE}` })
  @IsDefined()
  @Min(0)
  @Max(MAX_PAGE)
  first: number;

  @Field(() => String, { nullable: true, description: 'A cursor from a previous page' })
  after?: string;
}

@ArgsType()
export class EventsArgs extends PageArgs {
  @Field(() => [EventKind], { nullable: true, description: 'Only these kinds' })
  kinds?: EventKind[];

  @Field(() => ID, { nullable: true, description: 'Only events this entity takes part in' })
  involving?: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'On or after this date (inclusive)' })
  from?: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'On or before this date (inclusive: "2024-05" keeps 2024-05-20)' })
  to?: string;

}

@ArgsType()
export class TalentMovesArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) mover?: string;
  @Field(() => ID, { nullable: true }) from?: string;
  @Field(() => ID, { nullable: true }) to?: string;
}

@ArgsType()
export class AcquisitionsArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) acquirer?: string;
  @Field(() => ID, { nullable: true }) target?: string;
}

@ArgsType()
export class TimelineArgs extends PageArgs {
  @Field(() => ID, { description: 'The entity whose events to list' })
  entity: string;

  @Field(() => [EventKind], { nullable: true })
  kinds?: EventKind[];
}
