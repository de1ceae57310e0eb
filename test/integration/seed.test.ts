import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { logger } from '../../src/logger';
import { partialDatePrecision } from '../../src/model/partialDate';
import { EVENT_KINDS, EVENT_KIND_LIST, EVENT_LABEL } from '../../src/model/registry';
import type { EventKind } from '../../src/model/vocabulary';
import {
  EXPECTED_ENTITY_LABELS,
  EXPECTED_GRAPH_EVENT_KINDS,
  EXPECTED_IMPLIED_MOVES,
  EXPECTED_RELATIONSHIP_TYPES,
} from '../support/seedExpectations';
import { repoPath } from '../../src/paths';
import { readSeedData } from '../../src/seed/seedData';
import { seed } from '../../src/seed/seed';
import { openTestGraph } from '../support/graph';

const ARTICLE_PATH = repoPath('cypher', 'seed', 'source', 'llm-startup-shakeout-2024.zh-Hant.txt');
const article = readFileSync(ARTICLE_PATH, 'utf8');

const EXPECTED_LABELS = {
  ...EXPECTED_ENTITY_LABELS,
  Source: 1,
  Event: Object.values(EXPECTED_GRAPH_EVENT_KINDS).reduce((a, b) => a + b, 0),
};

describe('the seeded knowledge graph', () => {
  let graph: Awaited<ReturnType<typeof openTestGraph>>;
  const query = async (cypher: string, params: Record<string, unknown> = {}) =>
    graph.db.read({ name: 'seedTest', cypher }, params);

  beforeAll(async () => {
    graph = await openTestGraph();
  });
  afterAll(() => graph.close());

  it('keeps the article as the shared source has it', () => {
    const shared = path.resolve(repoPath(), '..', 'shared', 'source', path.basename(ARTICLE_PATH));
    if (existsSync(shared)) expect(readFileSync(shared, 'utf8')).toBe(article);
    expect(article).toContain('月之暗面');
  });

  it('has the expected number of nodes per label', async () => {
    for (const [label, count] of Object.entries(EXPECTED_LABELS)) {
      const [row] = await query(`MATCH (n) WHERE $label IN labels(n) RETURN count(n) AS n`, { label });
      expect({ label, count: row!.n }).toEqual({ label, count });
    }
  });

  it('has the expected number of events per kind, each with its kind label', async () => {
    const rows = await query(
      'MATCH (e:Event) RETURN e.kind AS kind, count(e) AS n, collect(DISTINCT e.label) AS labels',
    );
    const counts = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    // every kind of the registry, zero for those without seed data
    expect({ ...Object.fromEntries(EVENT_KIND_LIST.map((kind) => [kind, 0])), ...counts }).toEqual(
      EXPECTED_GRAPH_EVENT_KINDS,
    );
    for (const row of rows) expect(row.labels).toEqual([EVENT_LABEL[row.kind as EventKind]]);
  });

  it('has every stable relationship of the data files, none dropped', async () => {
    const rows = await query(
      'MATCH (:Entity)-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]->(:Entity) RETURN type(r) AS type, count(r) AS n',
    );
    expect(Object.fromEntries(rows.map((r) => [r.type, r.n]))).toEqual(EXPECTED_RELATIONSHIP_TYPES);
  });

  it('links every participant the data files name', async () => {
    // The files' participants, plus mover, from and to of each implied move.
    const expected =
      readSeedData().events.reduce((sum, e) => sum + e.participants.length, 0) + 3 * EXPECTED_IMPLIED_MOVES;
    const [row] = await query('MATCH (:Event)-[i:INVOLVES]->(:Entity) RETURN count(i) AS n');
    expect(row!.n).toBe(expected);
  });

  it('cites every quote verbatim from the article', async () => {
    const rows = await query(`
      CALL () { MATCH ()-[c:CITES|MENTIONED_IN]->(:Source) RETURN c.quote AS quote
        UNION ALL MATCH ()-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]->() RETURN r.quote AS quote
        UNION ALL MATCH (s:Statement) WHERE s.text IS NOT NULL RETURN s.text AS quote }
      RETURN quote`);
    expect(rows.length).toBeGreaterThan(150);
    const missing = rows.map((r) => r.quote as string).filter((q) => !q || !article.includes(q));
    expect(missing).toEqual([]);
  });

  it('gives every event its source, and every entity a mention', async () => {
    const [row] = await query(`
      RETURN COUNT { MATCH (e:Event) WHERE NOT (e)-[:CITES]->(:Source) RETURN e } AS uncitedEvents,
             COUNT { MATCH (n:Entity) WHERE NOT (n)-[:MENTIONED_IN]->(:Source) RETURN n } AS unmentioned,
             COUNT { MATCH ()-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]->()
                     WHERE NOT EXISTS { MATCH (s:Source {id: r.sourceId}) } RETURN r } AS unsourced`);
    expect(row).toEqual({ uncitedEvents: 0, unmentioned: 0, unsourced: 0 });
  });

  it('gives every event the participants its kind requires', async () => {
    const rows = await query(
      'MATCH (e:Event) RETURN e.id AS id, e.kind AS kind, [(e)-[i:INVOLVES]->() | i.role] AS roles',
    );
    const lacking = rows
      .map((r) => ({
        id: r.id,
        missing: EVENT_KINDS[r.kind as EventKind].roles
          .filter((s) => s.required)
          .map((s) => s.role)
          .filter((role) => !(r.roles as string[]).includes(role)),
      }))
      .filter((r) => r.missing.length);
    expect(lacking).toEqual([]);
    const [metrics] = await query('MATCH (e:Metric) WHERE NOT (e)-[:INVOLVES]->() RETURN count(e) AS n');
    expect(metrics!.n).toBe(0);
  });

  it('types the role ends the API promises as organizations', async () => {
    const rows = await query(`
      MATCH (e:Event)-[i:INVOLVES]->(x)
      WHERE i.role IN ['acquirer', 'target', 'licensee', 'licensor', 'to', 'from', 'investee', 'cutter', 'company'] AND NOT x:Organization
      RETURN e.id AS id, i.role AS role, x.id AS entity`);
    expect(rows).toEqual([]);
  });

  it('stores dates at their precision and money with an ISO 4217 currency', async () => {
    const dates = await query(`
      MATCH (e:Event) WHERE e.date IS NOT NULL RETURN e.id AS id, e.date AS date, e.datePrecision AS stored
      UNION ALL MATCH ()-[r]->() WHERE r.since IS NOT NULL OR r.until IS NOT NULL
      UNWIND [r.since, r.until] AS date WITH r, date WHERE date IS NOT NULL
      RETURN r.id AS id, date, 'none stored' AS stored`);
    const data = readSeedData();
    const datedEvents = data.events.filter((e) => e.date).length + EXPECTED_IMPLIED_MOVES; // the Adept move is dated 2024-06
    const relationshipDates = data.relationships.flatMap((r) => [r.since, r.until]).filter(Boolean).length;
    expect(dates.length).toBe(datedEvents + relationshipDates);
    for (const { id, date, stored } of dates) {
      const precision = partialDatePrecision(date as string);
      // Events store their precision, which must be the date's; relationship dates must be valid.
      expect({ id, precision }).toEqual({
        id,
        precision: stored === 'none stored' ? expect.stringMatching(/^(YEAR|MONTH|DAY)$/) : stored,
      });
    }
    const money = await query(`
      MATCH (e:Event) UNWIND keys(e) AS key WITH e, key WHERE key ENDS WITH 'Amount'
      RETURN e.id AS id, e[key] AS amount, e[left(key, size(key) - 6) + 'Currency'] AS currency
      UNION ALL MATCH (e:Metric) WHERE e.unit IN ['CNY', 'USD']
      RETURN e.id AS id, e.value AS amount, e.currency AS currency`);
    expect(money.length).toBeGreaterThanOrEqual(5);
    for (const row of money) {
      expect(typeof row.amount).toBe('number');
      expect(row.currency).toMatch(/^(CNY|USD)$/);
    }
  });

  it('records the article’s numbers as numbers: 25億美元 is 2.5e9 USD, 564億元 is 5.64e10 CNY', async () => {
    const [characterAi] = await query(
      "MATCH (e:Acquisition)-[:INVOLVES {role: 'target'}]->(:Entity {id: 'org/character-ai'}) RETURN e.valuationAmount AS amount, e.valuationCurrency AS currency",
    );
    expect(characterAi).toEqual({ amount: 2.5e9, currency: 'USD' });
    const rows = await query(
      'MATCH (e:Metric) WHERE e.value = 5.64e10 RETURN e.currency AS currency, e.qualifier AS qualifier',
    );
    expect(rows).toEqual([{ currency: 'CNY', qualifier: 'MORE_THAN' }]);
  });

  it('finds names in every form: simplified keys and English aliases', async () => {
    const [row] = await query("MATCH (n:Entity {id: 'person/yang-zhilin'}) RETURN n.names AS names, n.key AS key");
    expect(row!.names).toEqual(expect.arrayContaining(['楊植麟', '杨植麟']));
    expect(row!.key).toBe('杨植麟');
  });

  it('changes nothing when the seed is loaded again', async () => {
    const snapshot = () =>
      query(`
        MATCH (n) WHERE NOT n:Migration AND NOT n:SeedState
        OPTIONAL MATCH (n)-[r]->(m)
        WITH n, r, m ORDER BY coalesce(n.id, n.key), type(r), coalesce(m.id, m.key), r.role, r.quote
        RETURN coalesce(n.id, n.key) AS id, labels(n) AS labels, properties(n) AS props,
               collect(CASE WHEN r IS NULL THEN null ELSE [type(r), coalesce(m.id, m.key), properties(r)] END) AS out
        ORDER BY id`);
    const before = await snapshot();
    expect(await seed(graph.db, logger, { force: true })).toBe(true);
    expect(await snapshot()).toEqual(before);
    expect(await seed(graph.db, logger)).toBe(false);
  });
});
