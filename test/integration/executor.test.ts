import { Conflict, QueryTimeout, StoreFailure } from '../../src/errors';
import { openTestGraph } from '../support/graph';

const TEST_ID = `test/executor-${process.pid}`;

describe('Executor on a real Neo4j', () => {
  let graph: Awaited<ReturnType<typeof openTestGraph>>;
  beforeAll(async () => {
    graph = await openTestGraph();
  });
  afterAll(async () => {
    await graph.driver.executeQuery('MATCH (n:Source {id: $id}) DETACH DELETE n', { id: TEST_ID });
    await graph.close();
  });

  it('returns native values: numbers, ISO dates, plain objects', async () => {
    const rows = await graph.db.read({
      name: 'nativeValues',
      cypher: "RETURN 42 AS n, date('2024-12-05') AS d, {a: [1, 2]} AS m, 9007199254740993 AS big",
    });
    expect(rows).toEqual([{ n: 42, d: '2024-12-05', m: { a: [1, 2] }, big: '9007199254740993' }]);
  });

  it('counts round trips', async () => {
    const db = graph.db.forRequest();
    await db.read({ name: 'one', cypher: 'RETURN 1' });
    await db.read({ name: 'two', cypher: 'RETURN 2' });
    expect(db.roundTrips).toBe(2);
  });

  it('maps a constraint violation to CONFLICT and leaves nothing half-written', async () => {
    const create = { name: 'createSource', cypher: 'CREATE (:Source {id: $id})' };
    await graph.db.write(create, { id: TEST_ID });
    const error = await graph.db
      .writeAll('twoWrites', async (run) => {
        await run({ name: 'other', cypher: 'CREATE (:Source {id: $id})' }, { id: `${TEST_ID}-other` });
        await run(create, { id: TEST_ID });
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).code).toBe('CONFLICT');
    const left = await graph.db.read(
      { name: 'left', cypher: 'MATCH (s:Source {id: $id}) RETURN count(s) AS n' },
      { id: `${TEST_ID}-other` },
    );
    expect(left).toEqual([{ n: 0 }]);
  });

  it('stops a request at its deadline: a running transaction gets what is left as its server-side timeout, and none starts after it', async () => {
    const db = graph.db.forRequest(1_500); // the executor's own transaction timeout is 60 s
    const sessions = jest.spyOn(graph.driver, 'session');
    try {
      // Minutes of work for Neo4j; stopped by the server once the request's 1.5 s are spent.
      const slow = await db
        .read({ name: 'slow', cypher: 'UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n' })
        .catch((e: unknown) => e);
      expect(slow).toBeInstanceOf(QueryTimeout);
      const opened = sessions.mock.calls.length;
      const late = await db.read({ name: 'late', cypher: 'RETURN 1' }).catch((e: unknown) => e);
      expect((late as Error).message).toBe('the request ran past its deadline (REQUEST_DEADLINE_MS) and was stopped');
      expect(sessions.mock.calls.length).toBe(opened);
    } finally {
      sessions.mockRestore();
    }
  });

  it('hides the internals of a failing query behind INTERNAL_SERVER_ERROR with the query name', async () => {
    const error = (await graph.db
      .read({ name: 'broken', cypher: 'RETURN nope(' })
      .catch((e: unknown) => e)) as StoreFailure;
    expect(error).toBeInstanceOf(StoreFailure);
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).toBe('internal error in query broken');
  });
});
