import { ArrayMaxSize, IsDefined, IsEnum, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { EntityLabel, EventKind } from '../../model/vocabulary';

export const MAX_CENTRALITY = 100;

@ArgsType()
export class CentralityArgs {
  @Field(() => [EntityLabel], { nullable: true, description: 'Only entities of these types; all when omitted' })
  @IsOptional()
  @ArrayMaxSize(Object.keys(EntityLabel).length)
  @IsEnum(EntityLabel, { each: true })
  labels?: EntityLabel[];

  @Field(() => [EventKind], {
    nullable: true,
    description:
      'Count only events of these kinds (and no stable relationships); all, plus relationships, when omitted',
  })
  @IsOptional()
  @ArrayMaxSize(Object.keys(EventKind).length)
  @IsEnum(EventKind, { each: true })
  kinds?: EventKind[];

  @Field(() => Int, { nullable: true, defaultValue: 20, description: `1 to ${MAX_CENTRALITY}` })
  @IsDefined()
  @Min(1)
  @Max(MAX_CENTRALITY)
  limit: number;
}
