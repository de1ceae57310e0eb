import 'reflect-metadata';
import { subgraphParams } from '../src/graph/subgraph';
import { subgraphQueries } from '../src/store/subgraph.store';
import { entityQueries as entities } from '../src/store/entities.store';
import { eventPageParams, eventQueries as events } from '../src/store/events.store';
import { graphQueries } from '../src/store/graph.store';
import { searchParams } from '../src/graphql/entity/searchQuery';
import { createApp } from '../src/http/app';
import { logger } from '../src/logger';
import { runScaleBench } from './scale/run';
import { openSeededGraph } from './seededGraph';
import { bareDriver, graphqlOverHttp, machine, summarise, Table, timeInterleaved } from './timing';

/**
 * Measures what the API adds on top of Neo4j: each case runs the same Cypher through the bare
 * driver (the baseline, measured in the same run) and through the API over HTTP, interleaved
 * round by round so that the machine's noise hits both alike. Prints medians, p95 and ratios.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 20);

interface Case {
  name: string;
  cypher: string;
  params: Record<string, unknown>;
  graphql: string;
}

const CASES: Case[] = [
  {
    name: 'events page (20, with participants and citations)',
    cypher: events.eventPage.cypher,
    params: eventPageParams({ first: 20 }),
    graphql:
      '{ events(first: 20) { edges { cursor node { id kind date summary participants { role entity { id name } } sources { quote } } } } }',
  },
  {
    name: 'search "Moonshot"',
    cypher: entities.searchEntities.cypher,
    params: { ...searchParams('Moonshot', 10), scan: 50 },
    graphql: '{ search(text: "Moonshot") { id name names } }',
  },
  {
    name: 'shortestPath zhu-xiaohu -> yang-zhilin',
    cypher: graphQueries.shortestPath.cypher,
    params: { from: 'person/zhu-xiaohu', to: 'person/yang-zhilin', maxHops: 6 },
    graphql:
      '{ shortestPath(from: "person/zhu-xiaohu", to: "person/yang-zhilin") { length nodes { nodeId label name } edges { edgeId source target type } } }',
  },
  {
    name: 'neighborhood moonshot-ai, depth 2',
    cypher: subgraphQueries.subgraph.cypher,
    params: subgraphParams({ seeds: ['org/moonshot-ai'], depth: 2, limit: 200 }),
    graphql:
      '{ neighborhood(id: "org/moonshot-ai", depth: 2) { nodes { nodeId label name } edges { edgeId source target type } } }',
  },
  {
    name: 'neighborhood bytedance, depth 3',
    cypher: subgraphQueries.subgraph.cypher,
    params: subgraphParams({ seeds: ['org/bytedance'], depth: 3, limit: 500 }),
    graphql:
      '{ neighborhood(id: "org/bytedance", depth: 3, limit: 500) { nodes { nodeId label name } edges { edgeId source target type } } }',
  },
];

async function main(): Promise<void> {
  logger.level = 'warn';
  if (process.argv.includes('--scale')) return runScaleBench(process.argv.slice(2));
  const graph = await openSeededGraph('kg-bench-');
  const { uri, driver, db } = graph;
  const app = await createApp({ db, logger });
  const url = await app.listen(0, '127.0.0.1');
  const bare = bareDriver(driver, graph.database);
  const http = graphqlOverHttp(url);

  console.log(`bench: ${ROUNDS} rounds × ${PER_ROUND} requests per case and path, Neo4j at ${uri}`);
  console.log(`machine: ${machine()}\n`);
  const table = new Table(52, 0.95);
  console.log(table.header());
  for (const c of CASES) {
    const samples = await timeInterleaved(
      { name: c.name, driver: () => bare([c]), api: async () => void (await http(c.name, c.graphql)) },
      { rounds: ROUNDS, perRound: PER_ROUND, warmup: 10 },
    );
    console.log(table.row(summarise(samples, 0.95)));
  }

  await app.close();
  await graph.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
