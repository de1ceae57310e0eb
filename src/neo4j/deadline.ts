import { QueryTimeout, UnknownOutcome, asError } from '../errors';
import type { Executor } from './executor';

// `reader` is `read` bound to the executor itself, so it is guarded by name too.
const GUARDED = new Set<PropertyKey>(['read', 'readWithin', 'reader', 'write', 'writeAll']);
/** Calls that write: given up on, they may still be committed when the server resumes. */
const WRITES = new Set<PropertyKey>(['write', 'writeAll']);

/** When the database last settled a call, shared by every executor over one driver. */
export class Liveness {
  last = Date.now();
}

/**
 * The executor with a client-side deadline on each call. The transaction timeout is enforced by
 * the server, so a server that stops answering (SIGSTOP, a partition without a reset) would
 * otherwise hold a request forever. A call fails with TIMEOUT once it has waited `ms` AND the
 * database has settled no call at all for `ms`: a hung server trips it, a merely busy one (calls
 * queued for a pooled connection while others complete) does not. The driver's work is left to
 * finish or fail on its own, so a write that passes its deadline is UNKNOWN_OUTCOME, not TIMEOUT:
 * it may yet be committed. Executors made by forRequest() are guarded the same way.
 */
export function withDeadline(executor: Executor, ms: number, liveness = new Liveness()): Executor {
  return new Proxy(executor, {
    get(target, property, receiver) {
      if (property === 'forRequest')
        return (deadlineMs?: number) => withDeadline(target.forRequest(deadlineMs), ms, liveness);
      const value: unknown = Reflect.get(target, property, receiver);
      if (!GUARDED.has(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          let timer: NodeJS.Timeout;
          const check = () => {
            const silent = Date.now() - liveness.last;
            if (silent < ms) return void (timer = setTimeout(check, ms - silent));
            // A write given up on is left running: once the server resumes it may commit.
            reject(
              WRITES.has(property)
                ? new UnknownOutcome()
                : new QueryTimeout(`the graph database did not answer within ${ms} ms`),
            );
          };
          timer = setTimeout(check, ms);
          const settled = () => {
            liveness.last = Date.now();
            clearTimeout(timer);
          };
          (value as (...a: unknown[]) => Promise<unknown>).apply(receiver, args).then(
            (result) => (settled(), resolve(result)),
            (error: unknown) => (settled(), reject(asError(error))),
          );
        });
    },
  });
}
