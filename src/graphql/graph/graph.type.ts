import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { EventKind } from '../../model/vocabulary';
import { PartialDateScalar } from '../scalars/partialDate.scalar';

/**
 * A node of one selection (graph, neighborhood, shortestPath). It has no `id` of its own: its
 * degree, PageRank and community belong to the selection, so a client cache keeps it under the
 * field and arguments that selected it (Relay and Apollo Client both do for objects without an
 * id), while `node` is the entity or event itself, cached under its global id.
 */
@ObjectType({
  description:
    'An entity or an event as one selection sees it, for graph visualisers. No `id`: its metrics belong to the selection (client caches keep it under the field that selected it); `node` is the entity or event itself',
})
export class GraphNode {
  @Field(() => ID, { description: 'The global id of the entity or event: what edges name as source and target' })
  nodeId: string;

  @Field({ description: 'The node type: Person, Organization, Product, Group, or an event type such as Acquisition' })
  label: string;

  @Field({ description: 'The entity name, or the event summary' })
  name: string;

  @Field(() => EventKind, { nullable: true, description: 'For events' })
  kind: EventKind | null;

  @Field(() => PartialDateScalar, { nullable: true, description: 'For events' })
  date: string | null;

  @Field(() => Int, {
    description:
      'Edges of this selection at the node (in and out): its degree in what you asked for, not in the whole graph',
  })
  degree: number;

  @Field(() => Float, {
    description:
      'PageRank on this selection, following the edges’ direction (event → participant, person → organization…); the nodes’ values sum to 1',
  })
  pagerank: number;

  @Field(() => Int, {
    description:
      'Louvain community on this selection (seeded, so the same selection gives the same communities), numbered by size: 0 is the largest',
  })
  community: number;
}

@ObjectType({ description: 'An edge of one selection, for graph visualisers (no `id`: it is part of the selection)' })
export class GraphEdge {
  @Field(() => ID, {
    description:
      'The id of the stable relationship (as Relationship.id), or a key of the event role, unique in the graph',
  })
  edgeId: string;

  @Field(() => ID, { description: 'Id of the start node' })
  source: string;

  @Field(() => ID, { description: 'Id of the end node' })
  target: string;

  @Field({ description: 'Relationship type: FOUNDED, WORKS_AT, …, or INVOLVES from an event to a participant' })
  type: string;

  @Field(() => String, { nullable: true, description: 'The participant role (INVOLVES) or the position held' })
  role: string | null;

  @Field(() => String, { nullable: true, description: 'The verbatim quote stating a stable relationship' })
  quote: string | null;
}

@ObjectType()
export class Graph {
  @Field(() => [GraphNode])
  nodes: GraphNode[];

  @Field(() => [GraphEdge])
  edges: GraphEdge[];
}

@ObjectType({ description: 'A path: nodes in order, and the edges between consecutive nodes' })
export class Path {
  @Field(() => Int, { description: 'Number of edges' })
  length: number;

  @Field(() => [GraphNode])
  nodes: GraphNode[];

  @Field(() => [GraphEdge])
  edges: GraphEdge[];
}
