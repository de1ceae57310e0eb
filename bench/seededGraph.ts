import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../src/config';
import { migrate } from '../src/db/migrations';
import { logger } from '../src/logger';
import { connectDriver } from '../src/neo4j/connection';
import { Executor } from '../src/neo4j/executor';
import { startLocalNeo4j } from '../src/neo4j/localNeo4j';
import { seed } from '../src/seed/seed';

export interface SeededGraph {
  uri: string;
  database: string;
  driver: Driver;
  db: Executor;
  /** Whether the bench started this Neo4j itself (and removes it on close). */
  own: boolean;
  /** The embedded Neo4j's data folder, when the bench started one. */
  dataDir?: string;
  close(): Promise<void>;
}

/** The benchmarks' graph: NEO4J_URI when set, else a fresh embedded Neo4j in a temporary folder; migrated and seeded. */
export async function openSeededGraph(prefix: string): Promise<SeededGraph> {
  const config = loadConfig();
  let uri = config.NEO4J_URI;
  let stopLocal: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  if (!uri) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), prefix));
    const local = await startLocalNeo4j({ dataDir, port: 0, heapMb: 1024, pageCacheMb: 256, logger });
    uri = local.uri;
    stopLocal = () => local.stop();
  }
  const driver = await connectDriver(uri, config.NEO4J_USER, config.NEO4J_PASSWORD, config.NEO4J_DATABASE);
  const db = new Executor(driver, config.NEO4J_DATABASE, logger, 120_000);
  await migrate(db, logger);
  await seed(db, logger);
  return {
    uri,
    database: config.NEO4J_DATABASE,
    driver,
    db,
    own: Boolean(stopLocal),
    dataDir,
    close: async () => {
      await driver.close();
      await stopLocal?.();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
