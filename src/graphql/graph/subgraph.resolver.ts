import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { readSubgraph, SelectionError } from '../../graph/subgraph';
import { badUserInput } from '../common/errors';
import type { Context } from '../context';
import type { GraphEdge, GraphNode } from './graph.type';
import { GraphArgs } from './subgraph.args';
import { GraphSelection } from './subgraph.type';

@Resolver()
export class SubgraphResolver {
  @Query(() => GraphSelection, {
    description:
      'A graph for visualisers: around seed ids (with depth), events of some kinds or dates and their participants, or the whole graph; capped by limit',
  })
  async graph(@Args() args: GraphArgs, @Ctx() { db }: Context): Promise<GraphSelection> {
    try {
      const { nodes, edges, totalNodes } = await readSubgraph(db, args);
      return { nodes: nodes as GraphNode[], edges: edges as GraphEdge[], totalNodes, truncated: totalNodes > nodes.length };
    } catch (error) {
      if (error instanceof SelectionError) throw badUserInput(error.argument, error.detail);
      throw error;
    }
  }
}
