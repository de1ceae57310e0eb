import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { loadavg as osLoad } from 'node:os';
import path from 'node:path';
import { bearer, TEST_KEYS } from '../support/app';
import { freePort, postGraphQL, startMain, waitForUrl } from '../support/process';

/** The java process of the embedded Neo4j using `dataDir`, by pid. */
function neo4jPids(dataDir: string): number[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('kg.launcher.Launcher') && line.includes(dataDir))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** A bound no healthy run comes near (the goal is 2 s): the measured figures are printed. */
const GENEROUS_MS = 6_000;
/** The most any of 100 concurrent clients may wait for its 503 once Neo4j is killed (the goal is 2 s). */
const OUTAGE_ANSWER_MS = 5_000;
const loadavg = () =>
  osLoad()
    .map((n) => n.toFixed(1))
    .join(' ');

async function healthz(url: string): Promise<number> {
  return (await fetch(url.replace('/graphql', '/healthz'))).status;
}

/** Polls /healthz once a second until it answers 200 (jest's timeout bounds the wait). */
async function untilHealthy(url: string): Promise<void> {
  while ((await healthz(url)) !== 200) await new Promise((resolve) => setTimeout(resolve, 1_000));
}

/**
 * Faults of the embedded Neo4j under `npm start`'s entry point: killed, it is restarted and the
 * API recovers; hung (SIGSTOP), requests fail with TIMEOUT instead of waiting for it.
 */
