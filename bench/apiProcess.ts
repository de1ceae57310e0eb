import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { repoPath } from '../src/paths';
import { freePort } from '../src/neo4j/startupChecks';

/**
 * `npm start`'s entry point (dist/src/main.js) as a child process on its own embedded Neo4j, for
 * the fault benchmarks (soak, outage): rate limits off, started and ready, stopped when the bench
 * exits. Its output is kept (the first 100 kB) for errors, and copied to `logFile` when given.
 */
export interface ApiProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  base: string;
  output(): string;
}

/** The reads the fault benchmarks send, round robin: an entity, a timeline, moves, a search, a hub's neighbourhood. */
export const READS = [
  '{ entity(id: "org/moonshot-ai") { name sourceCount } }',
  '{ timeline(entity: "org/moonshot-ai", first: 20) { edges { node { kind date summary } } } }',
  '{ talentMoves(first: 20) { totalCount edges { node { mover { name } to { name } } } } }',
  '{ search(text: "月之暗面") { id name } }',
  '{ neighborhood(id: "org/bytedance", depth: 2, limit: 200) { nodes { nodeId } } }',
];

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pids of the embedded Neo4j JVMs whose data folder is `dataDir`. */
export const neo4jPids = (dataDir: string) =>
  execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('kg.launcher.Launcher') && line.includes(dataDir))
    .map((line) => Number(line.trim().split(/\s+/)[0]));

/** The q-quantile of sorted values (NaN for none). */
export const quantileOf = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

export async function startApiProcess(options: {
  dataDir: string;
  /** The entry point to run (another build's, to compare): dist/src/main.js by default. */
  main?: string;
  boltPort?: number;
  env?: Record<string, string>;
  logFile?: string;
}): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [options.main ?? repoPath('dist', 'src', 'main.js')], {
    cwd: repoPath(),
    env: {
      ...process.env,
      NEO4J_LOCAL_DIR: options.dataDir,
      NEO4J_LOCAL_PORT: String(options.boltPort ?? (await freePort())),
      PORT: String(port),
      RATE_LIMIT_IP_PER_SECOND: '0',
      RATE_LIMIT_PRINCIPAL_PER_SECOND: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Whatever happens, the API (and with it its Neo4j) is stopped when the bench exits.
  process.once('exit', () => {
    if (child.exitCode === null) child.kill('SIGINT');
  });
  let out = '';
  const log = options.logFile ? createWriteStream(options.logFile) : undefined;
  const keep = (d: Buffer) => {
    if (out.length < 100_000) out += d.toString();
    log?.write(d);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  for (let i = 0; !/GraphQL API ready at/.test(out); i += 1) {
    if (i > 600 || child.exitCode !== null) throw new Error(`the API did not start: ${out.slice(-2000)}`);
    await sleep(500);
  }
  return { child, base: `http://127.0.0.1:${port}`, output: () => out };
}
