import { loadCypherFile } from '../cypher/cypherFiles';
import type { Logger } from '../logger';
import type { Executor } from '../neo4j/executor';
import { readSeedData, toSeedRows } from './seedData';

const queries = loadCypherFile('seed/seed.cypher', [
  'upsertSources',
  'upsertEntities',
  'upsertRelationships',
  'upsertEvents',
  'seedState',
  'recordSeedState',
]);

/**
 * Loads the seed data when the graph lacks it or the files changed since the last load (their
 * checksum is recorded in the graph). One write transaction: the seed lands whole or not at all.
 */
export async function seed(db: Executor, logger: Logger, options: { force?: boolean } = {}): Promise<boolean> {
  const data = readSeedData();
  const [state] = await db.read(queries.seedState);
  if (!options.force && state?.checksum === data.checksum) {
    logger.info('seed data already loaded');
    return false;
  }
  const rows = toSeedRows(data);
  await db.writeAll('seed', async (run) => {
    await run(queries.upsertSources, { rows: rows.sources });
    await run(queries.upsertEntities, { rows: rows.entities });
    await run(queries.upsertRelationships, { rows: rows.relationships });
    await run(queries.upsertEvents, { rows: rows.events });
    await run(queries.recordSeedState, { checksum: data.checksum });
  });
  logger.info(
    { entities: rows.entities.length, relationships: rows.relationships.length, events: rows.events.length },
    'seed data loaded',
  );
  return true;
}
