import { createApp, type App } from '../../src/http/app';
import { logger } from '../../src/logger';
import { openTestGraph } from './graph';
import { postGraphQL } from './process';

/** The whole HTTP app in this process (GraphQL, IDE, exports, explorer) on a free port of 127.0.0.1. */
export async function startVisualApp(options: { ide: boolean }) {
  const graph = await openTestGraph();
  let app: App;
  try {
    app = await createApp({ db: graph.db, logger, ide: options.ide });
  } catch (error) {
    await graph.close();
    throw error;
  }
  const url = await app.listen(0, '127.0.0.1');
  return {
    graph,
    url,
    base: url.replace(/\/graphql$/, ''),
    gql: async (query: string, variables?: Record<string, unknown>) => (await postGraphQL(url, query, variables)).body,
    close: async () => {
      await app.close();
      await graph.close();
    },
  };
}

export type VisualApp = Awaited<ReturnType<typeof startVisualApp>>;
