import { createApp, type App } from '../../src/http/app';
import { logger } from '../../src/logger';
import { openTestGraph } from './graph';
import { postGraphQL } from './process';

/** The API in this process, over HTTP on a free port, on the test run's seeded Neo4j. */
export async function startTestApp(): Promise<{
  app: App;
  url: string;
  graph: Awaited<ReturnType<typeof openTestGraph>>;
  gql: (query: string, variables?: Record<string, unknown>) => Promise<{ data?: any; errors?: any[] }>;
  close(): Promise<void>;
}> {
  const graph = await openTestGraph();
  const app = await createApp({ db: graph.db, logger });
  const url = await app.listen(0, '127.0.0.1');
  return {
    app,
    url,
    graph,
    gql: async (query, variables) => (await postGraphQL(url, query, variables)).body,
    close: async () => {
      await app.close();
      await graph.close();
    },
  };
}
