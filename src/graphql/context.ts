import type { Executor } from '../neo4j/executor';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver gets: the request's executor (with its round-trip count) and its batch loaders. */
export interface Context {
  db: Executor;
  loaders: Loaders;
}

export function createContext(base: Executor): Context {
  const db = base.forRequest();
  return { db, loaders: createLoaders(db) };
}
