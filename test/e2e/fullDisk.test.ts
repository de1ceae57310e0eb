import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { neo4jPid } from '../../bench/cost/measure';
import { bearer, TEST_KEYS } from '../support/app';
import { freePort, postGraphQL, startMain, waitForUrl, type Started } from '../support/process';

/**
 * A full disk (issue 17, part 4) under `npm start`'s entry point, on a small filesystem made for
 * the test: a 200 MB tmpfs holding the embedded Neo4j's data folder, filled by a file. The API
 * refuses writes with 503 STORAGE_FULL before Neo4j runs out of space (so its store is never
 * damaged), says so in /healthz, keeps answering reads, and takes writes again once space is
 * freed; a start on the full disk stops with one line saying what to do. Mounting needs root:
 * where it is refused, the test says so and is skipped.
 */
const mountPoint = mkdtempSync(path.join(os.tmpdir(), 'kg-disk-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=200m', 'tmpfs', mountPoint], { stdio: 'pipe' });
  mounted = true;
} catch (error) {
  console.warn(
    `fullDisk.test: cannot mount a tmpfs here (${String((error as Error).message).split('\n')[0]}); the full-disk test is skipped`,
  );
}
const MIN_FREE_MB = 64;
const run = mounted ? describe : describe.skip;
afterAll(() => {
  if (!mounted) return;
  execFileSync('umount', ['-l', mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

/** Fills the filesystem at `mountPoint` up to `leaveMb` free with the file `filler`. */
function fill(filler: string, leaveMb: number): void {
  const { bavail, bsize } = statfsSync(mountPoint);
  const bytes = Number(bavail) * Number(bsize) - leaveMb * 2 ** 20;
  if (bytes > 0) execFileSync('fallocate', ['-l', String(bytes), filler]);
}

run('the API on a full disk', () => {
  const dataDir = path.join(mountPoint, 'neo4j');
  const filler = path.join(mountPoint, 'filler');
  let started: Started;
  let url: string;
  const env = async () => ({
    NEO4J_LOCAL_DIR: dataDir,
    NEO4J_LOCAL_PORT: String(await freePort()),
    NEO4J_LOCAL_HEAP_MB: '512',
    NEO4J_LOCAL_PAGECACHE_MB: '32',
    NEO4J_MIN_FREE_MB: String(MIN_FREE_MB),
    PORT: String(await freePort()),
    API_KEYS: `admin:${TEST_KEYS.admin}`,
  });
  const healthz = async () => {
    const response = await fetch(url.replace('/graphql', '/healthz'));
    return {
      status: response.status,
      body: (await response.json()) as { status: string; storage?: { full: boolean; freeBytes: number } },
    };
  };
  const until = async (want: (h: Awaited<ReturnType<typeof healthz>>) => boolean) => {
    for (let i = 0; i < 50; i += 1) {
      if (want(await healthz())) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`healthz never became as expected: ${JSON.stringify(await healthz())}`);
  };
  const addSource = (suffix: string) =>
    postGraphQL(
      url,
      'mutation($input: SourceInput!) { addSource(input: $input) { outcome } }',
      { input: { id: `source/full-disk-${suffix}`, title: suffix, text: `Text ${suffix}.` } },
      bearer(TEST_KEYS.admin),
    );

  beforeAll(async () => {
    started = startMain(await env());
    url = await waitForUrl(started, 180_000);
  }, 200_000);
  afterAll(async () => {
    started?.child.kill('SIGINT');
    await started?.exited;
  }, 60_000);

  it('refuses writes with 503 STORAGE_FULL while the disk is full, keeps reads, and writes again once space is freed', async () => {
    expect((await addSource('before')).body.data).toEqual({ addSource: { outcome: 'CREATED' } });
    const fine = await healthz();
    expect(fine).toMatchObject({ status: 200, body: { status: 'ok', storage: { full: false } } });

    fill(filler, MIN_FREE_MB / 2);
    await until((h) => h.status === 503);
    const full = await healthz();
    expect(full.body).toMatchObject({
      status: 'storage-full',
      storage: { full: true, minFreeBytes: MIN_FREE_MB * 2 ** 20 },
    });
    expect(full.body.storage!.freeBytes).toBeLessThan(MIN_FREE_MB * 2 ** 20);
    const refused = await addSource('while-full');
    expect({ status: refused.status, codes: refused.body.errors?.map((e) => e.extensions.code) }).toEqual({
      status: 503,
      codes: ['STORAGE_FULL'],
    });
    expect(refused.body.errors![0].message).toMatch(/disk is full .* writes are refused until space is freed/);
    const read = await postGraphQL(url, '{ entity(id: "org/moonshot-ai") { name } }');
    expect(read).toEqual({ status: 200, body: { data: { entity: { name: '月之暗面' } } } });

    rmSync(filler);
    await until((h) => h.status === 200);
    expect((await addSource('after')).body.data).toEqual({ addSource: { outcome: 'CREATED' } });
    const history = await postGraphQL(
      url,
      '{ a: history(id: "source/full-disk-before") { action } b: history(id: "source/full-disk-while-full") { action } c: history(id: "source/full-disk-after") { action } }',
    );
    expect(history.body.data).toEqual({ a: [{ action: 'CREATE' }], b: [], c: [{ action: 'CREATE' }] });
  }, 60_000);

  it('starts a crashed Neo4j again only once its disk has room: a start on a full disk could not recover its store', async () => {
    const restarts = () => started.output().split('"msg":"local Neo4j restarted"').length - 1;
    const before = restarts();
    expect((await addSource('before-crash')).body.data).toEqual({ addSource: { outcome: 'CREATED' } });
    fill(filler, MIN_FREE_MB / 2);
    const pid = neo4jPid(`${dataDir} `);
    expect(pid).toBeDefined();
    process.kill(pid!, 'SIGKILL');
    for (
      let i = 0;
      i < 150 && !started.output().includes('waits for free space on its disk before it restarts');
      i += 1
    )
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(started.output()).toContain('"msg":"local Neo4j waits for free space on its disk before it restarts"');
    // Three more seconds on the full disk: no Neo4j was started, and the API says it is unavailable.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(restarts()).toBe(before);
    expect(neo4jPid(`${dataDir} `)).toBeUndefined();
    expect((await healthz()).status).toBe(503);

    rmSync(filler);
    const freed = Date.now();
    while (Date.now() - freed < 150_000 && (await healthz()).status !== 200)
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await healthz()).status).toBe(200);
    expect(restarts()).toBe(before + 1);
    expect((await addSource('after-crash')).body.data).toEqual({ addSource: { outcome: 'CREATED' } });
    const history = await postGraphQL(
      url,
      '{ a: history(id: "source/full-disk-before-crash") { action } b: history(id: "source/full-disk-after-crash") { action } }',
    );
    expect(history.body.data).toEqual({ a: [{ action: 'CREATE' }], b: [{ action: 'CREATE' }] });
  }, 200_000);

  it('will not start on a full disk: one line saying what to do, exit code 1', async () => {
    started.child.kill('SIGINT');
    await started.exited;
    fill(filler, MIN_FREE_MB / 2);
    try {
      const again = startMain(await env());
      expect(await again.exited).toBe(1);
      expect(again.stderr().trim().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(
            `^error: only \\d+\\.\\d MB free on the disk of ${dataDir}, ${MIN_FREE_MB}\\.0 MB needed \\(NEO4J_MIN_FREE_MB\\): free space there, then start again$`,
          ),
        ),
      ]);
    } finally {
      rmSync(filler, { force: true });
    }
  }, 60_000);
});

