import type { Executor } from '../neo4j/executor';

/** Per-request DataLoaders: nested fields batch into one query per field, whatever the row count. */
export type Loaders = ReturnType<typeof createLoaders>;

export function createLoaders(_db: Executor) {
  return {};
}
