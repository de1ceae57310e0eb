import 'reflect-metadata';
import { loadConfig } from '../config';
import { migrate } from '../db/migrations';
import { countUnderived, reindex } from '../db/reindex';
import { logger } from '../logger';
import { openGraph } from '../neo4j/connection';
import { Executor } from '../neo4j/executor';

/**
 * npm run reindex: derives what the writer keeps for every fact that lacks it (a graph written by
 * other tools: docs/model.md, "Writing the graph with other tools"), on NEO4J_URI or the embedded
 * Neo4j. Progress on stderr; idempotent, so an interrupted run is simply run again.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  logger.level = config.LOG_LEVEL;
  const graph = await openGraph(config, logger);
  try {
    const db = new Executor(graph.driver, config.NEO4J_DATABASE, logger, 30 * 60_000);
    await migrate(db, logger);
    const before = await countUnderived(db);
    process.stderr.write(
      `reindex: ${before.entities} entities, ${before.events} events, ${before.relationships} relationships not derived\n`,
    );
    const done = await reindex(db, logger, ({ kind, count }) => {
      if (process.stderr.isTTY) process.stderr.write(`\rreindex: ${kind} ${count}   `);
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const after = await countUnderived(db);
    console.log(
      `reindex: derived ${done.entities} entities, ${done.events} events, ${done.relationships} relationships; ${after.total} facts left underived${after.total ? ' (see the warnings above)' : ''}`,
    );
  } finally {
    await graph.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exit(1);
});
