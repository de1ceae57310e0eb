import type { ApolloServerPlugin } from '@apollo/server';

const DATABASE_CODES = new Set(['DATABASE_UNAVAILABLE', 'TIMEOUT', 'UNKNOWN_OUTCOME', 'STORAGE_FULL']);

/**
 * A request that got nothing because the database is down or hung answers 503, not 200, so load
 * balancers and clients' retry logic see it; a partial answer (some fields resolved) stays 200.
 */
export const unavailablePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (!errors?.length || !errors.every((e) => DATABASE_CODES.has(e.extensions?.code as string))) return;
        if (data == null || Object.values(data).every((value) => value === null)) response.http.status = 503;
      },
    };
  },
};
