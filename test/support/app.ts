import { createApp, type App, type AppSettings } from '../../src/http/app';
import { logger } from '../../src/logger';
import { openTestGraph } from './graph';
import { postGraphQL } from './process';

/** The test app's API keys (API_KEYS=admin:…,editor:…), sent as `Authorization: Bearer <key>`. */
export const TEST_KEYS = { admin: 'test-admin-key-0123456789', editor: 'test-editor-key-0123456789' } as const;
export const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

/**
 * The API in this process, over HTTP on a free port, on the test run's seeded Neo4j. `gql` calls
 * it as the admin key (so writes are allowed); tests of credentials send their own headers.
 */
export async function startTestApp(settings: Partial<AppSettings> = {}): Promise<{
  app: App;
  url: string;
  graph: Awaited<ReturnType<typeof openTestGraph>>;
  gql: (query: string, variables?: Record<string, unknown>) => Promise<{ data?: any; errors?: any[] }>;
  close(): Promise<void>;
}> {
  const graph = await openTestGraph();
  const app = await createApp({
    db: graph.db,
    logger,
    settings: { API_KEYS: `admin:${TEST_KEYS.admin},editor:${TEST_KEYS.editor}`, ...settings },
  });
  const url = await app.listen(0, '127.0.0.1');
  return {
    app,
    url,
    graph,
    gql: async (query, variables) => (await postGraphQL(url, query, variables, bearer(TEST_KEYS.admin))).body,
    close: async () => {
      await app.close();
      await graph.close();
    },
  };
}
