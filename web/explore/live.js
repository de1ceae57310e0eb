// @ts-check
// Following the graph's changes: Subscription.changes over graphql-ws (its browser client, the
// global graphqlWs, from node_modules), resumed from the last change seen when the socket drops,
// so nothing is missed and nothing shown twice.

/** @typedef {{ cursor: string, operation: string, targetKind: string, targetId: string, at: string }} Change */

const SUBSCRIPTION =
  'subscription Follow($after: String) { changes(after: $after, kinds: [ENTITY, EVENT, RELATIONSHIP]) { cursor operation targetKind targetId at } }';

/**
 * The ids of the entities a change touches, to bring into view: the entity or event itself, or
 * both ends of a relationship (`rel/<type>/<from kind>/<from>/<to kind>/<to>`).
 * @param {Change} change
 * @returns {string[]}
 */
export function idsOf(change) {
  if (change.targetKind !== 'RELATIONSHIP') return [change.targetId];
  const parts = change.targetId.split('/');
  return parts.length === 6 ? [`${parts[2]}/${parts[3]}`, `${parts[4]}/${parts[5]}`] : [];
}

/**
 * Subscribes from now on; each change goes to `onChange`. A dropped socket is retried by
 * graphql-ws; a subscription that ends with an error (the database away) is started again after
 * `retryMs`, from the last cursor. Returns a function that stops following.
 * @param {{ onChange: (change: Change) => void, onError: (message: string) => void, retryMs?: number }} handlers
 */
export function followChanges({ onChange, onError, retryMs = 3_000 }) {
  const url = new URL('/graphql', window.location.href).toString().replace(/^http/, 'ws');
  const client = graphqlWs.createClient({ url, lazy: true, retryAttempts: Infinity });
  /** @type {string | null} */
  let after = null;
  let stopped = false;
  /** @type {(() => void) | null} */
  let unsubscribe = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const start = () => {
    unsubscribe = client.subscribe(
      { query: SUBSCRIPTION, variables: { after } },
      {
        /** @param {any} result */
        next: (result) => {
          const change = result.data && result.data.changes;
          if (!change) return;
          after = change.cursor;
          onChange(change);
        },
        /** @param {any} error */
        error: (error) => {
          const first = Array.isArray(error) ? error[0] : error;
          onError((first && (first.message || first.reason)) || 'the live feed stopped');
          if (!stopped) timer = setTimeout(start, retryMs);
        },
        complete: () => undefined,
      },
    );
  };
  start();
  return () => {
    stopped = true;
    clearTimeout(timer);
    if (unsubscribe) unsubscribe();
    client.dispose();
  };
}
