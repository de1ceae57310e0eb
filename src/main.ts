import 'reflect-metadata';
import { loadConfig } from './config';
import { prepareGraph } from './db/startup';
import { createApp, type App } from './http/app';
import { logger } from './logger';
import { openGraph, type GraphConnection } from './neo4j/connection';
import { Executor } from './neo4j/executor';
import { ensurePortFree } from './neo4j/startupChecks';
import { ensureStorageFree, StorageWatch, waitForRoom } from './neo4j/storage';
import { Liveness } from './neo4j/deadline';
import { LivenessProbe } from './neo4j/probe';
import { startTracing } from './telemetry/tracing';
import { textOf } from './errors';

/**
 * npm start: configuration → the API's port free → Neo4j (NEO4J_URI, or the local one, whose data
 * folder and port are checked first) → migrations → seed → derived data (src/db/startup.ts, with
 * their own timeout and retries) → GraphQL. Any failure before serving is one line on stderr and a
 * non-zero exit (the stack trace only at LOG_LEVEL=debug).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  logger.level = config.LOG_LEVEL;
  const portInUse = `PORT ${config.PORT} on ${config.HOST} is in use (another npm start?); stop it or set PORT to another port`;
  await ensurePortFree(config.HOST, config.PORT, portInUse);
  // OpenTelemetry traces when the standard OTEL_* variables ask for them (src/telemetry/tracing.ts).
  const tracing = startTracing();

  // Not const: `stop` below reads it and may run (on a signal) before the database is reached.
  // eslint-disable-next-line prefer-const
  let graph: GraphConnection | undefined;
  let app: App | undefined;
  let probe: LivenessProbe | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await app?.close().catch(() => undefined);
    await probe?.stop();
    await graph?.close().catch(() => undefined);
    await tracing?.shutdown().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  // The embedded Neo4j's disk: checked before it starts, then watched (writes refused while full).
  const minFree = config.NEO4J_MIN_FREE_MB * 2 ** 20;
  if (!config.NEO4J_URI) await ensureStorageFree(config.NEO4J_LOCAL_DIR, minFree);
  // An external Neo4j's disk when NEO4J_DATA_PATH names a path on it; else only its own errors say it is full.
  const watched = config.NEO4J_URI ? config.NEO4J_DATA_PATH : config.NEO4J_LOCAL_DIR;
  const storage = watched ? await new StorageWatch(watched, minFree).start() : undefined;
  // A local Neo4j is started again (after a crash, or a full disk's panic) only with room on its disk.
  const room = Math.max(minFree, RESTART_MIN_FREE_BYTES);
  const beforeRestart = storage
    ? (signal: AbortSignal) =>
        waitForRoom(
          storage,
          room,
          (freeBytes) =>
            logger.warn(
              { path: storage.path, freeBytes, neededBytes: room },
              'local Neo4j waits for free space on its disk before it restarts',
            ),
          { signal },
        )
    : undefined;
  graph = await openGraph(config, logger, { beforeRestart });
  try {
    await prepareGraph(
      new Executor(graph.driver, config.NEO4J_DATABASE, logger, config.NEO4J_STARTUP_TIMEOUT_MS),
      logger,
      config.SEED,
    );
    const db = new Executor(graph.driver, config.NEO4J_DATABASE, logger, config.NEO4J_TX_TIMEOUT_MS);
    const liveness = new Liveness();
    if (config.NEO4J_HANG_MS) probe = startProbe(config, graph, liveness);
    app = await createApp({ db, logger, ide: config.GRAPHQL_IDE, settings: config, storage, liveness });
    const url = await app.listen(config.PORT, config.HOST).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE' ? new Error(portInUse) : error;
    });
    logger.info({ url, neo4j: graph.uri, tracing: Boolean(tracing) }, 'GraphQL ready');
    console.log(`GraphQL API ready at ${url}`);
  } catch (error) {
    // Stop the local Neo4j (and free its data folder) before exiting.
    await graph.close().catch(() => undefined);
    throw error;
  }
}

/** A panicked local Neo4j is restarted only with this much free on its disk, even with NEO4J_MIN_FREE_MB=0. */
const RESTART_MIN_FREE_BYTES = 64 * 2 ** 20;

/**
 * Neo4j's liveness, asked every NEO4J_HANG_MS / 4 (src/neo4j/probe.ts). A local Neo4j that hit a
 * fatal error (a full disk: its process lives on, every transaction fails) is restarted cleanly (once
 * its disk has room again: openGraph's beforeRestart), so it recovers its store from the transaction
 * log; an external one is reported (503 in /healthz) for its operator to restart.
 */
function startProbe(config: ReturnType<typeof loadConfig>, graph: GraphConnection, liveness: Liveness): LivenessProbe {
  return new LivenessProbe(liveness, {
    uri: graph.uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    hangMs: config.NEO4J_HANG_MS,
    logger,
    // The local Neo4j's restart() ignores a call while one is under way (it waits for room, stops, starts).
    onPanic: () => void graph.restart?.().catch((error: unknown) => logger.error({ err: error }, 'restart failed')),
  }).start();
}

main().catch((error: unknown) => {
  const message = textOf(error);
  logger.debug({ err: error }, 'start-up failed');
  process.stderr.write(`error: ${message.split('\n')[0]}\n`);
  process.exit(1);
});
