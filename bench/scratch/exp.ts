import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../../src/db/migrations';
import { logger } from '../../src/logger';
import { connectDriver } from '../../src/neo4j/connection';
import { Executor } from '../../src/neo4j/executor';
import { startLocalNeo4j } from '../../src/neo4j/localNeo4j';

async function main() {
  logger.level = 'warn';
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kg-exp-'));
  const neo = await startLocalNeo4j({ dataDir, port: 0, heapMb: 2048, pageCacheMb: 1024, logger });
  const driver = await connectDriver(neo.uri, 'neo4j', 'neo4j', 'neo4j');
  const db = new Executor(driver, 'neo4j', logger, 30 * 60_000);
  await migrate(db, logger);
  const s = driver.session();
  const N = 5000;
  const ents = Array.from({ length: N }, (_, i) => ({ id: `org/e${i}`, label: 'Organization', props: { name: `E${i}`, key: `e${i}`, keys: [`e${i}`] } }));
  const time = async (name: string, cypher: string, params: Record<string, unknown>, reps = 3) => {
    for (let r = 0; r < reps; r++) {
      const t = performance.now();
      const tx = s.beginTransaction();
      await tx.run(cypher, params);
      await tx.rollback();
      console.log(name, r, Math.round(performance.now() - t), 'ms');
    }
  };
  await s.run('UNWIND $rows AS row CREATE (n:Entity:Organization {id: row.id}) SET n += row.props, n.label = row.label', { rows: ents });
  const evs = Array.from({ length: N }, (_, i) => ({ id: `event/x${i}`, label: 'Acquisition', props: { kind: 'ACQUISITION', summary: 'S', sortKey: `2024-0${1 + (i % 9)} event/x${i}`, date: '2024' }, participants: [
    { entity: `org/e${i % 100}`, props: { id: `i/${i}/a`, role: 'acquirer', entityId: `org/e${i % 100}`, kind: 'ACQUISITION', sortKey: `2024 event/x${i}` } },
    { entity: `org/e${(i * 7) % N}`, props: { id: `i/${i}/b`, role: 'target', entityId: `org/e${(i * 7) % N}`, kind: 'ACQUISITION', sortKey: `2024 event/x${i}` } }] }));
  await time('createEvents static', `UNWIND $rows AS row CREATE (e:Event:Acquisition {id: row.id}) SET e += row.props, e.label = row.label, e.createdBy = 'x', e.createdAt = datetime()
    WITH e, row UNWIND row.participants AS p MATCH (x:Entity {id: p.entity}) CREATE (e)-[i:INVOLVES]->(x) SET i = p.props`, { rows: evs });
  await time('createEvents dynamic', `UNWIND $rows AS row CREATE (e:Event:$(row.label) {id: row.id}) SET e += row.props, e.label = row.label, e.createdBy = 'x', e.createdAt = datetime()
    WITH e, row UNWIND row.participants AS p MATCH (x:Entity {id: p.entity}) CREATE (e)-[i:INVOLVES]->(x) SET i = p.props`, { rows: evs });
  await time('mergeEvents dynamic (current)', `UNWIND $rows AS row
MERGE (e:Event {id: row.id})
ON CREATE SET e.createdBy = 'x', e.createdAt = datetime()
ON MATCH SET e.updatedBy = 'x', e.updatedAt = datetime()
SET e:$(row.label)
SET e += row.props, e.label = row.label
WITH e, row
CALL (e, row) {
  MATCH (e)-[old:INVOLVES]->() WHERE NOT old.id IN [p IN row.participants | p.props.id]
  DELETE old
}
CALL (e, row) {
  UNWIND row.participants AS p
  MATCH (x:Entity {id: p.entity})
  MERGE (e)-[i:INVOLVES {id: p.props.id}]->(x)
  SET i += p.props
}
RETURN count(e) AS events`, { rows: evs });
  await time('createEvents no involves', `UNWIND $rows AS row CREATE (e:Event:Acquisition {id: row.id}) SET e += row.props, e.label = row.label`, { rows: evs });
  await time('createRevisions', `UNWIND $rows AS row CREATE (r:Revision {id: randomUUID(), targetId: row.id, action: 'CREATE', fields: ['a','b'], before: null, after: '{"a":1}', principal: 'p', role: 'admin', at: datetime()})`, { rows: evs });
  await s.run(`CREATE (:Source {id: 'source/s', text: 'hello'})`);
  await time('createCitations', `MATCH (s:Source {id: 'source/s'}) UNWIND $rows AS row MATCH (x:Entity {id: row.id}) CREATE (x)-[c:MENTIONED_IN]->(s) SET c.factId = row.id, c.sourceId = 'source/s', c.quote = 'hello', c.offset = 0, c.position = 0, c.citedBy = 'p', c.citedAt = datetime()`, { rows: ents });
  await time('mergeCitations', `MATCH (s:Source {id: 'source/s'}) UNWIND $rows AS row MATCH (x:Entity {id: row.id}) MERGE (x)-[c:MENTIONED_IN {quote: 'hello'}]->(s) SET c.factId = row.id, c.sourceId = 'source/s', c.offset = 0, c.position = 0, c.citedBy = 'p', c.citedAt = datetime()`, { rows: ents });
  await s.close(); await driver.close(); await neo.stop();
}
main().catch((e) => { console.error(e); process.exit(1); });
