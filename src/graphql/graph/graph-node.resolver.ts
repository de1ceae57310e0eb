import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import type { EntityRow } from '../entity/entity.interface';
import type { EventView } from '../event/event.mapper';
import { Node } from '../node/node.interface';
import { GraphNode } from './graph.type';

@Resolver(() => GraphNode)
export class GraphNodeResolver {
  @FieldResolver(() => Node, {
    nullable: true,
    description: 'The entity or event itself (null only if it was retracted since the selection was read)',
  })
  node(@Root() node: GraphNode, @Ctx() { loaders }: Context): Promise<EntityRow | EventView | null> {
    return loaders.nodes.load(node.nodeId);
  }
}
