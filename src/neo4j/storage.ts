import { existsSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { StorageFull } from '../errors';
import type { Executor } from './executor';

export interface StorageStatus {
  path: string;
  freeBytes: number | null;
  minFreeBytes: number;
  full: boolean;
}

/**
 * The free space of the embedded Neo4j's data folder, read with statfs every `intervalMs`. Below
 * `minFreeBytes` the store is full for the API: writes are refused (STORAGE_FULL) before Neo4j
 * runs out of space, since a Neo4j that hits ENOSPC panics, stays broken while its process lives,
 * and may leave a transaction log it cannot recover from. It is not full again until twice the
 * minimum is free, so a folder hovering at the edge does not flap.
 */
export class StorageWatch {
  private free: number | null = null;
  private isFull = false;
  private timer?: NodeJS.Timeout;

  constructor(
    readonly path: string,
    readonly minFreeBytes: number,
    private readonly intervalMs = 1_000,
  ) {}

  /** Reads the free space now, then every interval (the timer does not keep the process alive). */
  async start(): Promise<this> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async check(): Promise<StorageStatus> {
    try {
      const stats = await statfs(existingAncestor(this.path));
      this.free = Number(stats.bavail) * Number(stats.bsize);
      this.isFull = this.free < (this.isFull ? 2 * this.minFreeBytes : this.minFreeBytes);
    } catch {
      this.free = null; // the folder is gone or unreadable: Neo4j's own errors will say so
    }
    return this.status();
  }

  get full(): boolean {
    return this.minFreeBytes > 0 && this.isFull;
  }

  status(): StorageStatus {
    return { path: this.path, freeBytes: this.free, minFreeBytes: this.minFreeBytes, full: this.full };
  }
}

/**
 * Resolves once the watched disk has `room` bytes free, reading it every `intervalMs` (an
 * unreadable folder counts as room: Neo4j's own start then says what is wrong). For restarts: a
 * Neo4j started on a full disk cannot write its recovery and may damage its store. `onWait` is
 * called once if it has to wait. Gives up (resolves) when `signal` aborts.
 */
export async function waitForRoom(
  storage: StorageWatch,
  room: number,
  onWait: (freeBytes: number) => void = () => undefined,
  { signal, intervalMs = 1_000 }: { signal?: AbortSignal; intervalMs?: number } = {},
): Promise<void> {
  let waited = false;
  for (;;) {
    if (signal?.aborted) return;
    const { freeBytes } = await storage.check();
    if (freeBytes === null || freeBytes >= room) return;
    if (!waited) onWait(freeBytes);
    waited = true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The folder itself, or its nearest parent that exists (before a first start creates it). */
function existingAncestor(dir: string): string {
  let at = path.resolve(dir);
  while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  return at;
}

/**
 * Before the embedded Neo4j starts: its data folder's disk must have `minFreeBytes` free, or the
 * start stops with one line saying what to do (a Neo4j started on a full disk cannot recover).
 */
export async function ensureStorageFree(dir: string, minFreeBytes: number): Promise<void> {
  const status = await new StorageWatch(dir, minFreeBytes).check();
  if (!status.full) return;
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  throw new StorageFull(
    status,
    `only ${mb(status.freeBytes ?? 0)} free on the disk of ${dir}, ${mb(minFreeBytes)} needed (NEO4J_MIN_FREE_MB): free space there, then start again`,
  );
}

const WRITES = new Set<PropertyKey>(['write', 'writeAll']);

/** The executor with its writes refused (STORAGE_FULL) while the watch says the store is full: the store is not touched. Reads go on. */
export function refuseWritesWhenFull(executor: Executor, watch: StorageWatch): Executor {
  return new Proxy(executor, {
    get(target, property, receiver) {
      if (property === 'forRequest')
        return (deadlineMs?: number) => refuseWritesWhenFull(target.forRequest(deadlineMs), watch);
      const value: unknown = Reflect.get(target, property, receiver);
      if (!WRITES.has(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (watch.full) return Promise.reject(new StorageFull(watch.status()));
        return (value as (...a: unknown[]) => Promise<unknown>).apply(receiver, args);
      };
    },
  });
}
