import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../src/db/migrations';
import { GraphGenerator } from '../src/generate/graph';
import { loadOverBolt } from '../src/generate/load';
import { importFacts } from '../src/import/importFile';
import { parseJsonLines } from '../src/import/jsonl';
import { logger } from '../src/logger';
import type { Driver } from 'neo4j-driver';
import { connectDriver } from '../src/neo4j/connection';
import { Executor } from '../src/neo4j/executor';
import { startLocalNeo4j } from '../src/neo4j/localNeo4j';
import { metrics } from '../src/telemetry/metrics';
import { loadAverage, machine } from './timing';

/**
 * The bulk import's throughput (issue 16): a generated graph's facts as JSON Lines (IMPORT_NODES
 * nodes, 70,000 by default: about 100k records), parsed and written through the checked writer
 * (src/import/importFile.ts) into a fresh embedded Neo4j, against the baseline of the same facts
 * through the generator's Bolt loader (the writer's bulk rules in memory, then CREATE in batches, src/generate/load.ts) into
 * another fresh one, in the same run. Prints records/s for both and their ratio, with the load.
 *   npm run bench:import
 */
const NODES = Number(process.env.IMPORT_NODES ?? 70_000);
/** Heap of each bench Neo4j (IMPORT_HEAP_MB): 6 GB holds a 100,000-record transaction (32 kB a record). */
const HEAP_MB = Number(process.env.IMPORT_HEAP_MB ?? 6144);

async function freshNeo4j(name: string) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `kg-bench-${name}-`));
  const neo4j = await startLocalNeo4j({ dataDir, port: 0, heapMb: HEAP_MB, pageCacheMb: 1024, logger });
  const driver = await connectDriver(neo4j.uri, 'neo4j', 'neo4j', 'neo4j');
  return {
    driver,
    db: new Executor(driver, 'neo4j', logger, 30 * 60_000),
    close: async () => {
      await driver.close();
      await neo4j.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  logger.level = 'warn';
  console.log(`machine: ${machine()}`);
  const generator = new GraphGenerator(NODES);
  const lines: string[] = [];
  const type = { sources: 'source', entities: 'entity', relationships: 'relationship', events: 'event' } as const;
  for (const chunk of generator.chunks()) {
    for (const set of ['sources', 'entities', 'relationships', 'events'] as const) {
      // The generator draws many events of one kind among the same few entities (hubs): distinct
      // events by construction, which the writer would refuse as second reports without allowSimilar.
      for (const record of chunk[set])
        lines.push(
          JSON.stringify({ record: type[set], ...record, ...(set === 'events' ? { allowSimilar: true } : {}) }),
        );
    }
  }
  const text = lines.join('\n');
  const parseStarted = performance.now();
  const parsed = parseJsonLines(text);
  const parseSeconds = (performance.now() - parseStarted) / 1000;
  console.log(
    `file: ${parsed.records} records, ${(text.length / 2 ** 20).toFixed(1)} MB; parsed and shape-checked in ${parseSeconds.toFixed(2)} s`,
  );

  const checked = await freshNeo4j('import');
  let importSeconds: number;
  try {
    await migrate(checked.db, logger);
    const started = performance.now();
    const memory = watchTransactionMemory(checked.driver);
    const report = await importFacts(checked.db, parsed, text, {
      dryRun: false,
      by: { principal: 'bench', role: 'admin' },
    });
    importSeconds = (performance.now() - started) / 1000;
    const peak = await memory.stop();
    const size = Math.min(parsed.records, report.transaction?.records ?? parsed.records);
    console.log(`transactions of up to ${report.transaction?.records} records (${report.transaction?.basis})`);
    console.log(
      `peak heap of the import's transaction: ${(peak / 2 ** 20).toFixed(0)} MB (${Math.round(peak / size / 1024)} kB per record of a ${size}-record transaction)`,
    );
    console.log(
      `checked import: ${JSON.stringify(report.counts)} in ${importSeconds.toFixed(1)} s (+ parse ${parseSeconds.toFixed(1)} s)`,
    );
    await printBlockTimes();
  } finally {
    await checked.close();
  }

  if (process.env.IMPORT_BASELINE === '0') return; // profiling the checked path only: no ratio printed
  const bare = await freshNeo4j('baseline');
  let baselineSeconds: number;
  try {
    await migrate(bare.db, logger);
    const started = performance.now();
    await loadOverBolt(bare.driver, 'neo4j', NODES, generator.plan.seed, logger);
    baselineSeconds = (performance.now() - started) / 1000;
  } finally {
    await bare.close();
  }
  const rate = (s: number) => Math.round(parsed.records / s);
  console.log(`\n| path | records | seconds | records/s |\n|---|---|---|---|`);
  console.log(
    `| npm run import path (parse + check + write, transactions sized by the server's memory or IMPORT_TRANSACTION_RECORDS) | ${parsed.records} | ${(importSeconds + parseSeconds).toFixed(1)} | ${rate(importSeconds + parseSeconds)} |`,
  );
  console.log(
    `| baseline: the generator's Bolt loader (bulk rules, no store round trips), same facts | ${parsed.records} | ${baselineSeconds.toFixed(1)} | ${rate(baselineSeconds)} |`,
  );
  console.log(
    `ratio (import / bulk loader time): ${((importSeconds + parseSeconds) / baselineSeconds).toFixed(2)}×; load average after: ${loadAverage()}`,
  );
}

/** The largest heap estimate Neo4j reports for the import's open transaction, polled every 500 ms. */
function watchTransactionMemory(driver: Driver) {
  let peak = 0;
  let running = true;
  const poll = (async () => {
    while (running) {
      const session = driver.session({ database: 'system' });
      try {
        const result = await session.run(
          "SHOW TRANSACTIONS YIELD metaData, estimatedUsedHeapMemory WHERE metaData.block = 'import' RETURN max(estimatedUsedHeapMemory) AS bytes",
        );
        peak = Math.max(peak, Number(result.records[0]?.get('bytes') ?? 0));
      } catch {
        // a transaction that ends while it is listed: try again
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await poll;
      return peak;
    },
  };
}

/** Where the checked import's time went: Neo4j's time per named Cypher block (the executor's histogram). */
async function printBlockTimes(): Promise<void> {
  const { values } = await metrics.cypherDuration.get();
  const sums = new Map<string, { seconds: number; count: number }>();
  for (const v of values) {
    const block = String(v.labels.block);
    const entry = sums.get(block) ?? { seconds: 0, count: 0 };
    if (v.metricName?.endsWith('_sum')) entry.seconds += v.value;
    if (v.metricName?.endsWith('_count')) entry.count += v.value;
    sums.set(block, entry);
  }
  const rows = [...sums].filter(([, e]) => e.count).sort((a, b) => b[1].seconds - a[1].seconds);
  console.log(
    'time per block: ' + rows.map(([block, e]) => `${block} ${e.seconds.toFixed(1)} s/${e.count}`).join(', '),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