describe('the API when its Neo4j fails', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kg-faults-'));
  let started: ReturnType<typeof startMain>;
  let url: string;

  beforeAll(async () => {
    started = startMain({
      NEO4J_LOCAL_DIR: dataDir,
      NEO4J_LOCAL_PORT: String(await freePort()),
      NEO4J_LOCAL_HEAP_MB: '512',
      NEO4J_LOCAL_PAGECACHE_MB: '64',
      PORT: String(await freePort()),
      API_KEYS: `admin:${TEST_KEYS.admin}`,
      // 100 clients from one address: the rate limits would refuse most of them before Neo4j is asked.
      RATE_LIMIT_IP_PER_SECOND: '0',
      RATE_LIMIT_PRINCIPAL_PER_SECOND: '0',
    });
    url = await waitForUrl(started, 180_000);
  }, 200_000);

  afterAll(async () => {
    for (const pid of neo4jPids(dataDir)) process.kill(pid, 'SIGCONT');
    started.child.kill('SIGINT');
    await started.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('restarts a Neo4j killed with SIGKILL; meanwhile requests get DATABASE_UNAVAILABLE with 503', async () => {
    const [pid] = neo4jPids(dataDir);
    expect(pid).toEqual(expect.any(Number));
    process.kill(pid!, 'SIGKILL');
    const killedAt = performance.now();

    // Both asked at once, right after the kill: one after the other, the second could meet the
    // restarted Neo4j on a fast machine. How long the answers take is printed, and only bounded
    // generously here (speed is measured by the soak, `npm run soak`, not asserted in a test).
    const [during, health] = await Promise.all([
      postGraphQL(url, '{ health { status } }').then((answer) => ({ ...answer, ms: performance.now() - killedAt })),
      healthz(url).then((status) => ({ status, ms: performance.now() - killedAt })),
    ]);
    console.log(
      `faults.test: killed Neo4j answered 503 after ${during.ms.toFixed(0)} ms (GraphQL), ${health.ms.toFixed(0)} ms (/healthz); load ${loadavg()}`,
    );
    expect({ status: during.status, codes: during.body.errors?.map((e) => e.extensions.code) }).toEqual({
      status: 503,
      codes: ['DATABASE_UNAVAILABLE'],
    });
    expect(health.status).toBe(503);
    expect(Math.max(during.ms, health.ms)).toBeLessThan(GENEROUS_MS);

    await untilHealthy(url);
    const after = await postGraphQL(url, '{ health { status } entity(id: "org/moonshot-ai") { name } }');
    expect(after).toEqual({ status: 200, body: { data: { health: { status: 'ok' }, entity: { name: '月之暗面' } } } });
    const now = neo4jPids(dataDir);
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(pid);
    expect(started.output()).toContain('"msg":"local Neo4j exited unexpectedly"');
    expect(started.output()).toContain('"msg":"local Neo4j restarted"');
  }, 240_000);

  it('answers every one of 100 concurrent clients within a bound once Neo4j is killed: calls waiting for a pooled connection are refused at once, not after the acquisition timeout', async () => {
    await untilHealthy(url);
    // Reads that keep the pool of 50 connections full and about as many calls waiting for one.
    const reads = [
      '{ neighborhood(id: "org/bytedance", depth: 2, limit: 200) { nodes { nodeId } } }',
      '{ timeline(entity: "org/moonshot-ai", first: 20) { edges { node { kind date summary } } } }',
      '{ search(text: "月之暗面") { id name } }',
    ];
    let killedAt = Infinity;
    let stopAt = Infinity;
    /** Every answer after the kill: its code and how long it came after max(sent, kill). */
    const after: { answer: string; waitMs: number }[] = [];
    let before = 0;
    const client = async (c: number) => {
      for (let n = c; performance.now() < stopAt; n += 1) {
        const sent = performance.now();
        let answer: string;
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: reads[n % reads.length] }),
            signal: AbortSignal.timeout(60_000),
          });
          const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
          answer = `${response.status} ${body.errors?.[0]?.extensions?.code ?? 'OK'}`;
          if (response.status === 503 && response.headers.get('retry-after') !== '1') answer += ' without Retry-After';
        } catch (error) {
          answer = `no answer: ${(error as Error).name}`;
        }
        const answered = performance.now();
        if (answered < killedAt) before += 1;
        else after.push({ answer, waitMs: answered - Math.max(sent, killedAt) });
        if (!answer.startsWith('200')) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const clients = Array.from({ length: 100 }, (_, c) => client(c));
    // Until a hundred answers came (a restarted Neo4j plans its queries afresh, slowly at first), and 2 s more.
    for (let waited = 0; before < 100 && waited < 60_000; waited += 250)
      await new Promise((resolve) => setTimeout(resolve, 250));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const [pid] = neo4jPids(dataDir);
    process.kill(pid!, 'SIGKILL');
    killedAt = performance.now();
    // Long enough for every client to have met the outage a few times; the restart takes longer.
    stopAt = killedAt + 6_000;
    await Promise.all(clients);

    const unavailable = after.filter((a) => a.answer.startsWith('503')).map((a) => a.waitMs);
    const sorted = [...unavailable].sort((a, b) => a - b);
    const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(0);
    const tally = new Map<string, number>();
    for (const { answer } of after) tally.set(answer, (tally.get(answer) ?? 0) + 1);
    console.log(
      `faults.test: 100 clients, ${before} answers before the kill; after it ${[...tally].map(([a, n]) => `${a} × ${n}`).join(', ')}; 503 waits p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms; load ${loadavg()}`,
    );
    expect(before).toBeGreaterThanOrEqual(100);
    // Every client was answered, each answer a 503 with an outage code or (a restart that fast) a 200.
    expect([...tally.keys()].filter((a) => !/^(503 (DATABASE_UNAVAILABLE|TIMEOUT)|200 OK)$/.test(a))).toEqual([]);
    expect(unavailable.length).toBeGreaterThanOrEqual(100);
    // The goal is 2 s; a loaded 2-core CI machine gets a generous margin (before, the tail waited 20 s for the pool).
    expect(sorted[sorted.length - 1]).toBeLessThan(OUTAGE_ANSWER_MS);

    await untilHealthy(url);
    expect((await postGraphQL(url, '{ health { status } }')).body).toEqual({ data: { health: { status: 'ok' } } });
  }, 240_000);

  it('answers TIMEOUT with 503 when Neo4j hangs (SIGSTOP), and recovers when it resumes', async () => {
    await untilHealthy(url); // leaves an idle pooled connection, which the next request takes
    const [pid] = neo4jPids(dataDir);
    process.kill(pid!, 'SIGSTOP');
    const stoppedAt = performance.now();
    try {
      const hung = await postGraphQL(url, '{ health { status } }');
      const hungMs = performance.now() - stoppedAt;
      expect({ status: hung.status, codes: hung.body.errors?.map((e) => e.extensions.code) }).toEqual({
        status: 503,
        codes: ['TIMEOUT'],
      });
      // NEO4J_HANG_MS (1.5 s): the probe's silence, not the 15 s transaction timeout, decides.
      expect(hung.body.errors![0].message).toBe('the graph database did not answer within 1500 ms');
      const healthStarted = performance.now();
      expect(await healthz(url)).toBe(503);
      const healthMs = performance.now() - healthStarted;
      console.log(
        `faults.test: hung Neo4j answered 503 after ${hungMs.toFixed(0)} ms (GraphQL), then /healthz in ${healthMs.toFixed(0)} ms; load ${loadavg()}`,
      );
      expect(hungMs).toBeLessThan(GENEROUS_MS);
    } finally {
      process.kill(pid!, 'SIGCONT');
    }
    await untilHealthy(url);
    expect((await postGraphQL(url, '{ health { status } }')).body).toEqual({ data: { health: { status: 'ok' } } });
  }, 120_000);

  it('answers a write sent to a hung Neo4j UNKNOWN_OUTCOME (503) naming the fact, not a failure: it may be committed once Neo4j resumes', async () => {
    await untilHealthy(url);
    const id = `source/test-faults-${process.pid}-hung-write`;
    const [pid] = neo4jPids(dataDir);
    process.kill(pid!, 'SIGSTOP');
    let answer;
    try {
      answer = await postGraphQL(
        url,
        'mutation($input: SourceInput!) { addSource(input: $input) { outcome } }',
        { input: { id, title: 'Written while hung', text: 'Some text.' } },
        bearer(TEST_KEYS.admin),
      );
    } finally {
      process.kill(pid!, 'SIGCONT');
    }
    expect({
      status: answer.status,
      codes: answer.body.errors?.map((e) => e.extensions.code),
      id: answer.body.errors?.[0]?.extensions.id,
    }).toEqual({ status: 503, codes: ['UNKNOWN_OUTCOME'], id });
    expect(answer.body.errors![0].message).toContain(`read ${id}`);
    await untilHealthy(url);
    // What the client is told to do works: the same write again settles it. While the first one is
    // still being decided (Neo4j resumed in its middle), it holds the id's lock, so a retry may wait
    // and time out; once it is decided the retry is CREATED (it was not committed) or UNCHANGED (it was).
    let retry;
    for (let attempt = 0; attempt < 30; attempt += 1) {
      retry = await postGraphQL(
        url,
        'mutation($input: SourceInput!) { addSource(input: $input) { outcome } }',
        { input: { id, title: 'Written while hung', text: 'Some text.' } },
        bearer(TEST_KEYS.admin),
      );
      const code = retry.body.errors?.[0]?.extensions?.code;
      if (!['TIMEOUT', 'UNKNOWN_OUTCOME', 'DATABASE_UNAVAILABLE'].includes(code)) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect(retry!.body).toEqual({ data: { addSource: { outcome: expect.stringMatching(/^(CREATED|UNCHANGED)$/) } } });
    const history = await postGraphQL(url, `{ history(id: "${id}") { action } }`);
    expect(history.body.data.history).toEqual([{ action: 'CREATE' }]);
  }, 240_000);
});
