import { QueryTimeout } from '../errors';
import type { Executor } from './executor';

// `reader` is `read` bound to the executor itself, so it is guarded by name too.
const GUARDED = new Set<PropertyKey>(['read', 'readWithin', 'reader', 'write', 'writeAll']);

/**
 * The executor with a client-side deadline on each call. The transaction timeout is enforced by
 * the server, so a server that stops answering (SIGSTOP, a network partition with no reset) would
 * otherwise hold a request forever: past `ms` the caller gets TIMEOUT and the driver's work is
 * left to finish or fail on its own. Executors made by forRequest() are guarded the same way.
 */
export function withDeadline(executor: Executor, ms: number): Executor {
  return new Proxy(executor, {
    get(target, property, receiver) {
      if (property === 'forRequest') return () => withDeadline(target.forRequest(), ms);
      const value = Reflect.get(target, property, receiver);
      if (!GUARDED.has(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new QueryTimeout(`the graph database did not answer within ${ms} ms`)), ms);
        });
        return Promise.race([(value as (...a: unknown[]) => Promise<unknown>).apply(receiver, args), late]).finally(() => clearTimeout(timer));
      };
    },
  });
}
