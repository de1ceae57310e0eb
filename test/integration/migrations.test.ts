import { allMigrations, migrate } from '../../src/db/migrations';
import { logger } from '../../src/logger';
import { EVENT_KINDS, EVENT_KIND_LIST } from '../../src/model/registry';
import { openTestGraph } from '../support/graph';

describe('migrations on a real Neo4j', () => {
  let graph: Awaited<ReturnType<typeof openTestGraph>>;
  beforeAll(async () => {
    graph = await openTestGraph();
  });
  afterAll(() => graph.close());

  it("recorded every migration once: the files and the registry's per-kind statements", async () => {
    const rows = await graph.driver.executeQuery('MATCH (m:Migration) RETURN m.id AS id, m.checksum AS checksum');
    const recorded = rows.records.map((r) => ({ id: String(r.get('id')), checksum: String(r.get('checksum')) }));
    const expected = allMigrations().map(({ id, checksum }) => ({ id, checksum }));
    expect(recorded.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(expected.sort((a, b) => (a.id < b.id ? -1 : 1)));
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
    // exactly the labels the migrations constrain: the files' and one per event kind of the registry
    const declared = new Set(
      allMigrations()
        .flatMap((m) => m.statements)
        .flatMap((s) => [...s.matchAll(/FOR\s+\(\w+:(\w+)\)\s+REQUIRE\s+\w+\.\w+\s+IS\s+UNIQUE/g)].map((m) => m[1]!)),
    );
    for (const kind of EVENT_KIND_LIST) expect(declared).toContain(EVENT_KINDS[kind].label);
    expect([...constrained].sort()).toEqual([...declared].sort());
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
