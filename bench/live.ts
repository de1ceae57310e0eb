import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import type { Driver } from 'neo4j-driver';
import WebSocket from 'ws';
import { writeFacts } from '../src/facts/factWriter';
import type { EntityRecord, FactSet } from '../src/model/records';
import { logger } from '../src/logger';
import { toDriverValue, toNative } from '../src/neo4j/toNative';
import { repoPath } from '../src/paths';
import { changesQueries } from '../src/store/changes.store';
import { openSeededGraph } from './seededGraph';
import { loadAverage, machine, quantile } from './timing';
import type { Run } from '../src/neo4j/executor';

/**
 * npm run bench:live (not a test): SUBSCRIBERS graphql-ws subscribers (default 1,000, one socket
 * each, in this process) on one API instance (a child process, `node dist/src/main.js`, on the
 * same Neo4j); WRITES mutations one after another; for each, the time from its acknowledgement
 * (the HTTP answer, which comes after the commit) to its delivery to every subscriber. The API's
 * memory (RSS and V8 heap, from its /metrics) before and after the subscribers connect. Then the
 * change log's cost to a write: the same writeFacts of one entity in a write transaction with
 * and without the log's append statement, interleaved, through the bare driver.
 */
const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 1_000);
const WRITES = Number(process.env.WRITES ?? 60);
const WRITE_ROUNDS = Number(process.env.WRITE_ROUNDS ?? 300);
const KEY = 'bench-live-admin-key';
const tag = `bench-live-${process.pid}`;
const SOURCE = `source/${tag}`;
const TEXT = `Bench notes ${tag}.`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (v: number) => `${v.toFixed(1)} ms`;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startApi(uri: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [repoPath('dist', 'src', 'main.js')], {
    env: {
      ...process.env,
      NEO4J_URI: uri,
      PORT: String(port),
      SEED: 'false',
      GRAPHQL_IDE: 'false',
      LOG_LEVEL: 'warn',
      API_KEYS: `admin:${KEY}`,
      RATE_LIMIT_IP_PER_SECOND: '0',
      RATE_LIMIT_PRINCIPAL_PER_SECOND: '0',
      SUBSCRIPTIONS_PER_IP: '0',
      SUBSCRIPTIONS_PER_PRINCIPAL: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /GraphQL API ready at (\S+)/.exec(chunk.toString());
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the API exited with ${code}`)));
  });
  return { url, child };
}

async function memory(url: string): Promise<{ rss: number; heap: number }> {
  const text = await (await fetch(url.replace('/graphql', '/metrics'))).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { rss: value('process_resident_memory_bytes'), heap: value('nodejs_heap_size_used_bytes') };
}

async function gql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const ADD = 'mutation($input: EntityInput!) { addEntity(input: $input) { outcome } }';
const person = (i: string) => ({
  id: `person/${tag}-${i}`,
  type: 'Person',
  name: `Bench ${tag} ${i}`,
  citation: { sourceId: SOURCE, quote: `Bench notes ${tag}` },
});

async function delivery(url: string): Promise<void> {
  const before = await memory(url);
  const arrivals = new Map<string, number[]>();
  const clients: Client[] = [];
  let acked = 0;
  const connected = Date.now();
  await Promise.all(
    Array.from({ length: SUBSCRIBERS }, async () => {
      const client = createClient({
        url: url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { Authorization: `Bearer ${KEY}` },
        retryAttempts: 0,
      });
      clients.push(client);
      await new Promise<void>((resolve, reject) => {
        client.on('connected', () => resolve());
        client.subscribe<{ changes: { targetId: string } }>(
          { query: 'subscription { changes(kinds: [ENTITY]) { targetId sequence } }' },
          {
            next: ({ data }) => {
              const at = performance.now();
              const list = arrivals.get(data!.changes.targetId) ?? [];
              list.push(at);
              arrivals.set(data!.changes.targetId, list);
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
    }),
  );
  // Every subscription has joined the tailer once a write made now reaches them all.
  await sleep(2_000);
  const idle = await memory(url);
  console.log(`${SUBSCRIBERS} subscribers connected in ${((Date.now() - connected) / 1000).toFixed(1)} s`);
  const fromAck: number[] = [];
  const fromSend: number[] = [];
  const perSubscriber: number[] = [];
  for (let i = 0; i < WRITES; i += 1) {
    const p = person(`d${i}`);
    const sent = performance.now();
    await gql(url, ADD, { input: p });
    const ack = performance.now();
    acked += 1;
    const deadline = Date.now() + 10_000;
    while ((arrivals.get(p.id)?.length ?? 0) < SUBSCRIBERS && Date.now() < deadline) await sleep(2);
    const got = arrivals.get(p.id) ?? [];
    if (got.length < SUBSCRIBERS)
      throw new Error(`write ${i}: ${got.length} of ${SUBSCRIBERS} subscribers got it within 10 s`);
    const last = Math.max(...got);
    fromAck.push(last - ack);
    fromSend.push(last - sent);
    perSubscriber.push(...got.map((t) => t - ack));
    await sleep(100 + Math.random() * 100);
  }
  console.log(
    `\ndelivery of ${acked} writes to all ${SUBSCRIBERS} subscribers (poll interval CHANGES_POLL_MS=${process.env.CHANGES_POLL_MS ?? 100})`,
  );
  console.log(
    `  from the write's acknowledgement to the last subscriber: p50 ${ms(quantile(fromAck, 0.5))}, p99 ${ms(quantile(fromAck, 0.99))}, max ${ms(Math.max(...fromAck))}`,
  );
  console.log(
    `  from the write's request to the last subscriber:         p50 ${ms(quantile(fromSend, 0.5))}, p99 ${ms(quantile(fromSend, 0.99))}`,
  );
  console.log(
    `  each delivery, from the acknowledgement:                 p50 ${ms(quantile(perSubscriber, 0.5))}, p99 ${ms(quantile(perSubscriber, 0.99))}`,
  );
  console.log(
    `memory of the API: before ${(before.rss / 2 ** 20).toFixed(1)} MiB RSS, ${(before.heap / 2 ** 20).toFixed(1)} MiB heap; with ${SUBSCRIBERS} idle subscribers ${(idle.rss / 2 ** 20).toFixed(1)} MiB RSS, ${(idle.heap / 2 ** 20).toFixed(1)} MiB heap`,
  );
  console.log(
    `  per idle subscriber: ${((idle.rss - before.rss) / SUBSCRIBERS / 1024).toFixed(1)} KB RSS, ${((idle.heap - before.heap) / SUBSCRIBERS / 1024).toFixed(1)} KB heap`,
  );
  await Promise.all(clients.map(async (c) => c.dispose()));
}

/** A Run over a bare driver transaction; `skip` names statements left out. */
function bareRun(
  tx: { run(q: string, p: Record<string, unknown>): Promise<{ records: { toObject(): Record<string, unknown> }[] }> },
  skip: Set<string>,
): Run {
  return (async (query, ...params) => {
    if (skip.has(query.name)) return [];
    const result = await tx.run(query.cypher, toDriverValue(params[0] ?? {}) as Record<string, unknown>);
    return result.records.map((r) => toNative(r.toObject()));
  }) as Run;
}

async function writeCost(driver: Driver, database: string): Promise<void> {
  const by = { principal: 'bench', role: 'admin' };
  const facts = (i: string): FactSet => ({
    sources: [],
    entities: [
      {
        id: `person/${tag}-w${i}`,
        label: 'Person' as EntityRecord['label'],
        name: `Bench ${tag} w${i}`,
        sourceId: SOURCE,
        quote: `Bench notes ${tag}`,
      },
    ],
    relationships: [],
    events: [],
  });
  const time = async (i: string, skip: Set<string>) => {
    const session = driver.session({ database });
    const started = performance.now();
    try {
      await session.executeWrite((tx) => writeFacts(bareRun(tx, skip), facts(i), { mode: 'create', by }));
    } finally {
      await session.close();
    }
    return performance.now() - started;
  };
  const withLog: number[] = [];
  const without: number[] = [];
  const none = new Set<string>();
  const noLog = new Set([changesQueries.appendChanges.name]);
  for (let i = 0; i < 20; i += 1) await time(`warm${i}`, i % 2 ? none : noLog);
  for (let i = 0; i < WRITE_ROUNDS; i += 1) {
    // Alternating, so that the machine's noise hits both alike.
    if (i % 2) withLog.push(await time(`a${i}`, none));
    else without.push(await time(`b${i}`, noLog));
  }
  const [a, b] = [quantile(withLog, 0.5), quantile(without, 0.5)];
  console.log(
    `\nwrite of one entity (writeFacts in one transaction, bare driver), ${withLog.length} each, interleaved:`,
  );
  console.log(
    `  without the change log p50 ${ms(b)}, p99 ${ms(quantile(without, 0.99))}; with it p50 ${ms(a)}, p99 ${ms(quantile(withLog, 0.99))}; ratio ${(a / b).toFixed(3)}× (${(((a - b) / b) * 100).toFixed(1)}% overhead)`,
  );
}

async function main(): Promise<void> {
  logger.level = 'warn';
  const graph = await openSeededGraph('kg-bench-live-');
  const { uri, driver } = graph;
  console.log(
    `bench:live: ${SUBSCRIBERS} subscribers, ${WRITES} writes, ${WRITE_ROUNDS} timed writes; Neo4j at ${uri}`,
  );
  console.log(`machine: ${machine()}\n`);
  const api = await startApi(uri);
  try {
    await gql(api.url, 'mutation($input: SourceInput!) { addSource(input: $input) { source { id } } }', {
      input: { id: SOURCE, title: 'bench', text: TEXT },
    });
    await delivery(api.url);
  } finally {
    api.child.kill('SIGINT');
  }
  await writeCost(driver, graph.database);
  console.log(`\nload average at the end: ${loadAverage(2)}`);
  if (!graph.own)
    await driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $p AND NOT n:Change DETACH DELETE n', {
      p: `person/${tag}`,
    });
  await graph.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
