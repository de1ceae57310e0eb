import { ArgsType, Field, ID } from 'type-graphql';
import { EventKind } from '../../model/vocabulary';
import { BidirectionalPageArgs } from '../common/page.args';
import { PartialDateScalar } from '../scalars/partialDate.scalar';

@ArgsType()
export class EventsArgs extends BidirectionalPageArgs {
  @Field(() => [EventKind], { nullable: true, description: 'Only these kinds' })
  kinds?: EventKind[];

  @Field(() => ID, { nullable: true, description: 'Only events this entity takes part in' })
  involving?: string;

  @Field(() => PartialDateScalar, { nullable: true, description: 'On or after this date (inclusive)' })
  from?: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'On or before this date (inclusive: "2024-05" keeps 2024-05-20)',
  })
  to?: string;
}

@ArgsType()
export class TalentMovesArgs extends BidirectionalPageArgs {
  @Field(() => ID, { nullable: true }) mover?: string;
  @Field(() => ID, { nullable: true }) from?: string;
  @Field(() => ID, { nullable: true }) to?: string;
}

@ArgsType()
export class AcquisitionsArgs extends BidirectionalPageArgs {
  @Field(() => ID, { nullable: true }) acquirer?: string;
  @Field(() => ID, { nullable: true }) target?: string;
}

@ArgsType()
export class TimelineArgs extends BidirectionalPageArgs {
  @Field(() => ID, { description: 'The entity whose events to list' })
  entity: string;

  @Field(() => [EventKind], { nullable: true })
  kinds?: EventKind[];
}
