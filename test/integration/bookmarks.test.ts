import { loadConfig } from '../../src/config';
import { logger } from '../../src/logger';
import { sharedBookmarks } from '../../src/neo4j/bookmarks';
import { connectDriver } from '../../src/neo4j/connection';
import { Executor } from '../../src/neo4j/executor';

/** Causal chaining behind routing URIs: one bookmark manager for all the executor's sessions. */
describe('bookmarks', () => {
  const uri = process.env.TEST_NEO4J_URI!;
  const { NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE } = loadConfig({});
  const id = `test-bookmarks-${process.pid}`;
  const write = { name: 'write', cypher: 'CREATE (:BookmarkTest {id: $id})' };
  const read = { name: 'read', cypher: 'MATCH (n:BookmarkTest {id: $id}) RETURN count(n) AS n' };

  it('behind neo4j://, every session shares one manager: a read in a new session carries the write’s bookmark and sees it', async () => {
    const driver = await connectDriver(uri.replace(/^bolt/, 'neo4j'), NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE);
    try {
      const manager = sharedBookmarks(driver)!;
      expect(manager).toBeDefined();
      const db = new Executor(driver, NEO4J_DATABASE, logger, 10_000);
      await db.forRequest().write(write, { id });
      const afterWrite = await manager.getBookmarks();
      expect(afterWrite).toHaveLength(1);
      expect(await db.forRequest().read(read, { id })).toEqual([{ n: 1 }]);
      expect(await manager.getBookmarks()).toEqual(afterWrite); // a read adds no newer state
    } finally {
      await driver.executeQuery('MATCH (n:BookmarkTest {id: $id}) DELETE n', { id });
      await driver.close();
    }
  });

  it('on a single server (bolt://) sessions carry none: every committed write is visible, and bookmarks cost throughput', async () => {
    const driver = await connectDriver(uri, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE);
    try {
      expect(sharedBookmarks(driver)).toBeUndefined();
    } finally {
      await driver.close();
    }
  });
});
