import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { startLocalNeo4j } from './localNeo4j';

export class Neo4jUnreachableError extends Error {
  override name = 'Neo4jUnreachableError';
}

export interface GraphConnection {
  uri: string;
  driver: Driver;
  /** Closes the driver and, for the local Neo4j, stops it. */
  close(): Promise<void>;
}

/** A driver for `uri`, checked to answer; an unreachable server is one clear error naming the URI. */
export async function connectDriver(uri: string, user: string, password: string, database: string): Promise<Driver> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    connectionAcquisitionTimeout: 20_000,
    maxConnectionPoolSize: 50,
    disableLosslessIntegers: false,
  });
  try {
    await driver.getServerInfo({ database });
    return driver;
  } catch (error) {
    await driver.close();
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Neo4jUnreachableError(`cannot reach Neo4j at ${uri}: ${reason}`);
  }
}

/** NEO4J_URI when set; otherwise the project's own local Neo4j, started here and stopped by close(). */
export async function openGraph(config: Config, logger: Logger): Promise<GraphConnection> {
  if (config.NEO4J_URI) {
    const driver = await connectDriver(config.NEO4J_URI, config.NEO4J_USER, config.NEO4J_PASSWORD, config.NEO4J_DATABASE);
    return { uri: config.NEO4J_URI, driver, close: () => driver.close() };
  }
  const local = await startLocalNeo4j({
    dataDir: config.NEO4J_LOCAL_DIR,
    port: config.NEO4J_LOCAL_PORT,
    heapMb: config.NEO4J_LOCAL_HEAP_MB,
    pageCacheMb: config.NEO4J_LOCAL_PAGECACHE_MB,
    logger,
  });
  try {
    const driver = await connectDriver(local.uri, config.NEO4J_USER, config.NEO4J_PASSWORD, config.NEO4J_DATABASE);
    return {
      uri: local.uri,
      driver,
      close: async () => {
        await driver.close();
        await local.stop();
      },
    };
  } catch (error) {
    await local.stop();
    throw error;
  }
}
