import type { Logger } from '../logger';
import type { Executor } from '../neo4j/executor';
import { adminStore } from '../store/admin.store';
import { factsStore } from '../store/facts.store';
import { statsStore } from '../store/stats.store';

/**
 * Derived data: values the writer keeps in step with the facts on every write, so that reads stay
 * index-bounded at a million nodes (an entity's degree and sort keys, event tallies). A bulk load
 * (src/generate) bypasses the writer, and a new formula invalidates what was stored; both are
 * caught here: each step has a version, the graph records the versions it was computed with, and
 * a step whose version differs is recomputed over the whole graph.
 */
export interface DerivedStep {
  name: string;
  /** Bump when the formula changes: every graph recomputes the step once. */
  version: number;
  recomputeAll(db: Executor): Promise<number>;
}

export const DERIVED_STEPS: readonly DerivedStep[] = [
  { name: 'entityStats', version: 1, recomputeAll: (db) => factsStore.refreshAllEntityStats(db) },
  // Event counts per (kind, period) and talent moves per destination (cypher/queries/stats.cypher).
  { name: 'eventTallies', version: 1, recomputeAll: (db) => statsStore.recomputeAllTallies(db) },
];

/** Recomputes the steps this graph lacks (all of them with `force`); returns their names. */
export async function ensureDerived(
  db: Executor,
  logger: Logger,
  options: { force?: boolean } = {},
): Promise<string[]> {
  const stored = options.force ? {} : await adminStore.derivedVersions(db);
  const stale = DERIVED_STEPS.filter((step) => stored[step.name] !== step.version);
  for (const step of stale) {
    const started = Date.now();
    const count = await step.recomputeAll(db);
    logger.info({ step: step.name, count, ms: Date.now() - started }, 'derived data recomputed');
  }
  if (stale.length)
    await adminStore.recordDerivedVersions(db, Object.fromEntries(DERIVED_STEPS.map((s) => [s.name, s.version])));
  return stale.map((s) => s.name);
}
