import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { withMetrics } from '../../graph/analytics';
import { readSubgraph } from '../../graph/subgraph';
import { FLOW_CAP, FLOW_LINKS, graphStore } from '../../store/graph.store';
import type { Context } from '../context';
import { NeighborhoodArgs, ShortestPathArgs, TalentFlowArgs } from './graph.args';
import type { EntityRow } from '../entity/entity.interface';
import { Graph, Path } from './graph.type';
import { toGraphEdges, toGraphNodes } from './graphView';
import { TalentFlow, TalentFlowLink } from './talentFlow.type';

@Resolver()
export class GraphResolver {
  @Query(() => Path, {
    nullable: true,
    description: 'How two entities (or events) are connected: a shortest undirected path, or null',
  })
  async shortestPath(@Args() args: ShortestPathArgs, @Ctx() { db }: Context): Promise<Path | null> {
    const path = await graphStore.shortestPath(db, args);
    // A path is a selection too: its nodes' metrics are on the path.
    return (
      path && {
        length: path.length,
        nodes: toGraphNodes(withMetrics(path.nodes, path.edges)),
        edges: toGraphEdges(path.edges),
      }
    );
  }

  @Query(() => Graph, {
    nullable: true,
    description: 'The nodes within `depth` hops of a node, nearest first, and the edges among them',
  })
  async neighborhood(@Args() args: NeighborhoodArgs, @Ctx() { db }: Context): Promise<Graph> {
    // A neighbourhood is the graph selection around one seed (cypher/queries/subgraph.cypher).
    const { nodes, edges } = await readSubgraph(db, { seeds: [args.id], depth: args.depth, limit: args.limit });
    return { nodes: toGraphNodes(nodes), edges: toGraphEdges(edges) };
  }

  @Query(() => TalentFlow, {
    nullable: true,
    description: `Talent moves aggregated from organization to organization: the latest ${FLOW_CAP.toLocaleString('en')} moves in the date range (implied moves included), the ${FLOW_LINKS} widest links`,
  })
  async talentFlow(@Args() { from, to }: TalentFlowArgs, @Ctx() { db }: Context): Promise<TalentFlow> {
    const rows = await graphStore.talentFlow(db.reader, { from, to });
    const links: TalentFlowLink[] = rows.map((r) => ({
      from: r.origin,
      to: r.dest,
      count: r.count,
      movers: r.movers,
      events: r.events,
    }));
    const nodes = new Map<string, EntityRow>();
    for (const link of links) for (const end of [link.from, link.to]) if (end) nodes.set(end.id, end);
    return { nodes: [...nodes.values()], links };
  }
}
