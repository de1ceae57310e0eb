import { migrate, readMigrations } from '../../src/db/migrations';
import { logger } from '../../src/logger';
import { openTestGraph } from '../support/graph';

describe('migrations on a real Neo4j', () => {
  let graph: Awaited<ReturnType<typeof openTestGraph>>;
  beforeAll(async () => {
    graph = await openTestGraph();
  });
  afterAll(() => graph.close());

  it('recorded every migration file once', async () => {
    const rows = await graph.driver.executeQuery('MATCH (m:Migration) RETURN m.id AS id ORDER BY id');
    expect(rows.records.map((r) => r.get('id'))).toEqual(readMigrations().map((m) => m.id));
  });

  it('applies nothing the second time', async () => {
    expect(await migrate(graph.db, logger)).toEqual([]);
  });

  it('created a uniqueness constraint on the identifying property of every label in the graph (id; key for :Name, fact for :FactLock)', async () => {
    const constraints = await graph.driver.executeQuery(
      "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties AS props",
    );
    // A change is identified by its place in the log.
    const identity = (label: string) =>
      (({ Name: 'key', FactLock: 'fact', Change: 'seq' }) as Record<string, string>)[label] ?? 'id';
    const constrained = new Set(
      constraints.records
        .filter((r) => r.get('props').length === 1 && r.get('props')[0] === identity(r.get('label')))
        .map((r) => r.get('label') as string),
    );
    const labels = await graph.driver.executeQuery('MATCH (n) UNWIND labels(n) AS label RETURN DISTINCT label');
    const missing = labels.records.map((r) => r.get('label')).filter((l) => !constrained.has(l));
    expect(missing).toEqual([]);
    expect(constrained.size).toBe(29);
  });

  it('created the CJK full-text index over names and range indexes on event kind and date', async () => {
    const indexes = await graph.driver.executeQuery(
      'SHOW INDEXES YIELD name, type, state, options RETURN name, type, state, options.indexConfig AS config',
    );
    const byName = new Map(indexes.records.map((r) => [r.get('name'), r]));
    expect(byName.get('entity_names')?.get('type')).toBe('FULLTEXT');
    expect(byName.get('entity_names')?.get('config')['fulltext.analyzer']).toBe('cjk');
    expect(byName.get('event_kind')?.get('type')).toBe('RANGE');
    expect(byName.get('event_date')?.get('type')).toBe('RANGE');
    for (const record of indexes.records) expect(record.get('state')).toBe('ONLINE');
  });
});
