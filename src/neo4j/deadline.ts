import { asError, DatabaseUnavailable, QueryTimeout, StorageFull, UnknownOutcome } from '../errors';
import type { Executor } from './executor';
import type { SessionRefusal } from './gate';

// `reader` is `read` bound to the executor itself, so it is guarded by name too.
const GUARDED = new Set<PropertyKey>(['read', 'readWithin', 'reader', 'write', 'writeAll']);
/** Calls that write: given up on, they may still be committed when the server resumes. */
const WRITES = new Set<PropertyKey>(['write', 'writeAll']);

/** What the probe (src/neo4j/probe.ts) saw when Neo4j last failed to answer it. */
export type Outage = 'unreachable' | 'hung' | 'panicked';

/**
 * When the database last answered (a call settled, or the probe's `RETURN 1`), shared by every
 * executor over one driver, and what the probe saw go wrong since (src/neo4j/probe.ts).
 */
export class Liveness {
  last = Date.now();
  outage?: Outage;
  /** Set by a running LivenessProbe: calls may then be given up on after this much silence. */
  hangMs?: number;
  private readonly watchers: (() => void)[] = [];

  /** Calls `watcher` whenever an outage is declared (the session gate refuses its waiting calls then). */
  onOutage(watcher: () => void): void {
    this.watchers.push(watcher);
  }

  /** Neo4j answered, and well: whatever the probe saw is over. */
  alive(): void {
    this.last = Date.now();
    this.outage = undefined;
  }

  /** Neo4j answered, with an error of the query's own (a conflict): alive, though not necessarily well. */
  heard(): void {
    this.last = Date.now();
  }

  fail(outage: Outage): void {
    this.outage = outage;
    for (const watcher of this.watchers) watcher();
  }

  /** Silent for `ms` or more: nothing answered, not even the probe. */
  silentFor(ms: number): boolean {
    return Date.now() - this.last >= ms;
  }
}

/**
 * Why a call may not even wait for a session now (src/neo4j/gate.ts): the probe found nothing
 * listening (DATABASE_UNAVAILABLE), or Neo4j hung and nothing has answered for hangMs (a read:
 * TIMEOUT, as a read waiting on the hung server gets; a write: DATABASE_UNAVAILABLE, as it was never
 * sent). A busy Neo4j whose every connection is held by slow queries is none of these: the probe,
 * on its own connection, keeps answering, and waiting calls keep waiting, up to their request's deadline.
 * A panicked database is not refused here: its own errors say what it is (STORAGE_FULL among them).
 */
export function outageRefusal(liveness: Liveness): SessionRefusal {
  return (mode) => {
    const { outage, hangMs } = liveness;
    if (outage === 'unreachable') return new DatabaseUnavailable();
    if (outage !== 'hung' || hangMs === undefined || !liveness.silentFor(hangMs)) return undefined;
    return mode === 'READ'
      ? new QueryTimeout(`the graph database did not answer within ${hangMs} ms`)
      : new DatabaseUnavailable();
  };
}

/**
 * Calls waiting for one of `executor`'s sessions (and new ones) are refused at once whenever
 * `liveness` says Neo4j is down, instead of waiting for a pooled connection: the last liveness
 * given for a driver decides (one app per driver; tests build several in turn).
 */
export function refuseInOutages(executor: Executor, liveness: Liveness): void {
  const gate = executor.gate;
  if (!gate) return;
  gate.refuseWhile(outageRefusal(liveness));
  liveness.onOutage(() => gate.check());
}

/** How often a waiting call looks at the probe's verdict. */
const POLL_MS = 100;

/** Failures that say nothing about whether the database is alive. */
const OUTAGES = [DatabaseUnavailable, QueryTimeout, UnknownOutcome, StorageFull];

/**
 * The executor with a client-side deadline on each call. The transaction timeout is enforced by
 * the server, so a server that stops answering (SIGSTOP, a partition without a reset) would
 * otherwise hold a request forever. A call fails with TIMEOUT once it has waited `ms` AND the
 * database has settled no call at all for `ms`: a hung server trips it, a merely busy one (calls
 * queued for a pooled connection while others complete) does not. The driver's work is left to
 * finish or fail on its own, so a write that passes its deadline is UNKNOWN_OUTCOME, not TIMEOUT:
 * it may yet be committed. Executors made by forRequest() are guarded the same way. With a
 * LivenessProbe answering every fraction of a second, the silence that counts is the probe's
 * `hangMs` (1.5 s): a dead or hung Neo4j is answered 503 within it, a slow query on a live one is not
 * cut (the probe keeps answering).
 */
export function withDeadline(executor: Executor, deadlineMs: number, liveness = new Liveness()): Executor {
  return new Proxy(executor, {
    get(target, property, receiver) {
      if (property === 'forRequest')
        return (requestMs?: number) => withDeadline(target.forRequest(requestMs), deadlineMs, liveness);
      const value: unknown = Reflect.get(target, property, receiver);
      if (!GUARDED.has(property) || typeof value !== 'function') return value;
      const ms = Math.min(deadlineMs, liveness.hangMs ?? Infinity);
      return (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          // The probe found nothing listening (a killed Neo4j): no use trying, nor waiting for the driver's
          // retries. A write refused here was never sent, so it is not committed: DATABASE_UNAVAILABLE.
          if (liveness.outage === 'unreachable') return reject(new DatabaseUnavailable());
          let timer: NodeJS.Timeout;
          const started = Date.now();
          const check = () => {
            const silent = Date.now() - liveness.last;
            if (liveness.outage === 'unreachable' && !WRITES.has(property)) return reject(new DatabaseUnavailable());
            // Without a probe the silence since the last call says little about an idle API: the call waits `ms` itself.
            const waited = Date.now() - started;
            if (silent < ms || (liveness.hangMs === undefined && waited < ms))
              return void (timer = setTimeout(check, POLL_MS));
            // A write given up on is left running: once the server resumes it may commit.
            reject(
              WRITES.has(property)
                ? new UnknownOutcome()
                : liveness.outage === 'unreachable'
                  ? new DatabaseUnavailable()
                  : new QueryTimeout(`the graph database did not answer within ${ms} ms`),
            );
          };
          timer = setTimeout(check, Math.min(ms, POLL_MS));
          (value as (...a: unknown[]) => Promise<unknown>).apply(receiver, args).then(
            (result) => {
              liveness.alive();
              clearTimeout(timer);
              resolve(result);
            },
            (error: unknown) => {
              // A refused connection or a timeout is no sign of life; a constraint violation is.
              if (!OUTAGES.some((type) => error instanceof type)) liveness.heard();
              clearTimeout(timer);
              reject(asError(error));
            },
          );
        });
    },
  });
}
