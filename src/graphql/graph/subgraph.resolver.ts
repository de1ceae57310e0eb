import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { readSubgraph } from '../../graph/subgraph';
import type { Context } from '../context';
import { toGraphEdges, toGraphNodes } from './graphView';
import { GraphArgs } from './subgraph.args';
import { GraphSelection } from './subgraph.type';

@Resolver()
export class SubgraphResolver {
  @Query(() => GraphSelection, {
    nullable: true,
    description:
      'A graph for visualisers: around seed ids (with depth), events of some kinds or dates and their participants, or the whole graph; capped by limit',
  })
  async graph(@Args() args: GraphArgs, @Ctx() { db }: Context): Promise<GraphSelection> {
    // A SelectionError is an InvalidInput: the GraphQL edge maps it (src/graphql/errorMapping.ts).
    const { nodes, edges, totalNodes } = await readSubgraph(db, args);
    return { nodes: toGraphNodes(nodes), edges: toGraphEdges(edges), totalNodes, truncated: totalNodes > nodes.length };
  }
}
