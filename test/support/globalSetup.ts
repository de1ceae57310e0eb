import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { ensureDerived } from '../../src/db/derived';
import { migrate } from '../../src/db/migrations';
import { reindexIfNeeded } from '../../src/db/reindex';
import { logger } from '../../src/logger';
import { connectDriver } from '../../src/neo4j/connection';
import { Executor } from '../../src/neo4j/executor';
import { startLocalNeo4j } from '../../src/neo4j/localNeo4j';
import { repoPath } from '../../src/paths';
import { seed } from '../../src/seed/seed';

/**
 * Once per run: a real Neo4j (NEO4J_URI when set, else a fresh local one on a free port),
 * migrated and seeded; the compiled app for the tests that start `npm start`'s entry point.
 * Workers find the server through TEST_NEO4J_URI.
 */
export default async function globalSetup(): Promise<void> {
  logger.level = process.env.LOG_LEVEL ?? 'warn';
  const config = loadConfig();
  let uri = config.NEO4J_URI;
  if (!uri) {
    const dataDir = repoPath('.data', `test-neo4j-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    const local = await startLocalNeo4j({ dataDir, port: 0, heapMb: 1024, pageCacheMb: 256, logger });
    uri = local.uri;
    (globalThis as Record<string, unknown>).__LOCAL_NEO4J__ = { stop: () => local.stop(), dataDir };
  }
  process.env.TEST_NEO4J_URI = uri;

  const driver = await connectDriver(uri, config.NEO4J_USER, config.NEO4J_PASSWORD, config.NEO4J_DATABASE);
  try {
    const db = new Executor(driver, config.NEO4J_DATABASE, logger, 60_000);
    await migrate(db, logger);
    await reindexIfNeeded(db, logger);
    await seed(db, logger);
    await ensureDerived(db, logger);
  } finally {
    await driver.close();
  }

  execFileSync(
    process.execPath,
    [path.join(repoPath('node_modules'), 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.bench.json'],
    {
      cwd: repoPath(),
      stdio: 'inherit',
    },
  );
}
