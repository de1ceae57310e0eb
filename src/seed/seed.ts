import { writeFacts } from '../facts/factWriter';
import type { Logger } from '../logger';
import type { Executor } from '../neo4j/executor';
import { adminStore } from '../store/admin.store';
import { readSeedData } from './seedData';

/** Who writes the seed: its revisions name it. */
export const SEED_AUTHOR = { principal: 'seed', role: 'admin' };

/**
 * Loads the seed data when the graph lacks it or the files changed since the last load (their
 * checksum is recorded in the graph). One write transaction: the seed lands whole or not at all,
 * through the same checked writer as the API's mutations; a changed fact keeps a Revision.
 */
export async function seed(db: Executor, logger: Logger, options: { force?: boolean } = {}): Promise<boolean> {
  const data = readSeedData();
  if (!options.force && (await adminStore.seedChecksum(db)) === data.checksum) {
    logger.info('seed data already loaded');
    return false;
  }
  await db.writeAll('seed', async (run) => {
    await writeFacts(run, data, { mode: 'update', by: SEED_AUTHOR, reason: 'seed data changed' });
    await adminStore.recordSeedState(run, data.checksum);
  });
  logger.info(
    { entities: data.entities.length, relationships: data.relationships.length, events: data.events.length },
    'seed data loaded',
  );
  return true;
}
