import { IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { InvalidInput } from '../../errors';

import { DEFAULT_PAGE, MAX_PAGE } from './pageSize';

export { DEFAULT_PAGE, MAX_PAGE };

/**
 * Relay's four paging arguments, for lists whose index can be read both ways (events, entities): `first`
 * after `after`, or `last` before `before`. `first` has no default in the schema, since a default
 * would always clash with `last`; with neither, the first 20.
 */
@ArgsType()
export class BidirectionalPageArgs {
  @Field(() => Int, { nullable: true, description: `The first ones (after \`after\`), 0 to ${MAX_PAGE}; ${DEFAULT_PAGE} when neither first nor last is given` })
  @IsOptional()
  @Min(0)
  @Max(MAX_PAGE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Start after this cursor' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `The last ones (before \`before\`), 0 to ${MAX_PAGE}` })
  @IsOptional()
  @Min(0)
  @Max(MAX_PAGE)
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'End before this cursor' })
  before?: string | null;
}

/** Which page of a list to read, cursors decoded: `size` entries from the start or, backward, from the end. */
export interface PageRequest {
  size: number;
  backward: boolean;
  after: string | null;
  before: string | null;
}

/** Relay's four paging arguments, whatever their bounds (an entity's nested lists and a source's facts have their own). */
export type PagingArgs = Pick<BidirectionalPageArgs, 'first' | 'after' | 'last' | 'before'>;

/**
 * Relay's paging arguments as one request; `first` and `last` together are refused (the spec
 * discourages them). With neither, the first `defaultSize`.
 */
export function pageRequest(args: PagingArgs, decode: (cursor: string, argument: string) => string, defaultSize = DEFAULT_PAGE): PageRequest {
  if (args.first != null && args.last != null) throw new InvalidInput('last', 'give first or last, not both');
  return {
    size: args.last ?? args.first ?? defaultSize,
    backward: args.last != null,
    after: args.after == null ? null : decode(args.after, 'after'),
    before: args.before == null ? null : decode(args.before, 'before'),
  };
}
