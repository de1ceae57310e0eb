import { IsDefined, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';

export const MAX_SOURCES = 500;
export const MAX_HISTORY = 200;

@ArgsType()
export class SourcesArgs {
  @Field(() => Int, { nullable: true, defaultValue: 100, description: `1 to ${MAX_SOURCES}` })
  @IsDefined()
  @Min(1)
  @Max(MAX_SOURCES)
  first: number;

  @Field(() => ID, { nullable: true, description: 'Only sources after this id' })
  @MaxLength(300)
  after?: string;
}

@ArgsType()
export class HistoryArgs {
  @Field(() => ID, { description: 'The id of an entity, event, relationship or source' })
  @MaxLength(300)
  id: string;

  @Field(() => Int, { nullable: true, defaultValue: 50, description: `1 to ${MAX_HISTORY}` })
  @IsDefined()
  @Min(1)
  @Max(MAX_HISTORY)
  limit: number;
}
