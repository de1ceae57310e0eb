import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  /** Fills the filesystem up to `leaveMb` free. */
  const fill = (leaveMb: number) => {
    const { bavail, bsize } = statfsSync(mountPoint);
    const bytes = Number(bavail) * Number(bsize) - leaveMb * 2 ** 20;
    execFileSync('fallocate', ['-l', String(bytes), filler]);
  };
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
    execFileSync('umount', ['-l', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  }, 60_000);

  it('refuses writes with 503 STORAGE_FULL while the disk is full, keeps reads, and writes again once space is freed', async () => {
    expect((await addSource('before')).body.data).toEqual({ addSource: { outcome: 'CREATED' } });
    const fine = await healthz();
    expect(fine).toMatchObject({ status: 200, body: { status: 'ok', storage: { full: false } } });

    fill(MIN_FREE_MB / 2);
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

  it('will not start on a full disk: one line saying what to do, exit code 1', async () => {
    started.child.kill('SIGINT');
    await started.exited;
    fill(MIN_FREE_MB / 2);
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
