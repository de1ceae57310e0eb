import type { Logger } from '../logger';
import type { Reader } from '../neo4j/executor';
import { changesStore, NO_UPPER, type ChangeRow } from '../store/changes.store';
import { textOf } from '../errors';

export interface TailerOptions {
  /** How long a poll that found nothing new waits before the next (CHANGES_POLL_MS). */
  pollMs: number;
  /** Most changes read by one poll. */
  batch: number;
  /** How long a hole in the numbers is waited out before it is skipped (only a deleted change leaves one). */
  gapWaitMs: number;
}

export const DEFAULT_TAILER_OPTIONS: TailerOptions = { pollMs: 100, batch: 1_000, gapWaitMs: 10_000 };

/** What the tailer feeds: every change after the head it joined at, in log order, or the failure that stopped it. */
export interface ChangeListener {
  deliver(changes: ChangeRow[]): void;
  fail(error: unknown): void;
}

/**
 * One per API instance: reads the change log forward from the change_seq index while anyone
 * listens, and hands each listener every new change in order. No broker: every instance on the
 * same Neo4j tails the same log, so a write through one reaches subscribers of all.
 *
 * The log's numbers are dense (cypher/queries/changes.cypher appendChanges), so the tailer only
 * moves over an unbroken run: a poll that sees 7 but not 6 (6 committed first, but the index read
 * passed its place before it landed) stops at 5 and reads again.
 */
export class ChangeTailer {
  /** Every change numbered up to here has been read and delivered. */
  head = 0;
  private readonly listeners = new Set<ChangeListener>();
  private started: Promise<void> | null = null;
  private gapSince: number | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly read: Reader,
    private readonly logger: Logger,
    private readonly options: TailerOptions = DEFAULT_TAILER_OPTIONS,
  ) {}

  get listening(): number {
    return this.listeners.size;
  }

  /**
   * Joins the live feed. Resolves to the head: every change numbered up to it is committed and
   * readable by any read that starts now, and the listener gets every change after it.
   */
  async join(listener: ChangeListener): Promise<number> {
    this.listeners.add(listener);
    try {
      await this.start();
    } catch (error) {
      this.listeners.delete(listener);
      throw error;
    }
    return this.head;
  }

  leave(listener: ChangeListener): void {
    this.listeners.delete(listener);
    if (!this.listeners.size) this.wake?.();
  }

  /** Stops tailing (the API is closing); listeners are told with `error`. */
  stop(error: unknown): void {
    const listeners = [...this.listeners];
    this.listeners.clear();
    for (const l of listeners) l.fail(error);
    this.wake?.();
  }

  private start(): Promise<void> {
    if (!this.started) {
      const started = changesStore.last(this.read).then((seq) => {
        this.head = seq;
        this.gapSince = null;
        void this.loop();
      });
      started.catch(() => {
        if (this.started === started) this.started = null;
      });
      this.started = started;
    }
    return this.started;
  }

  private async loop(): Promise<void> {
    while (this.listeners.size) {
      let read: number;
      try {
        read = await this.poll();
      } catch (error) {
        this.logger.warn({ err: textOf(error) }, 'change log tailing stopped');
        const listeners = [...this.listeners];
        this.listeners.clear();
        for (const l of listeners) l.fail(error);
        break;
      }
      if (read < this.options.batch && this.listeners.size) await this.sleep(this.options.pollMs);
    }
    // Checked and cleared in one synchronous step: a join from now on starts a new loop.
    this.started = null;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  /** Reads and delivers the unbroken run of changes after the head; returns how many. */
  private async poll(): Promise<number> {
    const rows = await changesStore.page(
      this.read,
      this.head,
      NO_UPPER,
      { kinds: null, targets: null },
      this.options.batch,
    );
    let run = 0;
    while (run < rows.length && rows[run]!.seq === this.head + run + 1) run += 1;
    if (run === 0 && rows.length) {
      const now = Date.now();
      this.gapSince ??= now;
      if (now - this.gapSince < this.options.gapWaitMs) return 0;
      this.logger.warn({ after: this.head, next: rows[0]!.seq }, 'change log: numbers missing for too long, skipped');
      run = 1;
      while (run < rows.length && rows[run]!.seq === rows[0]!.seq + run) run += 1;
    }
    this.gapSince = null;
    if (!run) return 0;
    const changes = rows.slice(0, run);
    this.head = changes[changes.length - 1]!.seq;
    for (const l of this.listeners) l.deliver(changes);
    return run;
  }
}
