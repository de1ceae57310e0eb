import { IsOptional, Matches } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';

@ArgsType()
export class CitationsArgs {
  @Field(() => ID, { nullable: true, description: 'Only the citations of this source' })
  @IsOptional()
  @Matches(/^source\/[a-z0-9][a-z0-9-/]*$/, { message: 'source must be a source id (source/<slug>)' })
  source?: string | null;
}
