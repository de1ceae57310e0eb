import { Field, Int, ObjectType } from 'type-graphql';
import { GraphEdge, GraphNode } from './graph.type';

@ObjectType({ description: 'A selection of the graph for visualisers: nodes, and every edge among them' })
export class GraphSelection {
  @Field(() => [GraphNode], { description: 'Nearest the seeds first, then by id' })
  nodes: GraphNode[];

  @Field(() => [GraphEdge], {
    description: 'Stable relationships and event roles (INVOLVES) among the nodes; never provenance',
  })
  edges: GraphEdge[];

  @Field(() => Int, { description: 'Nodes the selection matched before the limit' })
  totalNodes: number;

  @Field({ description: 'True when the limit left nodes out' })
  truncated: boolean;
}
