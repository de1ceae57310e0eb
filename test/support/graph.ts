import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config';
import { logger } from '../../src/logger';
import { connectDriver } from '../../src/neo4j/connection';
import { Executor } from '../../src/neo4j/executor';
import { statsStore } from '../../src/store/stats.store';

/** A driver and executor on the test run's Neo4j (started by globalSetup). */
export async function openTestGraph(): Promise<{ driver: Driver; db: Executor; close(): Promise<void> }> {
  const uri = process.env.TEST_NEO4J_URI;
  if (!uri) throw new Error('TEST_NEO4J_URI is not set: run the integration tests through jest (globalSetup)');
  const config = loadConfig({ ...process.env, NEO4J_URI: uri });
  // Tests provoke failures on purpose; their warnings would only bury jest's report.
  logger.level = process.env.LOG_LEVEL ?? 'silent';
  const driver = await connectDriver(uri, config.NEO4J_USER, config.NEO4J_PASSWORD, config.NEO4J_DATABASE);
  const db = new Executor(driver, config.NEO4J_DATABASE, logger, 30_000);
  return { driver, db, close: () => driver.close() };
}

/**
 * Removes what one test file wrote to the shared seeded graph, found by the tag every id it wrote
 * contains: its facts, their revisions and the name forms no entity bears any more; then recounts the
 * event tallies (eventStats), which the delete bypassed the writer to change.
 */
export async function removeTagged(graph: { driver: Driver; db: Executor }, tag: string): Promise<void> {
  await graph.driver.executeQuery(
    `MATCH (n) WHERE (n.id CONTAINS $tag AND NOT n:Tally) DETACH DELETE n
     WITH count(*) AS done MATCH (r:Revision) WHERE r.targetId CONTAINS $tag DELETE r
     WITH count(*) AS done MATCH (k:Name) WHERE k.key CONTAINS $tag AND NOT (k)<-[:NAMED]-() DELETE k`,
    { tag },
  );
  await statsStore.recomputeAllTallies(graph.db);
}
