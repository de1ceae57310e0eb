import { Conflict, StoreFailure } from '../../src/errors';
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
    const left = await graph.db.read({ name: 'left', cypher: 'MATCH (s:Source {id: $id}) RETURN count(s) AS n' }, { id: `${TEST_ID}-other` });
    expect(left).toEqual([{ n: 0 }]);
  });

  it('hides the internals of a failing query behind INTERNAL_SERVER_ERROR with the query name', async () => {
    const error = (await graph.db.read({ name: 'broken', cypher: 'RETURN nope(' }).catch((e: unknown) => e)) as StoreFailure;
    expect(error).toBeInstanceOf(StoreFailure);
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).toBe('internal error in query broken');
  });
});
