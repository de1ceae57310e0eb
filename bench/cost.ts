import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { DEFAULT_SEED } from '../src/generate/graph';
import { ensureEmbeddedGraph } from '../src/generate/load';
import { buildGraphQLSchema } from '../src/graphql/schema';
import { createApp } from '../src/http/app';
import { logger } from '../src/logger';
import { connectDriver } from '../src/neo4j/connection';
import { Executor } from '../src/neo4j/executor';
import { repoPath } from '../src/paths';
import { ARTICLE_IDS, calibrationDocuments, generatedIds } from './cost/documents';
import { estimate, measure, neo4jPid } from './cost/measure';
import { openSeededGraph } from './seededGraph';
import { machine } from './timing';

/**
 * npm run bench:cost (issue 17, part 6): the CPU time of representative documents against their
 * estimated cost, on the article's graph (a fresh embedded Neo4j, seeded) and on the 50k-node
 * generated graph (.data/cost-50k, generated once and reused). CPU is the API's own
 * (process.cpuUsage around the in-process request) plus Neo4j's JVM (/proc/<pid>/stat) over the
 * same interval; each figure is the median of 3 runs after a warm-up. Prints µs of CPU per unit
 * of estimated cost: the calibration of src/guard/cost.ts's FIELD_COSTS and QUERY_MAX_COST.
 */
/** Each field runs as this many aliases in one document (BENCH_COST_COPIES): per-request overheads shared, figures per copy. */
const COPIES = Number(process.env.BENCH_COST_COPIES ?? 5);

async function main(): Promise<void> {
  logger.level = 'warn';
  const schema = await buildGraphQLSchema();
  console.log(`bench:cost; ${COPIES} aliases a document, figures per alias; machine: ${machine()}`);
  console.log(
    '| graph | document | estimated cost | API CPU ms | Neo4j CPU ms | total CPU ms | µs per cost unit | wall ms |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');

  const article = await openSeededGraph('kg-cost-');
  try {
    await run('article', schema, article.db, neo4jPid(article.dataDir ?? '\0'), ARTICLE_IDS);
  } finally {
    await article.close();
  }

  const dataDir = repoPath('.data', 'cost-50k');
  const { neo4j, stored } = await ensureEmbeddedGraph({
    nodes: 50_000,
    seed: DEFAULT_SEED,
    dataDir,
    heapMb: 1024,
    pageCacheMb: 256,
    logger,
  });
  const driver = await connectDriver(neo4j.uri, 'neo4j', 'neo4j', 'neo4j');
  try {
    await run(
      '50k',
      schema,
      new Executor(driver, 'neo4j', logger, 60_000),
      neo4jPid(dataDir),
      generatedIds(stored.manifest),
    );
  } finally {
    await driver.close();
    await neo4j.stop();
  }
}

async function run(
  graph: string,
  schema: GraphQLSchema,
  db: Executor,
  jvm: number | undefined,
  ids: Parameters<typeof calibrationDocuments>[0],
): Promise<void> {
  const app = await createApp({ db, logger, settings: { QUERY_MAX_COST: 10_000_000 } });
  try {
    for (const doc of calibrationDocuments(ids, COPIES)) {
      const cost = estimate(schema, doc.query);
      const s = await measure(app, db, doc.query, { jvm });
      const per = (ms: number) => ms / doc.copies;
      const total = s.apiMs + s.neo4jMs;
      const errors = s.errors.length ? ` (${[...new Set(s.errors)].join(', ')})` : '';
      console.log(
        `| ${graph} | ${doc.name}${errors} | ${cost / doc.copies} | ${per(s.apiMs).toFixed(0)} | ${per(s.neo4jMs).toFixed(0)} | ${per(total).toFixed(0)} | ${((total * 1000) / cost).toFixed(1)} | ${per(s.wallMs).toFixed(0)} |`,
      );
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
