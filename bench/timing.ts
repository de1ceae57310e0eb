import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Driver } from 'neo4j-driver';
import { toDriverValue } from '../src/neo4j/toNative';
import { asError } from '../src/errors';

/**
 * What both benchmarks share: the bare-driver baseline and the API over HTTP, timed interleaved
 * round by round so the machine's noise hits both alike, and the table of percentiles and ratios.
 */
export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

export interface Paths {
  name: string;
  /** The baseline: the same Cypher through the bare driver. */
  driver: () => Promise<void>;
  /** The API over HTTP. */
  api: () => Promise<void>;
}

export interface Samples {
  name: string;
  driver: number[];
  api: number[];
}

/** Runs statements one after another, each in its own read transaction, as the API's Executor does. */
export function bareDriver(driver: Driver, database: string): (statements: Statement[]) => Promise<void> {
  return async (statements) => {
    for (const s of statements) {
      const session = driver.session({ database, defaultAccessMode: 'READ' });
      try {
        await session.executeRead((tx) => tx.run(s.cypher, toDriverValue(s.params) as Record<string, unknown>));
      } finally {
        await session.close();
      }
    }
  };
}

/**
 * POSTs a GraphQL operation over one kept-alive connection; GraphQL errors fail the benchmark
 * rather than time an error. node:http rather than fetch: the client runs in the bench's process,
 * and undici's fetch costs 0.4–1.5 ms of its own per request, which is not the API's.
 */
export function graphqlOverHttp(url: string): (name: string, query: string) => Promise<unknown> {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return (name, query) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ query });
      const request = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
                data?: unknown;
                errors?: unknown[];
              };
              if (parsed.errors) reject(new Error(`${name}: ${JSON.stringify(parsed.errors)}`));
              else resolve(parsed.data);
            } catch (error) {
              reject(asError(error));
            }
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
}

export interface RoundOptions {
  rounds: number;
  perRound: number;
  warmup: number;
}

/** `rounds` × (`perRound` baseline runs, then `perRound` API runs), after `warmup` of each. */
export async function timeInterleaved(paths: Paths, { rounds, perRound, warmup }: RoundOptions): Promise<Samples> {
  for (let i = 0; i < warmup; i += 1) {
    await paths.driver();
    await paths.api();
  }
  const samples: Samples = { name: paths.name, driver: [], api: [] };
  const time = async (fn: () => Promise<void>, out: number[]) => {
    for (let i = 0; i < perRound; i += 1) {
      const start = performance.now();
      await fn();
      out.push(performance.now() - start);
    }
  };
  for (let round = 0; round < rounds; round += 1) {
    await time(paths.driver, samples.driver);
    await time(paths.api, samples.api);
  }
  return samples;
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export interface Row {
  name: string;
  driverP50: number;
  apiP50: number;
  ratio: number;
  driverHigh: number;
  apiHigh: number;
  n: number;
}

export function summarise(samples: Samples, high: number): Row {
  const [driverP50, apiP50] = [quantile(samples.driver, 0.5), quantile(samples.api, 0.5)];
  return {
    name: samples.name,
    driverP50,
    apiP50,
    ratio: apiP50 / driverP50,
    driverHigh: quantile(samples.driver, high),
    apiHigh: quantile(samples.api, high),
    n: samples.api.length,
  };
}

const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`);

/** A fixed-width table for the terminal; `high` is the upper percentile shown (0.95, 0.99). */
export class Table {
  private readonly pct: string;

  constructor(
    private readonly nameWidth: number,
    high: number,
  ) {
    this.pct = `p${Math.round(high * 100)}`;
  }

  header(): string {
    return [
      'case'.padEnd(this.nameWidth),
      'driver p50'.padStart(11),
      'API p50'.padStart(10),
      'ratio'.padStart(7),
      `driver ${this.pct}`.padStart(11),
      `API ${this.pct}`.padStart(10),
    ].join(' ');
  }

  row(r: Row): string {
    return [
      r.name.padEnd(this.nameWidth),
      ms(r.driverP50).padStart(11),
      ms(r.apiP50).padStart(10),
      `${r.ratio.toFixed(2)}×`.padStart(7),
      ms(r.driverHigh).padStart(11),
      ms(r.apiHigh).padStart(10),
    ].join(' ');
  }
}

/** The 1-, 5- and 15-minute load averages, as every benchmark prints them. */
export const loadAverage = (digits = 1): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(digits))
    .join(' ');

/** CPU model, cores and memory, printed with every result: compare ratios, not milliseconds. */
export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, load average ${loadAverage()}`;
}
