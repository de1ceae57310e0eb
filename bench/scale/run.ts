import { parseArgs } from 'node:util';
import { ensureDerived } from '../../src/db/derived';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import { migrate } from '../../src/db/migrations';
import { scaleMemory, DEFAULT_SCALE_DIR } from '../../src/generate/options';
import { DEFAULT_SEED } from '../../src/generate/graph';
import { eventKinds } from '../../src/generate/kinds';
import {
  checkTarget,
  ensureEmbeddedGraph,
  generatorFingerprint,
  loadOverBolt,
  readBoltStoredGraph,
  type StoredGraph,
} from '../../src/generate/load';
import { createApp } from '../../src/http/app';
import { connectDriver } from '../../src/neo4j/connection';
import { Executor } from '../../src/neo4j/executor';
import { bareDriver, graphqlOverHttp, machine, summarise, Table, timeInterleaved, type Row } from '../timing';
import { textOf } from '../../src/errors';
import { captureCypher, type CapturedQuery } from './capture';
import { rootOperations } from './operations';
import { explain, forbiddenScans, profileStatement } from './plans';
import { MIN_REQUESTS, verdict, watchLoad } from './verdict';

/**
 * npm run bench -- --scale [--nodes 1000000] [--seed S] [--data-dir D]
 *
 * Every root query field on a generated graph (generated once, reused while the data folder holds
 * the same size, seed and generator): the API over HTTP against the very Cypher it sent, replayed
 * through the bare driver, interleaved round by round, at least 50 requests per path and case
 * (10 rounds × 5 by default). Prints p50/p99, the API/driver ratio, the scans in each plan, the
 * machine, the load average at each case and the graph's size, the same as a Markdown table, and
 * the run's verdict (./verdict.ts): clean only when the load stayed at or below the core count.
 */
interface Result {
  field: string;
  row?: Row;
  statements: number;
  scans: string[];
  error?: string;
}

async function openGraph(
  nodes: number,
  seed: number,
  dataDir: string,
): Promise<{ driver: Driver; database: string; stored: StoredGraph; close(): Promise<void>; where: string }> {
  const config = loadConfig();
  const capture = captureCypher();
  if (config.NEO4J_URI) {
    const driver = await connectDriver(
      config.NEO4J_URI,
      config.NEO4J_USER,
      config.NEO4J_PASSWORD,
      config.NEO4J_DATABASE,
    );
    const state = await checkTarget(driver, config.NEO4J_DATABASE, { nodes, seed }, generatorFingerprint(), false);
    const stored =
      state === 'same'
        ? (await readBoltStoredGraph(driver, config.NEO4J_DATABASE))!
        : await loadOverBolt(driver, config.NEO4J_DATABASE, nodes, seed, capture.logger);
    return { driver, database: config.NEO4J_DATABASE, stored, close: () => driver.close(), where: config.NEO4J_URI };
  }
  const { neo4j, stored, reused } = await ensureEmbeddedGraph({
    nodes,
    seed,
    dataDir,
    logger: capture.logger,
    ...scaleMemory(nodes),
  });
  const driver = await connectDriver(neo4j.uri, 'neo4j', 'neo4j', 'neo4j');
  const { heapMb, pageCacheMb } = scaleMemory(nodes);
  return {
    driver,
    database: 'neo4j',
    stored,
    where: `embedded Neo4j 5.26 in ${dataDir} (${reused ? 'reused' : 'generated now'}; heap ${heapMb} MB, page cache ${pageCacheMb} MB)`,
    close: async () => {
      await driver.close();
      await neo4j.stop();
    },
  };
}

