import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, postGraphQL, startMain, waitForUrl } from '../support/process';

/** `npm start`'s entry point, as a process: the start-up sequence, its failures and its shutdown. */
describe('npm start (dist/src/main.js)', () => {
  it('fails in one line naming the URI when Neo4j cannot be reached', async () => {
    const started = startMain({ NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(await started.exited).toBe(1);
    expect(started.stderr()).toMatch(/^error: cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1: .+\n$/);
  });

  it('fails in one line naming the variable on bad configuration', async () => {
    const started = startMain({ PORT: 'eighty' });
    expect(await started.exited).toBe(1);
    expect(started.stderr()).toMatch(/^error: invalid configuration: PORT: .+\n$/);
    // The logger is made before the configuration is checked: an unknown level must not crash it first.
    const verbose = startMain({ LOG_LEVEL: 'verbose' });
    expect(await verbose.exited).toBe(1);
    expect(verbose.stderr()).toMatch(/^error: invalid configuration: LOG_LEVEL: .+\n$/);
  });

  it('says the API’s port is taken before it does any work', async () => {
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const started = Date.now();
      // No NEO4J_URI: were the port checked late, this would first start a local Neo4j.
      const run = startMain({
        PORT: String(port),
        NEO4J_LOCAL_DIR: path.join(os.tmpdir(), `kg-unused-${process.pid}`),
      });
      expect(await run.exited).toBe(1);
      expect(run.stderr()).toBe(
        `error: PORT ${port} on 127.0.0.1 is in use (another npm start?); stop it or set PORT to another port\n`,
      );
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      busy.close();
    }
  });

  it('serves GraphQL on a given NEO4J_URI and stops on SIGTERM', async () => {
    const port = await freePort();
    const started = startMain({ NEO4J_URI: process.env.TEST_NEO4J_URI!, PORT: String(port) });
    const url = await waitForUrl(started);
    expect(url).toBe(`http://127.0.0.1:${port}/graphql`);
    const { body } = await postGraphQL(url, '{ health { status entities } }');
    expect(body.data.health.status).toBe('ok');
    expect(body.data.health.entities).toBeGreaterThan(0);
    const healthz = await fetch(url.replace('/graphql', '/healthz'));
    expect(healthz.status).toBe(200);
    expect(await healthz.json()).toMatchObject({ status: 'ok', neo4jVersion: expect.stringMatching(/^5\.26\./) });
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });

  it('starts its own Neo4j when NEO4J_URI is unset, on a fresh folder with a 300 ms request timeout (start-up has its own), refuses a second start on the same folder, keeps the data across restarts, and leaves no java behind', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kg-local-'));
    const env = async () => ({
      NEO4J_LOCAL_DIR: dataDir,
      NEO4J_LOCAL_PORT: String(await freePort()),
      NEO4J_LOCAL_HEAP_MB: '512',
      NEO4J_LOCAL_PAGECACHE_MB: '64',
      PORT: String(await freePort()),
    });
    try {
      const counts: unknown[] = [];
      for (let run = 0; run < 2; run += 1) {
        // The first run migrates and seeds the fresh folder, which takes far longer than 300 ms per transaction.
        const started = startMain({ ...(await env()), ...(run === 0 ? { NEO4J_TX_TIMEOUT_MS: '300' } : {}) });
        const url = await waitForUrl(started, 240_000);
        // With a 300 ms request timeout a cold first read may still time out: the start-up is what is under test.
        let body = (await postGraphQL(url, '{ health { entities events } }')).body;
        for (let retry = 0; retry < 5 && !body.data?.health; retry += 1)
          body = (await postGraphQL(url, '{ health { entities events } }')).body;
        counts.push(body.data.health);
        if (run === 0) {
          const second = startMain(await env());
          expect(await second.exited).toBe(1);
          expect(second.stderr()).toMatch(
            new RegExp(
              `^error: the data folder ${dataDir} is in use by process ${started.child.pid} \\(another npm start\\?\\); stop it or set NEO4J_LOCAL_DIR to another folder\n$`,
            ),
          );
        }
        started.child.kill('SIGINT');
        expect(await started.exited).toBe(0);
        expect(javaProcessesUsing(dataDir)).toEqual([]);
      }
      expect(counts[1]).toEqual(counts[0]);
      expect((counts[0] as { entities: number }).entities).toBeGreaterThan(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 400_000);
});

function javaProcessesUsing(dataDir: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes('kg.launcher.Launcher') && line.includes(dataDir));
}
