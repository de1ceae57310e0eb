import { Args, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { DatabaseUnavailable, InvalidInput } from '../../errors';
import { changeStream } from '../../changes/changeStream';
import { changesStore, NO_UPPER, type ChangeRow } from '../../store/changes.store';
import type { Context } from '../context';
import { Change, ChangeConnection, changeCursor, toChange } from './change.type';
import { ChangeFilterArgs, ChangesArgs, MAX_TARGETS, readFilter } from './changes.args';

/**
 * Subscription.changes' event stream: the subscriber's changes (src/changes/changeStream.ts),
 * returned as they are so that ending the subscription ends the stream at once (a generator
 * wrapped around it would wait for its next change first); the resolver maps each to a Change.
 */
function subscribeChanges({
  args,
  context,
}: SubscribeResolverData<unknown, ChangeFilterArgs, Context>): AsyncIterable<ChangeRow> {
  // type-graphql validates a subscription's arguments only when each event resolves: checked here, once.
  if ((args.targets?.length ?? 0) > MAX_TARGETS) throw new InvalidInput('targets', `at most ${MAX_TARGETS} ids`);
  if (!context.tailer) throw new DatabaseUnavailable();
  const { after, filter } = readFilter(args);
  return changeStream(context.tailer, context.db.reader, after, filter);
}

@Resolver()
export class ChangesResolver {
  @Query(() => ChangeConnection, {
    nullable: true,
    description:
      'The change log (docs/live.md), oldest first: every committed write to a fact, in commit order, for batch sync. Resume with `after: pageInfo.endCursor`; a client that saves it misses nothing and sees nothing twice',
  })
  async changes(@Args() args: ChangesArgs, @Ctx() { db }: Context): Promise<ChangeConnection | null> {
    const { after, filter } = readFilter(args);
    const rows = args.first ? await changesStore.page(db.reader, after ?? 0, NO_UPPER, filter, args.first + 1) : [];
    const edges = rows.slice(0, args.first).map((row) => ({ cursor: changeCursor(row.seq), node: toChange(row) }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > args.first,
        hasPreviousPage: false,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? args.after ?? null,
      },
    };
  }

  @Subscription(() => Change, {
    name: 'changes',
    subscribe: subscribeChanges,
    description:
      'The changes after `after` (omitted: from now on), then each new one as it commits, over graphql-ws on /graphql. A subscriber that reconnects with the last cursor it received misses nothing and sees nothing twice; on DATABASE_UNAVAILABLE or SUBSCRIBER_TOO_SLOW it subscribes again the same way',
  })
  changeFeed(@Root() change: ChangeRow, @Args({ validate: false }) _args: ChangeFilterArgs): Change {
    return toChange(change);
  }
}
