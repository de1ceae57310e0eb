import { ArrayMaxSize, ArrayMinSize, IsDefined, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, Int, registerEnumType } from 'type-graphql';
import { EntityLabel, EventKind, OrganizationCategory, RelationshipType } from '../../model/vocabulary';
import { BidirectionalPageArgs, pageArgsOf } from '../common/page.args';
import { PartialDateScalar } from '../scalars/partialDate.scalar';

const EVENT_KIND_COUNT = Object.keys(EventKind).length;

registerEnumType(EntityLabel, { name: 'EntityType', description: 'The kinds of entity' });

export enum Direction {
  OUT = 'OUT',
  IN = 'IN',
  BOTH = 'BOTH',
}
registerEnumType(Direction, { name: 'Direction', description: 'Which end of a relationship the entity is at' });

export const MAX_SEARCH = 50;
/**
 * Longest search text. Lucene refuses a query of more than 1,024 clauses, and the cjk analyzer
 * makes up to one term per character (bigrams): 100 characters stay far below it.
 */
export const MAX_SEARCH_TEXT = 100;
export const MAX_NESTED_EVENTS = 100;

@ArgsType()
export class SearchArgs {
  @Field({ description: 'Any form of a name: traditional, simplified or English (楊植麟, 杨植麟, Moonshot)' })
  @MinLength(1)
  @MaxLength(MAX_SEARCH_TEXT)
  text: string;

  @Field(() => Int, { nullable: true, defaultValue: 10, description: `1 to ${MAX_SEARCH}` })
  @IsDefined()
  @Min(1)
  @Max(MAX_SEARCH)
  limit: number;
}

export enum EntityOrder {
  NAME = 'NAME',
  DEGREE = 'DEGREE',
  LATEST_EVENT = 'LATEST_EVENT',
}
registerEnumType(EntityOrder, {
  name: 'EntityOrder',
  description: 'The orders of `entities`, each read from an index',
  valuesConfig: {
    NAME: {
      description:
        'By name key (simplified, lower-cased: code point order), then id; with a namePrefix, each entity at its first name that has it',
    },
    DEGREE: { description: 'Most connected first: events (one per role) and stable relationships, then id' },
    LATEST_EVENT: {
      description: 'Latest dated event first ("2024" after the months of 2024); entities without dated events last',
    },
  },
});

@ArgsType()
export class EntitiesArgs extends BidirectionalPageArgs {
  @Field(() => EntityLabel, { nullable: true })
  type?: EntityLabel;

  @Field(() => OrganizationCategory, { nullable: true })
  category?: OrganizationCategory;

  @Field({
    nullable: true,
    description: 'A name form (traditional, simplified, English, alias) starts with this: 月, 杨, Moon',
  })
  @MinLength(1)
  @MaxLength(MAX_SEARCH_TEXT)
  namePrefix?: string;

  @Field(() => [EventKind], {
    nullable: true,
    description: 'Takes part in an event of one of these kinds (within eventsFrom/eventsTo when given)',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_KIND_COUNT)
  hasEventOf?: EventKind[];

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'Takes part in an event on or after this date (inclusive)',
  })
  eventsFrom?: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'Takes part in an event on or before this date (inclusive: "2024-05" keeps 2024-05-20)',
  })
  eventsTo?: string;

  @Field(() => EntityOrder, { defaultValue: EntityOrder.NAME })
  orderBy: EntityOrder;
}

@ArgsType()
export class RelationshipsArgs {
  @Field(() => [RelationshipType], { nullable: true, description: 'Only these types; all when omitted' })
  types?: RelationshipType[];

  @Field(() => Direction, { defaultValue: Direction.BOTH })
  direction: Direction;
}

/** Events a nested connection lists when it says nothing else (an entity page stays one screen). */
export const NESTED_EVENTS = 50;

/**
 * Paging of an entity's nested event connections (acquisitions, talentIn, moves…), from its index
 * range either way, as the root connections page, with a smaller bound; the first 50 by default.
 */
@ArgsType()
export class NestedPageArgs extends pageArgsOf({ min: 0, max: MAX_NESTED_EVENTS, defaultSize: NESTED_EVENTS }) {}

@ArgsType()
export class EntityEventsArgs extends NestedPageArgs {
  @Field(() => [EventKind], { nullable: true, description: 'Only these kinds; all when omitted' })
  kinds?: EventKind[];
}
