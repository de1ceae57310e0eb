import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsOptional,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Float, ID, InputType } from 'type-graphql';
import { ENTITY_ID, ENTITY_PREFIXES, EVENT_ID, SOURCE_ID } from '../../model/ids';
import { ALL_ROLES, MONEY_PROPERTIES } from '../../model/registry';
import { EntityLabel, EventKind, OrganizationCategory, RelationshipType } from '../../model/vocabulary';
import { PartialDateScalar } from '../scalars/partialDate.scalar';

@InputType({ description: 'A document to cite; its full text is kept so every quote can be checked against it' })
export class SourceInput {
  @Field(() => ID, { description: 'source/<slug>' })
  @Matches(SOURCE_ID, { message: 'id must look like source/<lowercase-slug>' })
  id: string;

  @Field() @MinLength(1) @MaxLength(500) title: string;
  @Field(() => String, { nullable: true }) @MaxLength(200) publisher?: string;
  @Field(() => PartialDateScalar, { nullable: true }) date?: string;
  @Field(() => String, { nullable: true, description: 'BCP 47 tag, e.g. zh-Hant' }) @MaxLength(35) language?: string;

  @Field({ description: 'The full text; quotes citing this source must be exact spans of it' })
  @MinLength(1)
  @MaxLength(2_000_000)
  text: string;
}

@InputType({ description: 'A verbatim span of a source that states the fact' })
export class CitationInput {
  @Field(() => ID) @Matches(SOURCE_ID, { message: 'sourceId must look like source/<slug>' }) sourceId: string;
  @Field() @MinLength(1) @MaxLength(2000) quote: string;
}

const MAX_CITATIONS = 50;
const CITATIONS = `Citations, from any sources (at most ${MAX_CITATIONS}); a fact needs at least one`;

@InputType({ description: 'More citations for a fact that exists: a second source stating it' })
export class CorroborationInput {
  @Field(() => ID, { description: 'The id of an entity, event or relationship' })
  @MaxLength(300)
  factId: string;

  @Field(() => [CitationInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CITATIONS)
  @ValidateNested({ each: true })
  citations: CitationInput[];
}

/** What an entity or relationship input cites: one citation, a list, or both (at least one in all). */
@InputType()
abstract class CitedInput {
  @Field(() => CitationInput, { nullable: true, description: 'One citation (or use `citations`, or both)' })
  @IsOptional()
  @ValidateNested()
  citation?: CitationInput;

  @Field(() => [CitationInput], { nullable: true, description: CITATIONS })
  @IsOptional()
  @ArrayMaxSize(MAX_CITATIONS)
  @ValidateNested({ each: true })
  citations?: CitationInput[];
}

@InputType()
export class EntityInput extends CitedInput {
  @Field(() => ID, { description: 'person/…, org/…, product/… or group/…, matching the type' })
  @Matches(ENTITY_ID, { message: `id must look like ${ENTITY_PREFIXES}/<lowercase-slug>` })
  id: string;

  @Field(() => EntityLabel) type: EntityLabel;
  @Field({ description: 'As written in the source' }) @MinLength(1) @MaxLength(200) name: string;

  @Field(() => [String], { nullable: true, description: 'Other names: English names, short forms' })
  @ArrayMaxSize(50)
  @MaxLength(200, { each: true })
  aliases?: string[];

  @Field(() => [OrganizationCategory], { nullable: true, description: 'Organizations only' })
  categories?: OrganizationCategory[];
  @Field(() => String, { nullable: true }) @MaxLength(1000) description?: string;
  @Field({ defaultValue: false }) anonymous: boolean;

