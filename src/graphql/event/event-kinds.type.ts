import { Node } from '../node/node.interface';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { EVENT_KINDS } from '../../model/registry';
import type { EventKind } from '../../model/vocabulary';
import { Money } from '../common/money.type';
import { Entity } from '../entity/entity.interface';
import { Organization } from '../entity/organization.type';
import { Product } from '../entity/product.type';
import { PartialDateScalar } from '../scalars/partialDate.scalar';
import { Event } from './event.interface';

// One object type per EventKind, named by the registry's label (src/model/registry.ts). Role
// fields (acquirer, movers…) come from the participants; the other fields from the event's own
// properties. test/unit/registry.test.ts proves the role fields match the registry: their names,
// lists for `many` roles, non-null for required single roles, Organization where only
// organizations may fill the role.

/** The registry's description of the kind whose label is `label`. */
function describe(label: string): string {
  return Object.values(EVENT_KINDS).find((k) => k.label === label)!.description;
}

@ObjectType({ implements: [Event, Node], description: describe('Arbitration') })
export class Arbitration extends Event {
  @Field(() => [Entity]) claimants: Entity[];
  @Field(() => [Entity]) respondents: Entity[];
  @Field(() => Organization, { description: 'The company the dispute is about' }) company: Organization;
  @Field(() => Entity, { nullable: true }) disclosedBy: Entity | null;
  @Field(() => PartialDateScalar, { nullable: true }) disclosedOn: string | null;
}

@ObjectType({ implements: [Event, Node], description: describe('Acquisition') })
export class Acquisition extends Event {
  @Field(() => Organization) acquirer: Organization;
  @Field(() => Organization) target: Organization;
  @Field(() => Money, { nullable: true }) price: Money | null;
  @Field(() => Money, { nullable: true }) valuation: Money | null;
  @Field(() => String, { nullable: true }) dealType: string | null;
}

@ObjectType({ implements: [Event, Node], description: describe('LicensingDeal') })
export class LicensingDeal extends Event {
  @Field(() => Organization) licensee: Organization;
  @Field(() => Organization) licensor: Organization;
  @Field(() => [Entity]) joiners: Entity[];
  @Field(() => String, { nullable: true }) dealType: string | null;
}

@ObjectType({ implements: [Event, Node], description: describe('TalentMove') })
export class TalentMove extends Event {
  @Field(() => Entity) mover: Entity;
  @Field(() => Organization, { nullable: true }) from: Organization | null;
  @Field(() => Organization) to: Organization;
  @Field(() => String, { nullable: true }) role: string | null;
  @Field(() => String, { nullable: true }) roleEn: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The event this move happened in (a licensing deal taking the founders along), when another event implies it',
  })
  via: string | null;
}

@ObjectType({ implements: [Event, Node], description: describe('FundingRound') })
export class FundingRound extends Event {
  @Field(() => Organization) investee: Organization;
  @Field(() => [Entity]) investors: Entity[];
  @Field(() => String, { nullable: true }) round: string | null;
  @Field(() => Int, { nullable: true }) roundCount: number | null;
  @Field(() => Money, { nullable: true }) amount: Money | null;
  @Field(() => Boolean, { nullable: true, description: 'True where the source lists investors with 等 (and others)' })
  investorsIncomplete: boolean | null;
}

@ObjectType({ implements: [Event, Node], description: describe('PriceCut') })
export class PriceCut extends Event {
  @Field(() => [Organization]) cutters: Organization[];
  @Field(() => Float, { nullable: true }) percent: number | null;
  @Field(() => String, { nullable: true, description: 'What got cheaper' }) item: string | null;
}

@ObjectType({ implements: [Event, Node], description: describe('Statement') })
export class Statement extends Event {
  @Field(() => [Entity]) speakers: Entity[];
  @Field(() => [Entity]) about: Entity[];
  @Field(() => String, { nullable: true, description: 'What was said, in the source’s words' }) text: string | null;
}

@ObjectType({ implements: [Event, Node], description: describe('Metric') })
export class Metric extends Event {
  @Field(() => String, { nullable: true }) metric: string | null;
  @Field(() => Float, { nullable: true }) value: number | null;
  @Field(() => String, { nullable: true }) unit: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217 code when the value is money' }) currency:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'MORE_THAN, ABOUT, LESS_THAN, NEARLY… where the source is vague',
  })
  qualifier: string | null;
  @Field(() => String, { nullable: true, description: 'The period measured, e.g. 2024-01-01/2024-12-05' }) period:
    string | null;
  @Field(() => String, { nullable: true }) scope: string | null;
  @Field(() => [Entity]) subjects: Entity[];
  @Field(() => [Entity]) reporters: Entity[];
}

@ObjectType({ implements: [Event, Node], description: describe('ProductLaunch') })
export class ProductLaunch extends Event {
  @Field(() => Entity) maker: Entity;
  @Field(() => Product) product: Product;
}

@ObjectType({ implements: [Event, Node], description: describe('Founding') })
export class Founding extends Event {
  @Field(() => Organization) organization: Organization;
  @Field(() => [Entity]) founders: Entity[];
}

@ObjectType({ implements: [Event, Node], description: describe('MarketEntry') })
export class MarketEntry extends Event {
  @Field(() => [Entity]) entrants: Entity[];
  @Field(() => String, { nullable: true }) market: string | null;
}

/** The GraphQL type of each kind: a new EventKind does not compile until it has one. */
export const EVENT_TYPE_OF: Record<EventKind, abstract new () => Event> = {
  ARBITRATION: Arbitration,
  ACQUISITION: Acquisition,
  LICENSING_DEAL: LicensingDeal,
  TALENT_MOVE: TalentMove,
  FUNDING_ROUND: FundingRound,
  PRICE_CUT: PriceCut,
  STATEMENT: Statement,
  METRIC: Metric,
  PRODUCT_LAUNCH: ProductLaunch,
  FOUNDING: Founding,
  MARKET_ENTRY: MarketEntry,
};

export const EVENT_TYPES = Object.values(EVENT_TYPE_OF);
