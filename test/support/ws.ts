import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** The graphql-ws address of an API's /graphql URL. */
export const wsUrl = (httpUrl: string) => httpUrl.replace(/^http/, 'ws');

/** A real graphql-ws client over the `ws` package; no retries unless asked for. */
export function wsClient(
  httpUrl: string,
  connectionParams: Record<string, unknown> = {},
  options: { retryAttempts?: number; keepAlive?: number } = {},
): Client {
  return createClient({
    url: wsUrl(httpUrl),
    webSocketImpl: WebSocket,
    connectionParams,
    lazy: true,
    retryAttempts: options.retryAttempts ?? 0,
    keepAlive: options.keepAlive ?? 0,
  });
}

export interface Collected<T> {
  items: T[];
  errors: unknown[];
  done: boolean;
  /** Resolves once `count` items came (or rejects when the subscription failed or ended first). */
  until(count: number, timeoutMs?: number): Promise<T[]>;
  /** Resolves when the subscription errs or completes. */
  ended: Promise<void>;
  stop(): void;
}

/** Subscribes and collects what arrives: `next` payloads' data at `field`, errors, completion. */
export function collect<T = any>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
  field = 'changes',
): Collected<T> {
  const items: T[] = [];
  const errors: unknown[] = [];
  let notify = () => undefined as void;
  let endResolve!: () => void;
  const ended = new Promise<void>((resolve) => (endResolve = resolve));
  const state: Collected<T> = {
    items,
    errors,
    done: false,
    ended,
    stop: () => unsubscribe(),
    until: (count, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`got ${items.length} of ${count} items in ${timeoutMs} ms; errors: ${JSON.stringify(errors)}`),
            ),
          timeoutMs,
        );
        const check = () => {
          if (items.length >= count) {
            clearTimeout(timer);
            resolve(items.slice(0, count));
          } else if (state.done) {
            clearTimeout(timer);
            reject(new Error(`ended after ${items.length} of ${count} items; errors: ${JSON.stringify(errors)}`));
          }
        };
        const previous = notify;
        notify = () => (previous(), check());
        check();
      }),
  };
  const unsubscribe = client.subscribe<Record<string, T>>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data?.[field] !== undefined) items.push(result.data[field] as T);
        notify();
      },
      error: (error) => {
        // graphql-ws hands an `error` message's errors as an array, a closed socket as its close event.
        errors.push(...(Array.isArray(error) ? error : [error]));
        state.done = true;
        notify();
        endResolve();
      },
      complete: () => {
        state.done = true;
        notify();
        endResolve();
      },
    },
  );
  return state;
}