  @Field({
    defaultValue: false,
    description: 'Accept a name another entity of this type already has (otherwise refused as a likely duplicate)',
  })
  allowSameName: boolean;
}

@InputType()
export class RelationshipInput extends CitedInput {
  @Field(() => RelationshipType) type: RelationshipType;
  @Field(() => ID) @Matches(ENTITY_ID, { message: 'from must be an entity id' }) from: string;
  @Field(() => ID) @Matches(ENTITY_ID, { message: 'to must be an entity id' }) to: string;
  @Field(() => String, { nullable: true }) @MaxLength(200) role?: string;
  @Field(() => String, { nullable: true }) @MaxLength(200) roleEn?: string;
  @Field(() => PartialDateScalar, { nullable: true }) since?: string;
  @Field(() => PartialDateScalar, { nullable: true }) until?: string;
  @Field(() => Boolean, { nullable: true }) current?: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description: 'True when the cited source does not state the relationship (then say why in inferredBasis)',
  })
  inferred?: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'What the relationship is inferred from; required with inferred: true',
  })
  @MaxLength(1000)
  inferredBasis?: string;
}

@InputType()
export class ParticipantInput {
  @Field({ description: `One of the kind's roles (docs/model.md): ${ALL_ROLES.join(', ')}` })
  @IsIn(ALL_ROLES)
  role: string;

  @Field(() => ID) @Matches(ENTITY_ID, { message: 'entity must be an entity id' }) entity: string;
}

@InputType()
export class MoneyInput {
  @Field(() => Float) @Min(0) amount: number;
  @Field({ description: 'ISO 4217, e.g. USD, CNY' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' })
  currency: string;
}

/** EventInput's fields before the money properties (an abstract type of its own, never in the schema). */
@InputType()
abstract class EventInputFields {
  @Field(() => ID, { description: 'event/<kind-slug>/<slug>' })
  @Matches(EVENT_ID, { message: 'id must look like event/<kind>/<slug>' })
  id: string;

  @Field(() => EventKind) kind: EventKind;
  @Field(() => PartialDateScalar, { nullable: true, description: 'Only as precise as the source' }) date?: string;
  @Field(() => String, { nullable: true, description: 'The source’s words for the time' })
  @MaxLength(200)
  dateNote?: string;
  @Field() @MinLength(1) @MaxLength(500) summary: string;

  @Field(() => [ParticipantInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  participants: ParticipantInput[];

  @Field(() => ID, {
    nullable: true,
    description: 'The source of `quotes` (the shorthand for citations of one source)',
  })
  @IsOptional()
  @Matches(SOURCE_ID, { message: 'sourceId must look like source/<slug>' })
  sourceId?: string;

  @Field(() => [String], { nullable: true, description: 'Verbatim spans of `sourceId`’s text that state the event' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @MinLength(1, { each: true })
  @MaxLength(2000, { each: true })
  quotes?: string[];

  @Field(() => [CitationInput], { nullable: true, description: CITATIONS })
  @IsOptional()
  @ArrayMaxSize(MAX_CITATIONS)
  @ValidateNested({ each: true })
  citations?: CitationInput[];

  @Field({
    defaultValue: false,
    description:
      'Add it although an event of the same kind, participants and a compatible date exists (otherwise refused as a likely second report of that event: see `similarEvents`)',
  })
  allowSimilar: boolean;
}

// One MoneyInput field per money property of the registry (price, valuation, amount…).
for (const name of MONEY_PROPERTIES) {
  Field(() => MoneyInput, { nullable: true })(EventInputFields.prototype, name);
  ValidateNested()(EventInputFields.prototype, name);
}

@InputType()
export class EventInput extends EventInputFields {
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Kind-specific properties: strings, numbers, booleans or lists of them',
  })
  attributes?: Record<string, unknown>;
}

/** The money property `name` of an event input (a MoneyInput field of the registry's), when given. */
export function moneyInput(input: EventInput, name: string): MoneyInput | undefined {
  const value: unknown = Reflect.get(input, name);
  return value instanceof MoneyInput ? value : undefined;
}

@InputType({ description: 'A report to match against the events already in the graph' })
export class EventReportInput {
  @Field(() => EventKind) kind: EventKind;
  @Field(() => PartialDateScalar, { nullable: true }) date?: string;
  @Field(() => [ParticipantInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  participants: ParticipantInput[];
}
