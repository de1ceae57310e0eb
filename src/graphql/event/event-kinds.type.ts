import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Money } from '../common/money.type';
import { Entity } from '../entity/entity.interface';
import { Organization } from '../entity/organization.type';
import { PartialDateScalar } from '../scalars/partialDate.scalar';
import { Event } from './event.interface';

// One object type per EventKind. Role fields (acquirer, movers…) come from the participants;
// the other fields from the event's own properties. Names match EVENT_LABEL.

@ObjectType({ implements: Event, description: 'A dispute taken to arbitration' })
export class Arbitration extends Event {
  @Field(() => [Entity]) claimants: Entity[];
  @Field(() => [Entity]) respondents: Entity[];
  @Field(() => Organization, { nullable: true, description: 'The company the dispute is about' }) company: Organization | null;
  @Field(() => Entity, { nullable: true }) disclosedBy: Entity | null;
  @Field(() => PartialDateScalar, { nullable: true }) disclosedOn: string | null;
}

@ObjectType({ implements: Event, description: 'An acquisition; acqui-hire style deals keep their nuance in dealType' })
export class Acquisition extends Event {
  @Field(() => Organization) acquirer: Organization;
  @Field(() => Organization) target: Organization;
  @Field(() => Money, { nullable: true }) price: Money | null;
  @Field(() => Money, { nullable: true }) valuation: Money | null;
  @Field(() => String, { nullable: true }) dealType: string | null;
}

@ObjectType({ implements: Event, description: 'A technology licensing deal, possibly with people joining the licensee' })
export class LicensingDeal extends Event {
  @Field(() => Organization) licensee: Organization;
  @Field(() => Organization) licensor: Organization;
  @Field(() => [Entity]) joiners: Entity[];
  @Field(() => String, { nullable: true }) dealType: string | null;
}

@ObjectType({ implements: Event, description: 'A person or team moving to an organization' })
export class TalentMove extends Event {
  @Field(() => Entity) mover: Entity;
  @Field(() => Organization, { nullable: true }) from: Organization | null;
  @Field(() => Organization) to: Organization;
  @Field(() => String, { nullable: true }) role: string | null;
  @Field(() => String, { nullable: true }) roleEn: string | null;
}

@ObjectType({ implements: Event, description: 'Money raised by an organization' })
export class FundingRound extends Event {
  @Field(() => Organization) investee: Organization;
  @Field(() => [Entity]) investors: Entity[];
  @Field(() => String, { nullable: true }) round: string | null;
  @Field(() => Int, { nullable: true }) roundCount: number | null;
  @Field(() => Money, { nullable: true }) amount: Money | null;
  @Field(() => Boolean, { nullable: true, description: 'True where the source lists investors with 等 (and others)' })
  investorsIncomplete: boolean | null;
}

@ObjectType({ implements: Event, description: 'A price cut' })
export class PriceCut extends Event {
  @Field(() => [Organization]) cutters: Organization[];
  @Field(() => Float, { nullable: true }) percent: number | null;
  @Field(() => String, { nullable: true, description: 'What got cheaper' }) item: string | null;
}

@ObjectType({ implements: Event, description: 'Who said what about whom: a quote or a stated judgement' })
export class Statement extends Event {
  @Field(() => [Entity]) speakers: Entity[];
  @Field(() => [Entity]) about: Entity[];
  @Field(() => String, { nullable: true, description: 'What was said, in the source’s words' }) text: string | null;
}

@ObjectType({ implements: Event, description: 'An observed number, with its unit, date, qualifier and reporter' })
export class Metric extends Event {
  @Field(() => String, { nullable: true }) metric: string | null;
  @Field(() => Float, { nullable: true }) value: number | null;
  @Field(() => String, { nullable: true }) unit: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217 code when the value is money' }) currency: string | null;
  @Field(() => String, { nullable: true, description: 'MORE_THAN, ABOUT, LESS_THAN, NEARLY… where the source is vague' })
  qualifier: string | null;
  @Field(() => String, { nullable: true, description: 'The period measured, e.g. 2024-01-01/2024-12-05' }) period: string | null;
  @Field(() => String, { nullable: true }) scope: string | null;
  @Field(() => [Entity]) subjects: Entity[];
  @Field(() => [Entity]) reporters: Entity[];
}

@ObjectType({ implements: Event, description: 'A product going live' })
export class ProductLaunch extends Event {
  @Field(() => Entity, { nullable: true }) maker: Entity | null;
  @Field(() => Entity, { nullable: true }) product: Entity | null;
}

@ObjectType({ implements: Event, description: 'An organization being founded' })
export class Founding extends Event {
  @Field(() => Entity, { nullable: true }) organization: Entity | null;
  @Field(() => [Entity]) founders: Entity[];
}

@ObjectType({ implements: Event, description: 'Organizations entering a market' })
export class MarketEntry extends Event {
  @Field(() => [Entity]) entrants: Entity[];
  @Field(() => String, { nullable: true }) market: string | null;
}

export const EVENT_TYPES = [
  Arbitration,
  Acquisition,
  LicensingDeal,
  TalentMove,
  FundingRound,
  PriceCut,
  Statement,
  Metric,
  ProductLaunch,
  Founding,
  MarketEntry,
] as const;
