import { loadCypherFile } from '../cypher/cypherFiles';
import { writeFacts } from '../facts/factWriter';
import type { Logger } from '../logger';
import type { Executor } from '../neo4j/executor';
import { readSeedData } from './seedData';

const queries = loadCypherFile('seed/seed.cypher', ['seedState', 'recordSeedState']);

/**
 * Loads the seed data when the graph lacks it or the files changed since the last load (their
 * checksum is recorded in the graph). One write transaction: the seed lands whole or not at all,
 * through the same checked writer as the API's mutations.
 */
export async function seed(db: Executor, logger: Logger, options: { force?: boolean } = {}): Promise<boolean> {
  const data = readSeedData();
  const [state] = await db.read(queries.seedState);
  if (!options.force && state?.checksum === data.checksum) {
    logger.info('seed data already loaded');
    return false;
  }
  await db.writeAll('seed', async (run) => {
    await writeFacts(run, data);
    await run(queries.recordSeedState, { checksum: data.checksum });
  });
  logger.info(
    { entities: data.entities.length, relationships: data.relationships.length, events: data.events.length },
    'seed data loaded',
  );
  return true;
}
