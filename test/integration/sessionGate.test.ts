import { DatabaseUnavailable, QueryTimeout } from '../../src/errors';
import { logger } from '../../src/logger';
import { Liveness, refuseInOutages } from '../../src/neo4j/deadline';
import { Executor } from '../../src/neo4j/executor';
import { gateDriver } from '../../src/neo4j/gate';
import { LivenessProbe } from '../../src/neo4j/probe';
import { openTestGraph } from '../support/graph';
import { freePort } from '../support/process';

/** Minutes of work for Neo4j: holds its session until its request's deadline stops it on the server. */
const SLOW = { name: 'slow', cypher: 'UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n' };
const QUICK = { name: 'quick', cypher: 'RETURN 1 AS n' };

const settled = <T>(promise: Promise<T>) => {
  const started = performance.now();
  return promise.then(
    (value) => ({ value, error: undefined, ms: performance.now() - started }),
    (error: unknown) => ({ value: undefined, error, ms: performance.now() - started }),
  );
};

/**
 * The queue in front of the driver's pool (src/neo4j/gate.ts) on a real Neo4j, with a gate of two
 * sessions so that two slow queries fill it: a busy but healthy Neo4j makes calls wait up to their
 * request's deadline (TIMEOUT, not a 503 outage), and a probe that finds nothing listening
 * refuses the waiting calls at once.
 */
describe('the session gate in front of the pool', () => {
  let graph: Awaited<ReturnType<typeof openTestGraph>>;
  let db: Executor;
  const probes: LivenessProbe[] = [];

  beforeAll(async () => {
    graph = await openTestGraph();
    gateDriver(graph.driver, 2, 20_000);
    db = new Executor(graph.driver, 'neo4j', logger, 60_000);
  });
  afterAll(async () => {
    for (const probe of probes) await probe.stop();
    await graph.close();
  });

  const startProbe = (uri: string) => {
    const liveness = new Liveness();
    const probe = new LivenessProbe(liveness, {
      uri,
      user: 'neo4j',
      password: 'neo4j',
      database: 'neo4j',
      hangMs: 1_500,
      logger,
    }).start();
    probes.push(probe);
    refuseInOutages(db, liveness);
    return liveness;
  };

  it('lets calls wait for a busy, healthy Neo4j up to their request deadline (TIMEOUT), and answers those with time left', async () => {
    const liveness = startProbe(process.env.TEST_NEO4J_URI!);
    const slow = [settled(db.forRequest(4_000).read(SLOW)), settled(db.forRequest(4_000).read(SLOW))];
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(db.gate!.waiting).toBe(0);
    const short = settled(db.forRequest(1_500).read(QUICK));
    const patient = settled(db.forRequest(20_000).read(QUICK));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(db.gate!.waiting).toBe(2);

    const waitedOut = await short;
    expect(waitedOut.error).toBeInstanceOf(QueryTimeout);
    expect((waitedOut.error as Error).message).toBe(
      'the request ran past its deadline (REQUEST_DEADLINE_MS) waiting for a connection to the graph database',
    );
    expect(waitedOut.ms).toBeGreaterThanOrEqual(1_000);
    // The probe, on its own connection, kept answering: no outage was declared.
    expect(liveness.outage).toBeUndefined();
    expect((await Promise.all(slow)).map((s) => s.error)).toEqual([expect.any(QueryTimeout), expect.any(QueryTimeout)]);
    const answered = await patient;
    expect(answered.value).toEqual([{ n: 1 }]);
    expect(answered.ms).toBeGreaterThanOrEqual(3_000); // it waited for one of the slow ones to end
    expect(db.gate!.waiting).toBe(0);
  }, 30_000);

  it('refuses waiting calls at once (DATABASE_UNAVAILABLE) when the probe finds nothing listening, and new ones until it answers', async () => {
    const slow = [settled(db.forRequest(6_000).read(SLOW)), settled(db.forRequest(6_000).read(SLOW))];
    await new Promise((resolve) => setTimeout(resolve, 200));
    const waiting = settled(db.forRequest(20_000).read(QUICK));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(db.gate!.waiting).toBe(1);
    // A probe whose Neo4j is gone: a port nothing listens on.
    const liveness = startProbe(`bolt://127.0.0.1:${await freePort()}`);
    const refused = await waiting;
    expect(refused.error).toBeInstanceOf(DatabaseUnavailable);
    expect(liveness.outage).toBe('unreachable');
    // The probe says so within a tick (375 ms); a generous bound for a loaded machine, far from 20 s.
    expect(refused.ms).toBeLessThan(3_000);
    const late = await settled(db.forRequest(20_000).read(QUICK));
    expect(late.error).toBeInstanceOf(DatabaseUnavailable);
    expect(late.ms).toBeLessThan(100);
    expect(db.gate!.waiting).toBe(0);
    await Promise.all(slow);
    // The next app's liveness decides again: a live probe lets calls through.
    const live = startProbe(process.env.TEST_NEO4J_URI!);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(live.outage).toBeUndefined();
    expect(await db.read(QUICK)).toEqual([{ n: 1 }]);
  }, 30_000);
});
