import type { Driver } from 'neo4j-driver';
import { DatabaseUnavailable, QueryTimeout, type DomainError } from '../errors';
import { metrics } from '../telemetry/metrics';

/** Why calls are refused right now (an outage the probe declared, src/neo4j/deadline.ts), or undefined. */
export type SessionRefusal = (mode: 'READ' | 'WRITE') => DomainError | undefined;

interface Waiter {
  mode: 'READ' | 'WRITE';
  /** When the call stops waiting (epoch ms): its request's deadline, or the gate's longest wait. */
  until: number;
  /** Whether `until` is the request's deadline (TIMEOUT) or the gate's longest wait (DATABASE_UNAVAILABLE). */
  requestDeadline: boolean;
  admit(): void;
  refuse(error: DomainError): void;
}

/** How often waiting calls are checked against their deadlines and the probe's verdict. */
const CHECK_MS = 50;

/**
 * The queue in front of the driver's connection pool: at most `size` (the pool's size) sessions
 * open at once, the others wait here, where the API can see them, instead of inside the driver,
 * where a waiting call stays until its connection acquisition times out (NEO4J_ACQUIRE_TIMEOUT_MS,
 * 20 s) whatever became of its request. A waiting call stops waiting
 * - at its request's deadline (REQUEST_DEADLINE_MS): TIMEOUT, as a transaction stopped by the deadline
 *   is; a busy but healthy Neo4j (every connection held by slow queries) is answered so, not 503ed;
 * - at once when the probe declares an outage (`refuseWhile`): the refusal's error (503), for every
 *   waiting call and every new one until Neo4j answers again; none of them was sent, so a write
 *   refused here is certainly not committed;
 * - after `maxWaitMs` without a request deadline (the change tailer, exports): DATABASE_UNAVAILABLE, as
 *   the driver's acquisition timeout said before.
 * First come, first served.
 */
export class SessionGate {
  private open = 0;
  private readonly queue: Waiter[] = [];
  private timer?: NodeJS.Timeout;
  private refusal?: SessionRefusal;

  constructor(
    readonly size: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Calls waiting for a session now. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Refuse waiting and new calls whenever `refusal` gives a reason; `check()` applies it at once. */
  refuseWhile(refusal: SessionRefusal): void {
    this.refusal = refusal;
  }

  /** Waits for a free session (FIFO); resolves to the function that gives it back (idempotent). */
  enter(mode: 'READ' | 'WRITE', deadlineAt?: number): Promise<() => void> {
    const refused = this.refusal?.(mode);
    if (refused) return Promise.reject(refused);
    if (this.open < this.size && this.queue.length === 0) {
      this.open += 1;
      return Promise.resolve(this.releaser());
    }
    const longest = Date.now() + this.maxWaitMs;
    const requestDeadline = deadlineAt !== undefined && deadlineAt <= longest;
    return new Promise((resolve, reject) => {
      this.queue.push({
        mode,
        until: requestDeadline ? deadlineAt : longest,
        requestDeadline,
        admit: () => resolve(this.releaser()),
        refuse: reject,
      });
      metrics.sessionsWaiting.set(this.queue.length);
      this.timer ??= setInterval(() => this.check(), CHECK_MS);
    });
  }

  /** Refuses every waiting call if an outage is declared, and those past their deadline. */
  check(): void {
    const now = Date.now();
    for (let i = 0; i < this.queue.length;) {
      const waiter = this.queue[i]!;
      const refused = this.refusal?.(waiter.mode);
      if (refused || waiter.until <= now) {
        this.queue.splice(i, 1);
        waiter.refuse(
          refused ??
            (waiter.requestDeadline
              ? new QueryTimeout(
                  'the request ran past its deadline (REQUEST_DEADLINE_MS) waiting for a connection to the graph database',
                )
              : new DatabaseUnavailable()),
        );
      } else i += 1;
    }
    this.settle();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.open -= 1;
      this.next();
    };
  }

  private next(): void {
    while (this.open < this.size && this.queue.length > 0) {
      this.open += 1;
      this.queue.shift()!.admit();
    }
    this.settle();
  }

  private settle(): void {
    metrics.sessionsWaiting.set(this.queue.length);
    if (this.queue.length === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}

const gates = new WeakMap<Driver, SessionGate>();

/** Puts a gate of `size` sessions in front of `driver`'s pool (src/neo4j/connection.ts); every Executor over it uses it. */
export function gateDriver(driver: Driver, size: number, maxWaitMs: number): SessionGate {
  const gate = new SessionGate(size, maxWaitMs);
  gates.set(driver, gate);
  return gate;
}

/** The gate in front of `driver`'s pool, if it has one (a driver made by connectDriver has). */
export function gateOf(driver: Driver): SessionGate | undefined {
  return gates.get(driver);
}
