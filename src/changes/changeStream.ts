import { SubscriberTooSlow, asError } from '../errors';
import type { Reader } from '../neo4j/executor';
import { changesStore, type ChangeFilter, type ChangeRow } from '../store/changes.store';
import type { ChangeListener, ChangeTailer } from './tailer';

/** Changes read per replay query. */
export const REPLAY_PAGE = 500;
/** Most live changes one subscriber may have waiting before it is told to resume from its cursor. */
export const MAX_QUEUED = 10_000;

const matches = (c: ChangeRow, f: ChangeFilter) =>
  (!f.kinds || f.kinds.includes(c.targetKind)) && (!f.targets || f.targets.includes(c.targetId));

/**
 * One subscriber's changes: those after `after` (null: from now on) that pass `filter`, each once,
 * in log order. It joins the tailer first (so nothing committed from then on can be missed),
 * replays the log from `after` up to the head it joined at, then yields the live changes after
 * that head. `return()` ends it at once, even while it waits for a change.
 */
export function changeStream(
  tailer: ChangeTailer,
  read: Reader,
  after: number | null,
  filter: ChangeFilter,
  maxQueued = MAX_QUEUED,
): AsyncGenerator<ChangeRow> {
  const state: { closed: boolean; wake: (() => void) | null } = { closed: false, wake: null };
  const generator = stream(tailer, read, after, filter, maxQueued, state);
  const close = generator.return.bind(generator);
  generator.return = (value) => {
    state.closed = true;
    state.wake?.();
    return close(value);
  };
  return generator;
}

async function* stream(
  tailer: ChangeTailer,
  read: Reader,
  after: number | null,
  filter: ChangeFilter,
  maxQueued: number,
  state: { closed: boolean; wake: (() => void) | null },
): AsyncGenerator<ChangeRow> {
  let queue: ChangeRow[] = [];
  let failure = null as Error | null; // set by the listener: `as` keeps TS from narrowing it to null
  const listener: ChangeListener = {
    deliver(changes) {
      for (const c of changes) if (matches(c, filter)) queue.push(c);
      if (queue.length > maxQueued && !failure) {
        failure = new SubscriberTooSlow(maxQueued);
        queue = [];
        tailer.leave(listener);
      }
      state.wake?.();
    },
    fail(error) {
      failure ??= asError(error);
      state.wake?.();
    },
  };
  const head = await tailer.join(listener);
  try {
    let cursor = after ?? head;
    while (cursor < head && !state.closed) {
      const page = await changesStore.page(read, cursor, head, filter, REPLAY_PAGE);
      for (const change of page) {
        cursor = change.seq;
        yield change;
      }
      if (page.length < REPLAY_PAGE) cursor = head;
    }
    while (!state.closed) {
      const ready = queue;
      queue = [];
      for (const change of ready) {
        if (change.seq <= cursor) continue;
        cursor = change.seq;
        yield change;
      }
      if (failure) throw failure;
      if (!queue.length && !state.closed) await new Promise<void>((resolve) => (state.wake = resolve));
      state.wake = null;
    }
  } finally {
    tailer.leave(listener);
  }
}
