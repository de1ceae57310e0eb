import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { loadCypherFile } from '../../cypher/cypherFiles';
import type { Context } from '../context';
import { CentralityArgs } from './centrality.args';
import { CentralEntity } from './centrality.type';

export const analyticsQueries = loadCypherFile('queries/analytics.cypher', ['centrality']);

@Resolver()
export class CentralityResolver {
  @Query(() => [CentralEntity], {
    description:
      'The most connected entities of the whole graph: by the events (optionally of some kinds) and stable relationships they take part in, highest first, ties by id',
  })
  async centrality(@Args() { labels, kinds, limit }: CentralityArgs, @Ctx() { db }: Context): Promise<CentralEntity[]> {
    const rows = await db.read(analyticsQueries.centrality, {
      labels: labels?.length ? [...new Set(labels)] : null,
      kinds: kinds?.length ? [...new Set(kinds)] : null,
      limit,
    });
    return rows as unknown as CentralEntity[];
  }
}
