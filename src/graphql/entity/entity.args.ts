import { IsDefined, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, Int, registerEnumType } from 'type-graphql';
import { EntityLabel, EventKind, OrganizationCategory, RelationshipType } from '../../model/vocabulary';

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
export const MAX_ENTITIES = 500;
export const MAX_NESTED_EVENTS = 100;
/** SKIP walks the index entry by entry: past this, page by a filter instead. */
export const MAX_OFFSET = 10_000;

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

@ArgsType()
export class EntitiesArgs {
  @Field(() => EntityLabel, { nullable: true })
  type?: EntityLabel;

  @Field(() => OrganizationCategory, { nullable: true })
  category?: OrganizationCategory;

  @Field(() => Int, { nullable: true, defaultValue: 100, description: `1 to ${MAX_ENTITIES}` })
  @IsDefined()
  @Min(1)
  @Max(MAX_ENTITIES)
  limit: number;

  @Field(() => Int, { nullable: true, defaultValue: 0, description: `0 to ${MAX_OFFSET}` })
  @IsDefined()
  @Min(0)
  @Max(MAX_OFFSET)
  offset: number;
}

@ArgsType()
export class RelationshipsArgs {
  @Field(() => [RelationshipType], { nullable: true, description: 'Only these types; all when omitted' })
  types?: RelationshipType[];

  @Field(() => Direction, { defaultValue: Direction.BOTH })
  direction: Direction;
}

@ArgsType()
export class EntityEventsArgs {
  @Field(() => [EventKind], { nullable: true, description: 'Only these kinds; all when omitted' })
  kinds?: EventKind[];

  @Field(() => Int, { nullable: true, defaultValue: 50, description: `The first ones, 1 to ${MAX_NESTED_EVENTS}` })
  @IsDefined()
  @Min(1)
  @Max(MAX_NESTED_EVENTS)
  first: number;
}