/**
 * The worst case: Neo4j itself runs out of space (no free-space margin, NEO4J_MIN_FREE_MB=0, and
 * transaction logs not preallocated, so a write's log append hits ENOSPC). Neo4j panics and, its
 * process alive, refuses everything; the API answers 503, and once space is back its probe sees the
 * panic and restarts the embedded Neo4j cleanly, which recovers its store from the log: every write
 * acknowledged before is there with its history, and writes are taken again.
 */
run('the API when Neo4j itself runs out of space', () => {
  const dataDir = path.join(mountPoint, 'neo4j-enospc');
  const filler = path.join(mountPoint, 'filler-enospc');
  let started: Started;
  let url: string;
  const addSource = (suffix: string, text = `Text ${suffix}.`) =>
    postGraphQL(
      url,
      'mutation($input: SourceInput!) { addSource(input: $input) { outcome } }',
      { input: { id: `source/enospc-${suffix}`, title: suffix, text } },
      bearer(TEST_KEYS.admin),
    );

  beforeAll(async () => {
    started = startMain({
      NEO4J_LOCAL_DIR: dataDir,
      NEO4J_LOCAL_PORT: String(await freePort()),
      NEO4J_LOCAL_HEAP_MB: '512',
      NEO4J_LOCAL_PAGECACHE_MB: '32',
      NEO4J_MIN_FREE_MB: '0',
      NEO4J_LOCAL_SETTINGS: 'db.tx_log.preallocate=false',
      PORT: String(await freePort()),
      API_KEYS: `admin:${TEST_KEYS.admin}`,
    });
    url = await waitForUrl(started, 180_000);
  }, 200_000);
  afterAll(async () => {
    rmSync(filler, { force: true });
    started?.child.kill('SIGINT');
    await started?.exited;
  }, 60_000);

  // Passed in CI on a clean clone (2026-12-03 20:10) once the restart waits for 64 MB free; under a load
  // of 15-28 the restarted Neo4j was twice not healthy within 150 s of space being freed.
  it('answers 503 while Neo4j is out of space, restarts it once space is back, and keeps every acknowledged write', async () => {
    const acknowledged: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const answer = await addSource(`before-${i}`);
      expect(answer.body.data).toEqual({ addSource: { outcome: 'CREATED' } });
      acknowledged.push(`source/enospc-before-${i}`);
    }
    fill(filler, 0);
    // Writes of 100 kB each until Neo4j runs out of space; each either committed (and counted) or refused with 503.
    const text = 'x'.repeat(100_000);
    const refused: { status: number; code?: string }[] = [];
    for (let i = 0; i < 200 && refused.length < 3; i += 1) {
      const answer = await addSource(`filling-${i}`, text);
      if (answer.body.data?.addSource?.outcome === 'CREATED') acknowledged.push(`source/enospc-filling-${i}`);
      else refused.push({ status: answer.status, code: answer.body.errors?.[0]?.extensions?.code });
    }
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused)
      expect(r).toEqual({
        status: 503,
        code: expect.stringMatching(/^(STORAGE_FULL|DATABASE_UNAVAILABLE|UNKNOWN_OUTCOME|TIMEOUT)$/),
      });
    const health = await fetch(url.replace('/graphql', '/healthz'));
    expect(health.status).toBe(503);

    rmSync(filler);
    const back = Date.now();
    let status = 0;
    while (Date.now() - back < 150_000 && status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      status = (await fetch(url.replace('/graphql', '/healthz'))).status;
    }
    console.log(
      `fullDisk.test: Neo4j out of space, ${acknowledged.length} writes acknowledged, then ${refused.map((r) => r.code).join(', ')}; healthy ${((Date.now() - back) / 1000).toFixed(1)} s after space was freed`,
    );
    expect(status).toBe(200);
    expect(started.output()).toContain('"msg":"Neo4j needs a restart"');
    expect(started.output()).toContain('"msg":"local Neo4j restarted"');
    // In pages of 25 (the alias limit is 30): each acknowledged write has its one CREATE revision.
    for (let at = 0; at < acknowledged.length; at += 25) {
      const page = acknowledged.slice(at, at + 25);
      const ids = page.map((id, i) => `h${i}: history(id: ${JSON.stringify(id)}) { action }`).join(' ');
      const history = await postGraphQL(url, `{ ${ids} }`);
      expect(Object.values(history.body.data ?? {})).toEqual(page.map(() => [{ action: 'CREATE' }]));
    }
    expect((await addSource('after')).body.data).toEqual({ addSource: { outcome: 'CREATED' } });
  }, 400_000);
});
