import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { analyticsStore, type CentralityRow } from '../../store/analytics.store';
import type { Context } from '../context';
import { CentralityArgs } from './centrality.args';
import { CentralEntity } from './centrality.type';

@Resolver()
export class CentralityResolver {
  @Query(() => [CentralEntity], {
    description:
      'The most connected entities of the whole graph: by the events (optionally of some kinds) and stable relationships they take part in, highest first, ties by id',
  })
  centrality(@Args() { labels, kinds, limit }: CentralityArgs, @Ctx() { db }: Context): Promise<CentralityRow[]> {
    return analyticsStore.centrality(db.reader, {
      labels: labels?.length ? [...new Set(labels)] : null,
      kinds: kinds?.length ? [...new Set(kinds)] : null,
      limit,
    });
  }
}
