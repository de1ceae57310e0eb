import type { Principal } from '../auth/principal';
import type { ChangeTailer } from '../changes/tailer';
import type { Executor } from '../neo4j/executor';
import { createLoaders, type Loaders } from './loaders';

/**
 * What every resolver gets: the request's executor (with its round-trip count), its batch loaders,
 * and who is calling (null: anonymous; see src/auth/).
 */
export interface Context {
  db: Executor;
  loaders: Loaders;
  principal: Principal | null;
  /** The API instance's change-log tailer, which Subscription.changes listens to (null: no subscriptions here). */
  tailer: ChangeTailer | null;
}

/**
 * `deadlineMs`: how long the request may take in all (REQUEST_DEADLINE_MS); no transaction outlives it.
 * `tailer`: the instance's change-log tailer, for subscriptions.
 */
export function createContext(
  base: Executor,
  principal: Principal | null = null,
  options: { deadlineMs?: number; tailer?: ChangeTailer | null } = {},
): Context {
  const db = base.forRequest(options.deadlineMs);
  return { db, loaders: createLoaders(db), principal, tailer: options.tailer ?? null };
}
