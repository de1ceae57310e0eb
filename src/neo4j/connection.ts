import neo4j, { type Driver } from 'neo4j-driver';
import type { Logger } from '../logger';
import { metrics } from '../telemetry/metrics';
import { shareBookmarks } from './bookmarks';
import { gateDriver } from './gate';
import { startLocalNeo4j, type LocalNeo4jOptions } from './localNeo4j';

export class Neo4jUnreachableError extends Error {
  override name = 'Neo4jUnreachableError';
}

export interface GraphConnection {
  uri: string;
  driver: Driver;
  /** Closes the driver and, for the local Neo4j, stops it. */
  close(): Promise<void>;
  /** The local Neo4j only: stops it cleanly and starts it again (after a fatal error such as a full disk). */
  restart?: () => Promise<void>;
}

/** How fast the driver gives up when Neo4j is down or hung (config NEO4J_*_TIMEOUT_MS, NEO4J_RETRY_TIME_MS). */
export interface FailFast {
  connectTimeoutMs: number;
  acquireTimeoutMs: number;
  retryTimeMs: number;
}

/** Connections the driver pools (its maxConnectionPoolSize), shown as neo4j_pool_max_connections. */
export const POOL_SIZE = 50;

export const DEFAULT_FAIL_FAST: FailFast = { connectTimeoutMs: 3_000, acquireTimeoutMs: 20_000, retryTimeMs: 1_000 };

/**
 * A driver for `uri`, checked to answer; an unreachable server is one clear error naming the URI.
 * The driver's defaults (30 s connect, 30 s of retries) would keep a request waiting half a minute
 * on a dead server: ours answer DATABASE_UNAVAILABLE in a few seconds. Waiting for a pooled
 * connection is what a busy API does under load, so that one stays long.
 */
export async function connectDriver(
  uri: string,
  user: string,
  password: string,
  database: string,
  failFast: FailFast = DEFAULT_FAIL_FAST,
): Promise<Driver> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    connectionTimeout: failFast.connectTimeoutMs,
    connectionAcquisitionTimeout: failFast.acquireTimeoutMs,
    maxTransactionRetryTime: failFast.retryTimeMs,
    maxConnectionPoolSize: POOL_SIZE,
    disableLosslessIntegers: false,
  });
  shareBookmarks(driver, uri);
  // Calls wait for a connection in the API's own queue, bounded by their request's deadline and
  // refused at once in an outage (./gate.ts), not in the driver's for up to acquireTimeoutMs.
  gateDriver(driver, POOL_SIZE, failFast.acquireTimeoutMs);
  metrics.poolSize.set(POOL_SIZE);
  try {
    await driver.getServerInfo({ database });
    return driver;
  } catch (error) {
    await driver.close();
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Neo4jUnreachableError(`cannot reach Neo4j at ${uri}: ${reason}`);
  }
}

/** The settings openGraph reads (src/config.ts's Config has them: the configuration is a layer above). */
export interface GraphSettings {
  NEO4J_URI?: string | undefined;
  NEO4J_USER: string;
  NEO4J_PASSWORD: string;
  NEO4J_DATABASE: string;
  NEO4J_LOCAL_DIR: string;
  NEO4J_LOCAL_PORT: number;
  NEO4J_LOCAL_HEAP_MB: number;
  NEO4J_LOCAL_PAGECACHE_MB: number;
  NEO4J_CONNECT_TIMEOUT_MS: number;
  NEO4J_ACQUIRE_TIMEOUT_MS: number;
  NEO4J_RETRY_TIME_MS: number;
}

/** NEO4J_URI when set; otherwise the project's own local Neo4j, started here and stopped by close(). */
export async function openGraph(
  config: GraphSettings,
  logger: Logger,
  local: Pick<LocalNeo4jOptions, 'beforeRestart'> = {},
): Promise<GraphConnection> {
  const failFast = {
    connectTimeoutMs: config.NEO4J_CONNECT_TIMEOUT_MS,
    acquireTimeoutMs: config.NEO4J_ACQUIRE_TIMEOUT_MS,
    retryTimeMs: config.NEO4J_RETRY_TIME_MS,
  };
  if (config.NEO4J_URI) {
    const driver = await connectDriver(
      config.NEO4J_URI,
      config.NEO4J_USER,
      config.NEO4J_PASSWORD,
      config.NEO4J_DATABASE,
      failFast,
    );
    return { uri: config.NEO4J_URI, driver, close: () => driver.close() };
  }
  const embedded = await startLocalNeo4j({
    dataDir: config.NEO4J_LOCAL_DIR,
    port: config.NEO4J_LOCAL_PORT,
    heapMb: config.NEO4J_LOCAL_HEAP_MB,
    pageCacheMb: config.NEO4J_LOCAL_PAGECACHE_MB,
    logger,
    ...local,
  });
  try {
    const driver = await connectDriver(
      embedded.uri,
      config.NEO4J_USER,
      config.NEO4J_PASSWORD,
      config.NEO4J_DATABASE,
      failFast,
    );
    return {
      uri: embedded.uri,
      driver,
      restart: () => embedded.restart(),
      close: async () => {
        await driver.close();
        await embedded.stop();
      },
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
