import type { ApolloServerPlugin } from '@apollo/server';

const DATABASE_CODES = new Set(['DATABASE_UNAVAILABLE', 'TIMEOUT', 'UNKNOWN_OUTCOME', 'STORAGE_FULL']);

/** Seconds a client is asked to wait before retrying an outage's 503: the probe looks again within one. */
export const OUTAGE_RETRY_AFTER_SECONDS = 1;

/**
 * A request that got nothing because the database is down or hung answers 503, not 200, with
 * Retry-After, so load balancers and clients' retry logic see it; a partial answer (some fields
 * resolved) stays 200.
 */
export const unavailablePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (!errors?.length || !errors.every((e) => DATABASE_CODES.has(e.extensions?.code as string))) return;
        if (data == null || Object.values(data).every((value) => value === null)) {
          response.http.status = 503;
          response.http.headers.set('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS));
        }
      },
    };
  },
};
