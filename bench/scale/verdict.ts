import os from 'node:os';
import type { Row } from '../timing';

/**
 * What makes a scale run's figures citable (issue 20, part 5): every case timed in at least
 * MIN_REQUESTS requests per path, and the machine's 1-minute load average never above its core count
 * while the cases ran (sampled every LOAD_SAMPLE_MS). A run that breaks either is printed as not
 * clean, with the reason; its verdicts are not to be written in docs/performance.md.
 */
export const MIN_REQUESTS = 50;
export const TARGET_P99_MS = 100;
const LOAD_SAMPLE_MS = 2_000;

export interface LoadWatch {
  /** The 1-minute load average now. */
  now(): number;
  stop(): { min: number; max: number; samples: number };
}

export function watchLoad(): LoadWatch {
  let min = Infinity;
  let max = 0;
  let samples = 0;
  const sample = () => {
    const load = os.loadavg()[0]!;
    min = Math.min(min, load);
    max = Math.max(max, load);
    samples += 1;
    return load;
  };
  sample();
  const timer = setInterval(sample, LOAD_SAMPLE_MS);
  timer.unref();
  return {
    now: sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return { min, max, samples };
    },
  };
}

/** The first three names of a list of cases, and how many more. */
const names = (rows: Row[]) =>
  rows
    .slice(0, 3)
    .map((r) => r.name)
    .join('; ') + (rows.length > 3 ? ` and ${rows.length - 3} more` : '');

export interface Verdict {
  clean: boolean;
  reasons: string[];
  /** Cases whose API p99 is at or over the target, slowest first. */
  over: Row[];
  lines: string[];
}

export function verdict(
  rows: Row[],
  load: { min: number; max: number },
  errors: string[] = [],
  cores = os.cpus().length,
): Verdict {
  const reasons: string[] = [];
  if (errors.length) reasons.push(`${errors.length} case(s) failed: ${errors.join('; ')}`);
  if (load.max > cores)
    reasons.push(`the 1-minute load average reached ${load.max.toFixed(1)}, above the ${cores} cores`);
  const short = rows.filter((r) => r.n < MIN_REQUESTS);
  if (short.length)
    reasons.push(`${short.length} case(s) timed in fewer than ${MIN_REQUESTS} requests: ${names(short)}`);
  const over = rows.filter((r) => !(r.apiHigh < TARGET_P99_MS)).sort((a, b) => b.apiHigh - a.apiHigh);
  const clean = reasons.length === 0;
  const lines = [
    `load average (1 min) during the cases: ${load.min.toFixed(1)}–${load.max.toFixed(1)} on ${cores} cores`,
    clean ? 'run: CLEAN (verdicts below may be cited)' : `run: NOT CLEAN — ${reasons.join('; ')}`,
    over.length
      ? `API p99 at or over ${TARGET_P99_MS} ms: ${over.length} of ${rows.length} cases: ${over.map((r) => `${r.name} ${r.apiHigh.toFixed(0)} ms`).join('; ')}`
      : `API p99 under ${TARGET_P99_MS} ms: all ${rows.length} cases`,
  ];
  return { clean, reasons, over, lines };
}
