import { IsDefined, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

export const MAX_PAGE = 100;

/** `first` and `after` of every connection (events, entities). */
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
