import neo4j from 'neo4j-driver';
import { createApp } from '../../src/http/app';
import { logger } from '../../src/logger';
import { Executor } from '../../src/neo4j/executor';
import { startTestApp } from '../support/app';

/** GET /healthz, for container health checks: 200 when Neo4j answers, 503 when it does not. */
describe('GET /healthz', () => {
  it('is 200 with the graph’s counts when Neo4j answers', async () => {
    const api = await startTestApp();
    try {
      const response = await fetch(api.url.replace('/graphql', '/healthz'));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        entities: expect.any(Number),
        events: expect.any(Number),
      });
    } finally {
      await api.close();
    }
  });

  it('is 503 when Neo4j cannot be reached, and GraphQL says DATABASE_UNAVAILABLE with HTTP 503', async () => {
    const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'neo4j'), {
      maxTransactionRetryTime: 500,
      connectionTimeout: 500,
    });
    const app = await createApp({ db: new Executor(driver, 'neo4j', logger, 1000), logger });
    const url = await app.listen(0, '127.0.0.1');
    try {
      const response = await fetch(url.replace('/graphql', '/healthz'));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', message: 'the graph database is unavailable' });
      const graphql = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ health { status } }' }),
      });
      const body = (await graphql.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors.map((e) => e.extensions.code)).toEqual(['DATABASE_UNAVAILABLE']);
      // Nothing could be answered: 503, not 200, so clients and load balancers see it.
      expect(graphql.status).toBe(503);
    } finally {
      await app.close();
      await driver.close();
    }
  });
});
