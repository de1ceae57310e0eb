import neo4j, { type Driver } from 'neo4j-driver';
import type { Logger } from '../logger';
import type { Liveness } from './deadline';

export interface ProbeOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** How long Neo4j may leave the probe (and every call) unanswered before it is said to be down (NEO4J_HANG_MS). */
  hangMs: number;
  logger: Logger;
  /** Called once per panic seen (Neo4j says the database "needs to be restarted"), e.g. after a full disk. */
  onPanic?: () => void;
}

const REFUSED = /ECONNREFUSED|ECONNRESET|EPIPE|connection (was )?closed|socket hang up/i;

/** Neo4j answering that the database is not available (starting after a restart, stopping): down, not hung. */
const UNAVAILABLE = /DatabaseUnavailable|database .* is unavailable|database is unavailable/i;

/** Neo4j's words for a database that hit a fatal error (a full disk among them) and stays broken until restarted. */
const PANIC = /needs to be restarted|critical error|database has encountered|DatabaseHealth|panic/i;

/**
 * Asks Neo4j `RETURN 1` over its own connection every `hangMs / 4`, so a killed or hung Neo4j is
 * known within `hangMs` even while every pooled connection waits on a slow query. Each answer marks
 * `liveness` alive (withDeadline then lets calls wait); no answer for `hangMs` leaves it silent, and
 * calls fail at once (src/neo4j/deadline.ts). Its own driver: one connection, a short connect timeout,
 * no retries, so a probe never queues behind the API's work.
 */
export class LivenessProbe {
  private readonly driver: Driver;
  private timer?: NodeJS.Timeout;
  private inFlight?: number;
  private stopped = false;

  constructor(
    readonly liveness: Liveness,
    private readonly options: ProbeOptions,
  ) {
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      maxConnectionPoolSize: 1,
      connectionTimeout: Math.max(250, Math.floor(options.hangMs / 2)),
      connectionAcquisitionTimeout: options.hangMs,
      maxTransactionRetryTime: 0,
    });
    liveness.hangMs = options.hangMs;
  }

  get hangMs(): number {
    return this.options.hangMs;
  }

  start(): this {
    const every = Math.max(100, Math.floor(this.options.hangMs / 4));
    this.timer = setInterval(() => this.tick(), every);
    this.timer.unref();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.driver.close().catch(() => undefined);
  }

  private tick(): void {
    if (this.inFlight !== undefined) {
      // The last probe is still unanswered: a hung Neo4j (SIGSTOP, a lost network) keeps it so.
      if (Date.now() - this.inFlight >= this.options.hangMs) this.liveness.fail('hung');
      return;
    }
    this.inFlight = Date.now();
    this.driver
      .executeQuery('RETURN 1 AS ok', {}, { database: this.options.database })
      .then(
        () => this.liveness.alive(),
        (error: unknown) => this.failed(error),
      )
      .finally(() => (this.inFlight = undefined));
  }

  private failed(error: unknown): void {
    if (this.stopped) return;
    const cause = error instanceof Error ? error.cause : undefined;
    const message =
      error instanceof Error ? `${error.message} ${cause instanceof Error ? cause.message : ''}` : String(error);
    if (PANIC.test(message)) {
      const first = this.liveness.outage !== 'panicked';
      this.liveness.fail('panicked');
      if (first) {
        this.options.logger.error({ neo4j: message.split('\n')[0] }, 'Neo4j needs a restart');
        this.options.onPanic?.();
      }
      return;
    }
    // Refused or reset: nothing listens (killed, restarting); the database said it is unavailable (starting,
    // stopping): down. Anything else (a timeout): it may be hung.
    const code = (error as { code?: unknown }).code;
    this.liveness.fail(
      REFUSED.test(message) || UNAVAILABLE.test(`${String(code)} ${message}`) ? 'unreachable' : 'hung',
    );
  }
}
