import type { Principal } from '../auth/principal';
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
}

/** `deadlineMs`: how long the request may take in all (REQUEST_DEADLINE_MS); no transaction outlives it. */
export function createContext(base: Executor, principal: Principal | null = null, deadlineMs?: number): Context {
  const db = base.forRequest(deadlineMs);
  return { db, loaders: createLoaders(db), principal };
}
