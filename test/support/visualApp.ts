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

/**
 * The same HTTP app over a Neo4j that is not there: a real driver pointed at a free port nothing
 * listens on, failing fast as the API's own driver does. Every read answers DATABASE_UNAVAILABLE.
 */
export async function startOutageApp() {
  const { default: neo4j } = await import('neo4j-driver');
  const { Executor } = await import('../../src/neo4j/executor');
  const { freePort } = await import('./process');
  const driver = neo4j.driver(`bolt://127.0.0.1:${await freePort()}`, neo4j.auth.basic('neo4j', 'unused'), {
    connectionTimeout: 1_000,
    maxTransactionRetryTime: 500,
  });
  const db = new Executor(driver, 'neo4j', logger, 5_000);
  let app: App;
  try {
    app = await createApp({ db, logger, ide: false });
  } catch (error) {
    await driver.close();
    throw error;
  }
  const url = await app.listen(0, '127.0.0.1');
  return {
    base: url.replace(/\/graphql$/, ''),
    close: async () => {
      await app.close();
      await driver.close();
    },
  };
}
