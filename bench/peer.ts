import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import { createApp } from '../src/http/app';
import { logger } from '../src/logger';
import { subgraphParams } from '../src/graph/subgraph';
import { subgraphQueries } from '../src/store/subgraph.store';
import { EVENT_KIND_LIST, STABLE_TYPES_PATTERN } from '../src/model/registry';
import { openSeededGraph } from './seededGraph';
import { bareDriver, graphqlOverHttp, loadAverage, machine, quantile } from './timing';

/**
 * The neighbourhood against @neo4j/graphql (issue 20, part 2), on the article's graph in one Neo4j,
 * both served by the same HTTP stack (Express 5, Apollo Server 5) in this process:
 * - `api`: the project's `neighborhood(id, depth: 2, limit)`;
 * - `peer walk`: the peer with a compact `@cypher` walk, as a user of @neo4j/graphql writes it
 *   (one variable-length pattern, DISTINCT, LIMIT; then the edges among the nodes it found);
 * - `peer, project's Cypher`: the peer serving the project's own `subgraph` block in its `@cypher`
 *   field (its parameters the field's arguments, its rows folded into one value), so the same Cypher
 *   is timed through both servers;
 * - `bare driver, same Cypher`: the API's block and parameters through neo4j-driver, no HTTP.
 * Each path runs in rounds, interleaved: latency one request at a time (p50/p99), then requests/s
 * at `PEER_CONNECTIONS` concurrent requests for `PEER_SECONDS`. Prints the ratios against the
 * project's path and the load average. Answers are compared (node ids) before timing.
 *   npm run bench:peer
 */
const ROUNDS = Number(process.env.PEER_ROUNDS ?? 3);
const LATENCY_PER_ROUND = Number(process.env.PEER_PER_ROUND ?? 40);
const CONNECTIONS = Number(process.env.PEER_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.PEER_SECONDS ?? 4);

const CASES = [
  { id: 'org/moonshot-ai', depth: 2, limit: 200 },
  { id: 'org/bytedance', depth: 2, limit: 500 },
];

const WALK = `${STABLE_TYPES_PATTERN}|INVOLVES`;

/** The compact walk a user of the peer would write; edges among the nodes found, as `neighborhood` gives. */
const compactWalk = `
MATCH (s:Entity {id: $id})
CALL (s) {
  MATCH (s)-[:${WALK}*1..2]-(n)
  RETURN DISTINCT n LIMIT $limit
}
WITH s, collect(n) AS found
WITH [s] + found AS ns
CALL (ns) {
  UNWIND ns AS x
  MATCH (x)-[r:${WALK}]->(y) WHERE y IN ns
  RETURN collect({edgeId: coalesce(r.id, elementId(r)), source: x.id, target: y.id, type: type(r)}) AS edges
}
RETURN {nodes: [n IN ns | {nodeId: n.id, label: n.label, name: coalesce(n.name, n.summary)}], edges: edges} AS hood`;

/** The project's subgraph block as it is, its parameters the field's arguments, its rows folded into one value. */
const projectBlock = `
CALL () {
${subgraphQueries.subgraph.cypher}
}
WITH collect(CASE WHEN element = 'node' THEN data END) AS nodes, collect(CASE WHEN element = 'edge' THEN data END) AS edges
RETURN {nodes: [n IN nodes | {nodeId: n.id, label: n.label, name: n.name}],
        edges: [e IN edges | {edgeId: e.id, source: e.source, target: e.target, type: e.type}]} AS hood`;

const typeDefs = `
type Entity @node(labels: ["Entity"]) { id: ID! name: String! label: String! }
type HoodNode { nodeId: ID! label: String name: String }
type HoodEdge { edgeId: ID! source: ID! target: ID! type: String! }
type Hood { nodes: [HoodNode!]! edges: [HoodEdge!]! }
type Query {
  walk(id: ID!, depth: Int!, limit: Int!): Hood @cypher(statement: """${compactWalk}""", columnName: "hood")
  projectCypher(seeds: [ID!], depth: Int!, kinds: [String!], from: String, to: String, limit: Int!, allKinds: [String!]!): Hood
    @cypher(statement: """${projectBlock}""", columnName: "hood")
}`;

const selection = '{ nodes { nodeId label name } edges { edgeId source target type } }';

async function servePeer(driver: ConstructorParameters<typeof Neo4jGraphQL>[0]['driver']) {
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const server = new ApolloServer({ schema });
  await server.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(server, { context: () => Promise.resolve({}) }));
  const listener = http.createServer(app);
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(listener.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
      await server.stop();
    },
  };
}

