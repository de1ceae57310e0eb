import type { Executor } from '../neo4j/executor';
import { createLoaders, type Loaders } from './loaders';

/** Who makes a request, as authentication found it. */
export interface Principal {
  id: string;
  role: 'editor' | 'admin';
  via: 'api-key' | 'jwt';
}

/** What every resolver gets: the request's executor (with its round-trip count), its batch loaders and its principal. */
export interface Context {
  db: Executor;
  loaders: Loaders;
  principal: Principal | null;
}

export function createContext(base: Executor, principal: Principal | null = null): Context {
  const db = base.forRequest();
  return { db, loaders: createLoaders(db), principal };
}
