import { isRetryableError } from 'neo4j-driver';
import { DatabaseUnavailable, QueryTimeout, StoreFailure } from '../errors';
import type { Logger } from '../logger';
import type { Executor } from '../neo4j/executor';
import { seed } from '../seed/seed';
import { ensureDerived } from './derived';
import { migrate } from './migrations';
import { reindexIfNeeded } from './reindex';

export interface StartupRetries {
  /** Attempts of each step, the first included. */
  attempts: number;
  /** Wait before the second attempt; doubled after each. */
  firstDelayMs: number;
}

export const STARTUP_RETRIES: StartupRetries = { attempts: 5, firstDelayMs: 1_000 };

/** A failure that a later attempt may not meet: the database busy, restarting, or a deadlock. */
export function isTransient(error: unknown): boolean {
  if (error instanceof DatabaseUnavailable || error instanceof QueryTimeout) return true;
  if (error instanceof StoreFailure) return isRetryableError(error.cause);
  return isRetryableError(error);
}

/**
 * Gets the graph ready to serve: migrations, the derivation of facts written by other tools, then the seed (unless `withSeed` is false), then the
 * derived data. `db` is the start-up executor, with its own long transaction timeout
 * (NEO4J_STARTUP_TIMEOUT_MS), never the API's: a loaded machine slows start-up, it must not stop
 * it. Each step is repeatable (IF NOT EXISTS migrations, the seed's one idempotent transaction,
 * whole recomputes), so a transient failure is retried with backoff; each step and retry is logged.
 */
export async function prepareGraph(
  db: Executor,
  logger: Logger,
  withSeed: boolean,
  retries = STARTUP_RETRIES,
): Promise<void> {
  const steps: [string, () => Promise<unknown>][] = [
    ['migrations', () => migrate(db, logger)],
    // Facts written by other tools (or an older writer) are derived before the seed and any read.
    ['facts written by other tools', () => reindexIfNeeded(db, logger)],
    ...(withSeed ? [['seed data', () => seed(db, logger)] as [string, () => Promise<unknown>]] : []),
    ['derived data', () => ensureDerived(db, logger)],
  ];
  for (const [index, [name, work]] of steps.entries()) {
    const started = Date.now();
    logger.info(`start-up ${index + 1}/${steps.length}: ${name}`);
    let delay = retries.firstDelayMs;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await work();
        break;
      } catch (error) {
        if (attempt >= retries.attempts || !isTransient(error)) throw error;
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        logger.warn(
          `start-up ${index + 1}/${steps.length}: ${name} failed (${reason}); attempt ${attempt + 1} of ${retries.attempts} in ${delay / 1000} s`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay *= 2;
      }
    }
    logger.info({ ms: Date.now() - started }, `start-up ${index + 1}/${steps.length}: ${name} done`);
  }
}