export async function runScaleBench(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'boolean' },
      nodes: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      'data-dir': { type: 'string', default: DEFAULT_SCALE_DIR },
      rounds: { type: 'string', default: process.env.BENCH_ROUNDS ?? '10' },
      'per-round': { type: 'string', default: process.env.BENCH_PER_ROUND ?? '5' },
      // Each case's statements one by one: median time, PROFILE's db hits and rows (finding the slow part).
      statements: { type: 'boolean', default: false },
    },
  });
  const nodes = Number(values.nodes);
  const profileAll = async (statements: CapturedQuery[]) => {
    for (const statement of statements) {
      const p = await profileStatement(graph.driver, graph.database, statement).catch((error: unknown) => ({
        name: statement.name,
        medianMs: NaN,
        dbHits: NaN,
        rows: textOf(error).slice(0, 60),
      }));
      console.log(
        `    ${p.name.padEnd(50)} ${p.medianMs.toFixed(1).padStart(8)} ms ${p.dbHits.toLocaleString('en').padStart(12)} db hits ${p.rows} rows`,
      );
    }
  };
  const config = loadConfig();
  const graph = await openGraph(nodes, Number(values.seed), values['data-dir']);
  const capture = captureCypher({ quiet: true });
  const db = new Executor(graph.driver, graph.database, capture.logger, config.NEO4J_TX_TIMEOUT_MS);
  await migrate(db, capture.logger);
  await ensureDerived(db, capture.logger);
  const app = await createApp({ db, logger: capture.logger });
  const url = await app.listen(0, '127.0.0.1');
  const http = graphqlOverHttp(url);
  const bare = bareDriver(graph.driver, graph.database);
  const eventLabels = eventKinds().map((k) => k.label);
  const { manifest, timings } = graph.stored;
  const nodeCount = Object.values(manifest.counts.nodes).reduce((a, b) => a + b, 0);
  const relCount = Object.values(manifest.counts.relationships).reduce((a, b) => a + b, 0);

  console.log(`scale bench: ${graph.where}`);
  console.log(
    `graph: ${nodeCount.toLocaleString('en')} nodes, ${relCount.toLocaleString('en')} relationships (seed ${manifest.plan.seed}); hubs ${manifest.hubs.join(', ')}`,
  );
  console.log(`machine: ${machine()}`);
  const [rounds, perRound] = [Number(values.rounds), Number(values['per-round'])];
  console.log(
    `API transaction timeout ${config.NEO4J_TX_TIMEOUT_MS} ms; ${rounds} rounds × ${perRound} requests per path and case${rounds * perRound < MIN_REQUESTS ? ` (fewer than ${MIN_REQUESTS}: the run will not be clean)` : ''}\n`,
  );
  const load = watchLoad();
  const loadAt = new Map<string, number>();
  const table = new Table(40, 0.99);
  console.log(`${table.header()}  load  statements, scans`);
  const results: Result[] = [];
  // BENCH_ONLY=entities,eventStats times only those root fields.
  const only = process.env.BENCH_ONLY?.split(',').map((f) => f.trim());
  // BENCH_CASE=text times only the cases whose name contains it.
  const named = process.env.BENCH_CASE;
  const chosen = rootOperations(manifest).filter(
    (o) => (!only || only.includes(o.field)) && (!named || o.name.includes(named)),
  );
  for (const op of chosen) {
    capture.take();
    loadAt.set(op.name, load.now());
    const started = Date.now();
    let failed: string | undefined;
    await http(op.name, op.graphql).catch((error: unknown) => {
      const message = String((error as Error).message);
      failed = /"code":"(\w+)"/.exec(message)?.[1] ?? message.slice(0, 80);
    });
    const first = Date.now() - started;
    // The Executor logs a statement before running it, so failed ones are captured too.
    const statements = capture.take();
    const scans = [
      ...new Set(
        (await Promise.all(statements.map((s) => explain(graph.driver, graph.database, s)))).flatMap((ops) =>
          forbiddenScans(ops, eventLabels),
        ),
      ),
    ];
    if (failed) {
      results.push({
        field: op.field,
        statements: statements.length,
        scans,
        error: failed,
        row: { name: op.name, driverP50: NaN, apiP50: first, ratio: NaN, driverHigh: NaN, apiHigh: NaN, n: 1 },
      });
      console.log(
        `${op.name.padEnd(40)} error ${failed} after ${first} ms  ${statements.length}, ${scans.join(' ') || '-'}`,
      );
      if (values.statements) await profileAll(statements);
      continue;
    }
    const samples = await timeInterleaved(
      { name: op.name, driver: () => bare(statements), api: async () => void (await http(op.name, op.graphql)) },
      { rounds, perRound, warmup: 2 },
    );
    const row = summarise(samples, 0.99);
    results.push({ field: op.field, row, statements: statements.length, scans });
    console.log(
      `${table.row(row)}  ${loadAt.get(op.name)!.toFixed(1).padStart(4)}  ${statements.length}, ${scans.join(' ') || '-'}`,
    );
    if (values.statements) await profileAll(statements);
  }
  const judged = verdict(
    results.filter((r) => !r.error).map((r) => r.row!),
    load.stop(),
    results.filter((r) => r.error).map((r) => `${r.row!.name} ${r.error}`),
  );
  console.log(`\n${judged.lines.join('\n')}`);

  console.log('\nMarkdown:\n');
  console.log(`Machine: ${machine()}  `);
  console.log(
    `Graph: ${nodeCount.toLocaleString('en')} nodes, ${relCount.toLocaleString('en')} relationships (generated, seed ${manifest.plan.seed}); generation ${timings.generateSeconds.toFixed(0)} s, import ${timings.importSeconds.toFixed(0)} s, migrations + indexes ${timings.migrateSeconds.toFixed(0)} s\n`,
  );
  console.log(
    '| root field | case | driver p50 | API p50 | API/driver | driver p99 | API p99 | n | load | statements | scans in the plan |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  const f = (v: number) => (Number.isNaN(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
  for (const r of results) {
    const x = r.row!;
    const ratio = Number.isNaN(x.ratio) ? (r.error ?? '–') : `${x.ratio.toFixed(2)}×`;
    console.log(
      `| ${r.field} | ${x.name} | ${f(x.driverP50)} | ${f(x.apiP50)} | ${ratio} | ${f(x.driverHigh)} | ${f(x.apiHigh)} | ${x.n} | ${(loadAt.get(x.name) ?? NaN).toFixed(1)} | ${r.statements} | ${r.scans.join(', ') || '–'} |`,
    );
  }

  console.log(`\n${judged.lines.map((l) => `- ${l}`).join('\n')}`);

  await app.close();
  await graph.close();
  if (!judged.clean) process.exitCode = 3; // scripts comparing runs see a noisy one
}
