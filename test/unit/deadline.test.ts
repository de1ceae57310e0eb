import type { Executor } from '../../src/neo4j/executor';
import { Liveness, withDeadline } from '../../src/neo4j/deadline';

/** An executor whose reads wait until the test settles them. */
function pendingExecutor() {
  const pending: { resolve: (rows: unknown[]) => void }[] = [];
  const executor = {
    roundTrips: 0,
    read: () => new Promise((resolve) => pending.push({ resolve })),
    forRequest: () => executor,
  } as unknown as Executor;
  return { executor, pending };
}

describe('the client-side deadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('fails a call with TIMEOUT once the database has settled nothing for the deadline', async () => {
    const { executor } = pendingExecutor();
    const call = withDeadline(executor, 1_000, new Liveness()).forRequest().read({ name: 'q', cypher: 'RETURN 1' });
    const outcome = call.then(
      () => 'answered',
      (error: { code: string; message: string }) => [error.code, error.message],
    );
    await jest.advanceTimersByTimeAsync(999);
    await jest.advanceTimersByTimeAsync(1);
    expect(await outcome).toEqual(['TIMEOUT', 'the graph database did not answer within 1000 ms']);
  });

  it('lets a call wait past the deadline while other calls complete (a busy, not hung, database)', async () => {
    const { executor, pending } = pendingExecutor();
    const guarded = withDeadline(executor, 1_000, new Liveness());
    let outcome: unknown = 'waiting';
    void guarded.read({ name: 'slow', cypher: 'RETURN 1' }).then((rows) => (outcome = rows));
    for (let step = 0; step < 5; step += 1) {
      const other = guarded.read({ name: 'quick', cypher: 'RETURN 1' });
      await jest.advanceTimersByTimeAsync(600);
      pending.pop()!.resolve([]);
      await other;
    }
    expect(outcome).toBe('waiting'); // 3 s, 3 times the deadline, and still waiting
    pending[0]!.resolve([{ n: 1 }]);
    await jest.advanceTimersByTimeAsync(0);
    expect(outcome).toEqual([{ n: 1 }]);
  });

  it('with a probe: fails a read at once while the probe finds nothing listening, and after hangMs of silence otherwise', async () => {
    const { executor } = pendingExecutor();
    const liveness = new Liveness();
    liveness.hangMs = 1_500;
    liveness.fail('unreachable');
    const guarded = withDeadline(executor, 16_000, liveness);
    await expect(guarded.read({ name: 'q', cypher: 'RETURN 1' })).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
    });

    liveness.alive();
    const call = guarded.read({ name: 'q', cypher: 'RETURN 1' }).then(
      () => 'answered',
      (error: { code: string; message: string }) => [error.code, error.message],
    );
    liveness.fail('hung');
    await jest.advanceTimersByTimeAsync(1_400);
    await jest.advanceTimersByTimeAsync(200);
    expect(await call).toEqual(['TIMEOUT', 'the graph database did not answer within 1500 ms']);
  });
});
