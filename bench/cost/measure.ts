import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { GraphQLSchema } from 'graphql';
import { parse } from 'graphql';
import { simpleEstimator } from 'graphql-query-complexity';
import type { App } from '../../src/http/app';
import { createContext } from '../../src/graphql/context';
import { costEstimator, costOf } from '../../src/guard/cost';
import type { Executor } from '../../src/neo4j/executor';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU time (user + system, ms) a process has used so far, from /proc/<pid>/stat; undefined when unreadable. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) in parentheses: utime is the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
  } catch {
    return undefined;
  }
}

/** The pid of the embedded Neo4j (its launcher JVM) whose data folder is `dataDir`. */
export function neo4jPid(dataDir: string): number | undefined {
  const line = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
    .split('\n')
    .find((l) => l.includes('kg.launcher.Launcher') && l.includes(dataDir));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

export interface CpuSample {
  /** The API's own CPU (process.cpuUsage around the request, in-process). */
  apiMs: number;
  /** Neo4j's JVM CPU over the same interval (/proc/<pid>/stat, 10 ms ticks); 0 when not measurable. */
  neo4jMs: number;
  wallMs: number;
  errors: string[];
}

/** Runs `query` once through the app in-process and measures what it cost in CPU, on both sides. */
export async function measureOnce(app: App, db: Executor, query: string, jvm?: number): Promise<CpuSample> {
  const jvmBefore = processCpuMs(jvm);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const response = await app.apollo.executeOperation({ query }, { contextValue: createContext(db) });
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const jvmAfter = processCpuMs(jvm);
  const errors =
    response.body.kind === 'single'
      ? (response.body.singleResult.errors ?? []).map((e) =>
          typeof e.extensions?.code === 'string' ? e.extensions.code : e.message,
        )
      : ['NOT_SINGLE'];
  return {
    apiMs: (used.user + used.system) / 1000,
    neo4jMs: jvmBefore !== undefined && jvmAfter !== undefined ? jvmAfter - jvmBefore : 0,
    wallMs,
    errors,
  };
}

/** The median sample (by total CPU) of `runs` runs after `warmup` unmeasured ones. */
export async function measure(
  app: App,
  db: Executor,
  query: string,
  { jvm, runs = 3, warmup = 1 }: { jvm?: number; runs?: number; warmup?: number } = {},
): Promise<CpuSample> {
  for (let i = 0; i < warmup; i += 1) await measureOnce(app, db, query, jvm);
  const samples: CpuSample[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await measureOnce(app, db, query, jvm));
  samples.sort((a, b) => a.apiMs + a.neo4jMs - (b.apiMs + b.neo4jMs));
  return samples[Math.floor(samples.length / 2)];
}

/** The estimated cost of `query` (the guard's own estimator, src/guard/cost.ts). */
export function estimate(schema: GraphQLSchema, query: string): number {
  return costOf({
    schema,
    query: parse(query),
    variables: {},
    estimators: [costEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

/**
 * The most expensive document the limit lets through, built from the model: as many aliases of
 * `field` (a root field's selection, e.g. `neighborhood(id: "x", depth: 3, limit: 500) { … }`) as
 * fit under `maxCost` and `maxAliases`.
 */
export function costliestDocument(schema: GraphQLSchema, field: string, maxCost: number, maxAliases: number) {
  const one = estimate(schema, `{ ${field} }`);
  const copies = Math.max(1, Math.min(maxAliases, Math.floor(maxCost / one)));
  const query = `{ ${Array.from({ length: copies }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
  return { query, copies, cost: estimate(schema, query) };
}
