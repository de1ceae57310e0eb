import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoPath } from '../src/paths';
import { neo4jPids, quantileOf, READS, sleep, startApiProcess } from './apiProcess';
import { loadAverage, machine } from './timing';

/**
 * npm run bench:outage (issue 17, part 4): how long requests wait for their answer once Neo4j is
 * gone, under load. `npm start`'s entry point (OUTAGE_MAIN, default dist/src/main.js) on a fresh
 * data folder with its embedded Neo4j, OUTAGE_CONNECTIONS (100) clients sending reads back to back
 * (a hub's neighbourhood among them, so the pool of 50 connections is full and calls queue for it);
 * after OUTAGE_WARMUP_SECONDS (20) Neo4j is killed (SIGKILL; the API restarts it), or hung for
 * OUTAGE_HANG_SECONDS with OUTAGE_MODE=hang (SIGSTOP, then SIGCONT). Until /healthz is 200 again
 * it records, for every answer, how long it came after max(request sent, fault): the wait a client
 * had once Neo4j was gone. Prints them by code with p50/p90/p99/max, and how many waited over 2 s.
 * Run it under `flock /tmp/bench.lock`.
 */
const CONNECTIONS = Number(process.env.OUTAGE_CONNECTIONS ?? 100);
const WARMUP_SECONDS = Number(process.env.OUTAGE_WARMUP_SECONDS ?? 20);
const MODE = process.env.OUTAGE_MODE === 'hang' ? 'hang' : 'kill';
const HANG_SECONDS = Number(process.env.OUTAGE_HANG_SECONDS ?? 15);
const MAIN = process.env.OUTAGE_MAIN ?? repoPath('dist', 'src', 'main.js');

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kg-outage-'));
  const { child, base } = await startApiProcess({
    dataDir,
    main: MAIN,
    boltPort: process.env.OUTAGE_BOLT_PORT ? Number(process.env.OUTAGE_BOLT_PORT) : undefined,
    env: { LOG_LEVEL: 'error' },
  });
  console.log(`outage: ${CONNECTIONS} connections, ${MODE} after ${WARMUP_SECONDS} s; machine: ${machine()}`);

  let faultAt = Infinity;
  let stop = false;
  const after = new Map<string, number[]>();
  /** When (s after the fault) the answers that waited over 2 s came, by code. */
  const lateAt = new Map<string, number[]>();
  /** Each distinct error message met. */
  const messages = new Map<string, number>();
  let beforeFault = 0;
  const worker = async (w: number) => {
    for (let n = w; !stop; n += 1) {
      const sent = performance.now();
      let code: string;
      try {
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: READS[n % READS.length] }),
          signal: AbortSignal.timeout(60_000),
        });
        const answer = (await response.json()) as { errors?: { message?: string; extensions?: { code?: string } }[] };
        code = `${response.status} ${answer.errors?.[0]?.extensions?.code ?? 'OK'}`;
        if (answer.errors?.length) messages.set(`${code}: ${answer.errors[0]!.message ?? ''}`, 0);
      } catch (error) {
        code = `CLIENT_${(error as Error).name}`;
      }
      const answered = performance.now();
      if (answered < faultAt) beforeFault += 1;
      else {
        const wait = answered - Math.max(sent, faultAt);
        after.set(code, [...(after.get(code) ?? []), wait]);
        if (wait > 2_000) lateAt.set(code, [...(lateAt.get(code) ?? []), (answered - faultAt) / 1000]);
      }
      if (!code.startsWith('200')) await sleep(100); // a refused client backs off a little
    }
  };
  const workers = Array.from({ length: CONNECTIONS }, (_, w) => worker(w));
  await sleep(WARMUP_SECONDS * 1000);
  const [pid] = neo4jPids(dataDir);
  const loadAtFault = loadAverage();
  faultAt = performance.now();
  process.kill(pid!, MODE === 'kill' ? 'SIGKILL' : 'SIGSTOP');
  if (MODE === 'hang') {
    await sleep(HANG_SECONDS * 1000);
    process.kill(pid!, 'SIGCONT');
  }
  let healthyAt = NaN;
  const healthz: string[] = [];
  for (let i = 0, last = 0; i < 600; i += 1) {
    await sleep(500);
    const status = await fetch(`${base}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status !== last) healthz.push(`t+${((performance.now() - faultAt) / 1000).toFixed(1)} s ${status}`);
    last = status;
    if (status === 200) {
      healthyAt = performance.now();
      break;
    }
  }
  stop = true;
  await Promise.all(workers);
  child.kill('SIGINT');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });

  console.log(
    `load average at the ${MODE}: ${loadAtFault}, at the end: ${loadAverage()}; healthy again ${((healthyAt - faultAt) / 1000).toFixed(1)} s after it; ${beforeFault} answers before it`,
  );
  console.log(`/healthz after the ${MODE}: ${healthz.join(', ')}`);
  for (const [code, at] of lateAt) {
    const bySecond = new Map<number, number>();
    for (const t of at) bySecond.set(Math.floor(t / 5) * 5, (bySecond.get(Math.floor(t / 5) * 5) ?? 0) + 1);
    console.log(
      `${code} answers that waited over 2 s, by when they came (s after the ${MODE}: count): ${[...bySecond]
        .sort((a, b) => a[0] - b[0])
        .map(([t, n]) => `${t}-${t + 5}: ${n}`)
        .join(', ')}`,
    );
  }
  console.log(`error messages: ${[...messages.keys()].join(' | ')}`);
  console.log('answers after the fault (wait = answered − max(sent, fault)):');
  console.log('| answer | n | p50 | p90 | p99 | max | over 2 s |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [code, waits] of [...after.entries()].sort((a, b) => b[1].length - a[1].length)) {
    const s = [...waits].sort((a, b) => a - b);
    const ms = (q: number) => `${quantileOf(s, q).toFixed(0)} ms`;
    console.log(
      `| ${code} | ${s.length} | ${ms(0.5)} | ${ms(0.9)} | ${ms(0.99)} | ${s[s.length - 1]!.toFixed(0)} ms | ${s.filter((x) => x > 2_000).length} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