type Ask = () => Promise<unknown>;

/** Requests/s with `connections` requests always in flight for `seconds`. */
async function throughput(asks: Ask[], seconds: number): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    asks.map(async (ask) => {
      while (performance.now() < until) {
        await ask();
        done += 1;
      }
    }),
  );
  return done / seconds;
}

async function latencies(ask: Ask, n: number, out: number[]): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    const start = performance.now();
    await ask();
    out.push(performance.now() - start);
  }
}

type Hood = { nodes: { nodeId: string }[]; edges: unknown[] };

async function main() {
  console.log(`peer bench: ${machine()}`);
  const graph = await openSeededGraph('peer-bench-');
  const api = await createApp({ db: graph.db, logger });
  const apiUrl = await api.listen(0, '127.0.0.1');
  const peer = await servePeer(graph.driver);
  const bare = bareDriver(graph.driver, graph.database);
  try {
    for (const c of CASES) {
      const args = `id: "${c.id}", depth: ${c.depth}, limit: ${c.limit}`;
      const paths = [
        { name: 'api', url: apiUrl, query: `{ hood: neighborhood(${args}) ${selection} }` },
        { name: 'peer walk', url: peer.url, query: `{ hood: walk(${args}) ${selection} }` },
        {
          name: "peer, project's Cypher",
          url: peer.url,
          query: `{ hood: projectCypher(seeds: ["${c.id}"], depth: ${c.depth}, kinds: null, from: null, to: null, limit: ${c.limit}, allKinds: ${JSON.stringify(EVENT_KIND_LIST)}) ${selection} }`,
        },
      ].map((p) => {
        const clients = Array.from({ length: CONNECTIONS }, () => graphqlOverHttp(p.url));
        return {
          ...p,
          ask: () => clients[0]!(p.name, p.query),
          asks: clients.map((client) => () => client(p.name, p.query)),
          ms: [] as number[],
          rates: [] as number[],
        };
      });
      // The baseline: the API's own Cypher and parameters through the bare driver, no HTTP.
      const statement = {
        cypher: subgraphQueries.subgraph.cypher,
        params: subgraphParams({ seeds: [c.id], depth: c.depth, limit: c.limit }),
      };
      const driverAsk = () => bare([statement]);
      const timed = [
        ...paths,
        {
          name: 'bare driver, same Cypher',
          ask: driverAsk,
          asks: paths[0]!.asks.map(() => driverAsk),
          ms: [] as number[],
          rates: [] as number[],
        },
      ];
      const hoods = await Promise.all(paths.map(async (p) => ((await p.ask()) as { hood: Hood }).hood));
      const sizes = paths.map((p, i) => `${p.name}: ${hoods[i]!.nodes.length} nodes, ${hoods[i]!.edges.length} edges`);
      const ids = (h: Hood) =>
        h.nodes
          .map((n) => n.nodeId)
          .sort()
          .join();
      if (ids(hoods[0]!) !== ids(hoods[2]!))
        throw new Error(`${c.id}: the peer's answer with the project's Cypher differs from the API's`);
      for (const p of timed) await latencies(p.ask, 10, []); // warm-up
      for (let round = 0; round < ROUNDS; round += 1)
        for (const p of timed) {
          await latencies(p.ask, LATENCY_PER_ROUND, p.ms);
          p.rates.push(await throughput(p.asks, SECONDS));
        }
      const base = paths[0]!;
      const rate = (p: (typeof timed)[number]) => p.rates.reduce((a, b) => a + b, 0) / p.rates.length;
      console.log(`\n${c.id}, depth ${c.depth}, limit ${c.limit} (${sizes.join('; ')})`);
      console.log(
        `${'path'.padEnd(24)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ${`req/s @${CONNECTIONS}`.padStart(11)} ${'api ÷ path (req/s)'.padStart(19)}`,
      );
      for (const p of timed)
        console.log(
          `${p.name.padEnd(24)} ${`${quantile(p.ms, 0.5).toFixed(2)} ms`.padStart(9)} ${`${quantile(p.ms, 0.99).toFixed(2)} ms`.padStart(9)} ${rate(p).toFixed(0).padStart(11)} ${`${(rate(base) / rate(p)).toFixed(2)}×`.padStart(19)}`,
        );
    }
    console.log(`\nload average after: ${loadAverage()}`);
  } finally {
    await peer.close();
    await api.close();
    await graph.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
