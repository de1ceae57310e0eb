import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { analyticsStore, type CentralityRow } from '../../store/analytics.store';
import type { Context } from '../context';
import { CentralityArgs } from './centrality.args';
import { CentralEntity } from './centrality.type';

@Resolver()
export class CentralityResolver {
  @Query(() => [CentralEntity], {
    nullable: true,
    description:
      'The most connected entities: by the events (one per role) and stable relationships they take part in, highest first, ties by id. With kinds, by their events of those kinds among the latest 2,000 of them (the recent centre of the acquisitions, say)',
  })
  centrality(@Args() { labels, kinds, limit }: CentralityArgs, @Ctx() { db }: Context): Promise<CentralityRow[]> {
    return analyticsStore.centrality(db.reader, {
      labels: labels?.length ? [...new Set(labels)] : null,
      kinds: kinds?.length ? [...new Set(kinds)] : null,
      limit,
    });
  }
}
