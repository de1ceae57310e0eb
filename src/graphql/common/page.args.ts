import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { InvalidInput } from '../../errors';

import { DEFAULT_PAGE, MAX_PAGE } from './pageSize';

export { DEFAULT_PAGE, MAX_PAGE };

/**
 * Relay's four paging arguments, `first` after `after` or `last` before `before`, with a list's own
 * bounds: `first` has no default in the schema, since a default would always clash with `last`;
 * with neither, the first `defaultSize` (pageRequest).
 */
export function pageArgsOf(bounds: { min: number; max: number; defaultSize: number }) {
  @ArgsType()
  class PageArgs {
    @Field(() => Int, {
      nullable: true,
      description: `The first ones (after \`after\`), ${bounds.min} to ${bounds.max}; ${bounds.defaultSize} when neither first nor last is given`,
    })
    @IsOptional()
    @Min(bounds.min)
    @Max(bounds.max)
    first?: number | null;

    @Field(() => String, { nullable: true, description: 'Start after this cursor' })
    @IsOptional()
    @MaxLength(MAX_CURSOR)
    after?: string | null;

    @Field(() => Int, {
      nullable: true,
      description: `The last ones (before \`before\`), ${bounds.min} to ${bounds.max}`,
    })
    @IsOptional()
    @Min(bounds.min)
    @Max(bounds.max)
    last?: number | null;

    @Field(() => String, { nullable: true, description: 'End before this cursor' })
    @IsOptional()
    @MaxLength(MAX_CURSOR)
    before?: string | null;
  }
  return PageArgs;
}

/** Longer than any cursor this API returns. */
const MAX_CURSOR = 1000;

/** The paging of the root lists whose index can be read both ways (events, entities…). */
@ArgsType()
export class BidirectionalPageArgs extends pageArgsOf({ min: 0, max: MAX_PAGE, defaultSize: DEFAULT_PAGE }) {}

/** Which page of a list to read, cursors decoded: `size` entries from the start or, backward, from the end. */
export interface PageRequest {
  size: number;
  backward: boolean;
  after: string | null;
  before: string | null;
}

/** Relay's four paging arguments, whatever their bounds (an entity's nested lists and a source's facts have their own). */
export type PagingArgs = InstanceType<ReturnType<typeof pageArgsOf>>;

/**
 * Relay's paging arguments as one request; `first` and `last` together are refused (the spec
 * discourages them). With neither, the first `defaultSize`.
 */
export function pageRequest(
  args: PagingArgs,
  decode: (cursor: string, argument: string) => string,
  defaultSize = DEFAULT_PAGE,
): PageRequest {
  if (args.first != null && args.last != null) throw new InvalidInput('last', 'give first or last, not both');
  return {
    size: args.last ?? args.first ?? defaultSize,
    backward: args.last != null,
    after: args.after == null ? null : decode(args.after, 'after'),
    before: args.before == null ? null : decode(args.before, 'before'),
  };
}
