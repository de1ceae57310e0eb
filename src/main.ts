import 'reflect-metadata';
import { loadConfig } from './config';
import { ensureDerived } from './db/derived';
import { migrate } from './db/migrations';
import { reindexIfNeeded } from './db/reindex';
import { createApp, type App } from './http/app';
import { logger } from './logger';
import { openGraph, type GraphConnection } from './neo4j/connection';
import { Executor } from './neo4j/executor';
import { seed } from './seed/seed';

/**
 * npm start: configuration → Neo4j (NEO4J_URI, or the local one) → migrations → seed → derived
 * data (src/db/derived.ts) → GraphQL.
 * Any failure before serving is one line on stderr and a non-zero exit.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  logger.level = config.LOG_LEVEL;

  let graph: GraphConnection | undefined;
  let app: App | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await app?.close().catch(() => undefined);
    await graph?.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  graph = await openGraph(config, logger);
  const db = new Executor(graph.driver, config.NEO4J_DATABASE, logger, config.NEO4J_TX_TIMEOUT_MS);
  await migrate(db, logger);
  // A whole-graph recompute is a one-off batch: its own long transaction timeout, not a request's.
  const batch = new Executor(graph.driver, config.NEO4J_DATABASE, logger, 30 * 60_000);
  // Facts written by other tools (or an older writer) are derived before anything reads them.
  await reindexIfNeeded(batch, logger);
  if (config.SEED) await seed(db, logger);
  await ensureDerived(batch, logger);
  app = await createApp({ db, logger, ide: config.GRAPHQL_IDE, settings: config });
  const url = await app.listen(config.PORT, config.HOST);
  logger.info({ url, neo4j: graph.uri }, 'GraphQL ready');
  console.log(`GraphQL API ready at ${url}`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  logger.debug({ err: error }, 'start-up failed');
  process.stderr.write(`error: ${message.split('\n')[0]}\n`);
  process.exit(1);
});
