import pino from 'pino';
import type { Logger } from '../../src/logger';

/**
 * The Cypher the API actually sends, caught where the Executor logs it (debug level, with `cypher`
 * and `params`): a logger whose debug calls with Cypher are recorded instead of printed, and
 * everything else below `warn` (or `error`, when quiet) dropped. No change to the Executor is needed.
 */
export interface CapturedQuery {
  /** The named query (`entities.cypher#searchEntities` style name the Executor logs). */
  name: string;
  cypher: string;
  params: Record<string, unknown>;
}

export interface CypherCapture {
  logger: Logger;
  /** Starts a new recording and returns what was recorded since the last call. */
  take(): CapturedQuery[];
}

/** `quiet`: drop warnings too (the scale bench reports failures in its table instead). */
export function captureCypher({ quiet = false } = {}): CypherCapture {
  let captured: CapturedQuery[] = [];
  const logger = pino({
    level: 'debug',
    base: undefined,
    hooks: {
      logMethod(args, method, level) {
        const [first] = args as unknown[];
        if (first && typeof first === 'object' && 'cypher' in first && 'params' in first) {
          const q = first as { query?: string; cypher: string; params: Record<string, unknown> };
          captured.push({ name: q.query ?? '?', cypher: q.cypher, params: q.params });
          return;
        }
        if (level >= (quiet ? 50 : 40)) method.apply(this, args);
      },
    },
  }) as unknown as Logger;
  return {
    logger,
    take() {
      const out = captured;
      captured = [];
      return out;
    },
  };
}
