import { ArrayMaxSize, IsDefined, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { InvalidInput } from '../../errors';
import type { ChangeFilter } from '../../store/changes.store';
import { decodeCursor } from '../common/cursor';
import { MAX_PAGE } from '../common/pageSize';
import { CHANGE_LIST, ChangeTargetKind } from './change.type';

/** Most target ids one reader may follow. */
export const MAX_TARGETS = 100;

@ArgsType()
export class ChangeFilterArgs {
  @Field(() => String, {
    nullable: true,
    description:
      'A change cursor: only the changes after it. Omitted: from the start of the log (Query.changes) or from now on (Subscription.changes)',
  })
  @IsOptional()
  @MaxLength(200)
  after?: string | null;

  @Field(() => [ChangeTargetKind], { nullable: true, description: 'Only changes to these kinds of fact' })
  @IsOptional()
  kinds?: ChangeTargetKind[] | null;

  @Field(() => [ID], { nullable: true, description: `Only changes to these facts (at most ${MAX_TARGETS})` })
  @IsOptional()
  @ArrayMaxSize(MAX_TARGETS)
  @MaxLength(300, { each: true })
  targets?: string[] | null;
}

@ArgsType()
export class ChangesArgs extends ChangeFilterArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: `Page size, 0 to ${MAX_PAGE}` })
  @IsDefined()
  @Min(0)
  @Max(MAX_PAGE)
  first: number;
}

/** The log position after which to read (0: from the start), and the filter, from checked arguments. */
export function readFilter(args: ChangeFilterArgs): { after: number | null; filter: ChangeFilter } {
  const after = args.after == null ? null : Number(decodeCursor(CHANGE_LIST, args.after));
  if (after !== null && !Number.isSafeInteger(after))
    throw new InvalidInput('after', 'not a cursor returned by this API for this list and order');
  return {
    after,
    filter: {
      kinds: args.kinds?.length ? args.kinds : null,
      targets: args.targets?.length ? [...new Set(args.targets)] : null,
    },
  };
}
