import { rmSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { captureCypher, type CapturedQuery } from '../../bench/scale/capture';
import { operationList, rootOperations } from '../../bench/scale/operations';
import { explain, forbiddenScans } from '../../bench/scale/plans';
import { DEFAULT_SEED, type Manifest } from '../../src/generate/graph';
import { eventKinds } from '../../src/generate/kinds';
import { ensureEmbeddedGraph } from '../../src/generate/load';
import { DERIVED_STEPS } from '../../src/db/derived';
import { createApp, type App } from '../../src/http/app';
import { createContext } from '../../src/graphql/context';
import { buildGraphQLSchema } from '../../src/graphql/schema';
import { connectDriver } from '../../src/neo4j/connection';
import { Executor } from '../../src/neo4j/executor';
import type { LocalNeo4j } from '../../src/neo4j/localNeo4j';
import { repoPath } from '../../src/paths';
import { statsStore } from '../../src/store/stats.store';
import { writeFacts } from '../../src/facts/factWriter';
import { EntityLabel, EventKind, RelationshipType } from '../../src/model/vocabulary';
import { CANDIDATE_CAP, ENTITY_SCAN, ENTITY_WALK_ROUNDS } from '../../src/store/entities.store';
import { eventQueries } from '../../src/store/events.store';
import { loadCypherFile } from '../../src/cypher/cypherFiles';

const sourceFactQueries = loadCypherFile('queries/sources.cypher', [
  'sources',
  'sourceById',
  'sourceFacts',
  'sourceFactsBackward',
]);

/**
 * The CI-sized scale check (issue 8): a generated graph of ~50k nodes in its own embedded Neo4j
 * (the seeded test database stays as it is), every root query field run through the app, and the
 * plan of every Cypher statement it sent must not scan all nodes, nor all events or entities.
 *
 * Operations whose plans still scan are listed in KNOWN_SCANS: they run as `test.failing`, so the
 * suite passes now and fails as soon as one of them is fixed — then take it off the list.
 * `SCALE_PLANS_ALL=1 npx jest test/integration/scale-plans.test.ts` shows what each one still finds.
 */
const KNOWN_SCANS: string[] = [];
/** One-character searches that find nothing (same handling as KNOWN_SCANS): none since :Name prefix search. */
const KNOWN_SEARCH_MISSES: string[] = [];

/** SCALE_PLANS_ALL=1 runs every case as a plain test, to see what the known ones still find. */
const STRICT = process.env.SCALE_PLANS_ALL === '1';
const NODES = 50_000;

describe('scale: query plans on a generated graph', () => {
  const dataDir = repoPath('.data', `scale-test-${process.pid}`);
  const capture = captureCypher();
  const eventLabels = eventKinds().map((k) => k.label);
  let neo4j: LocalNeo4j;
  let driver: Driver;
  let app: App;
  let manifest: Manifest;
  const sent = new Map<string, CapturedQuery[]>();
  const answers = new Map<string, unknown>();

  beforeAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    const embedded = await ensureEmbeddedGraph({
      nodes: NODES,
      seed: DEFAULT_SEED,
      dataDir,
      force: true,
      heapMb: 1024,
      pageCacheMb: 256,
      logger: capture.logger,
    });
    neo4j = embedded.neo4j;
    manifest = embedded.stored.manifest;
    driver = await connectDriver(neo4j.uri, 'neo4j', 'neo4j', 'neo4j');
    const db = new Executor(driver, 'neo4j', capture.logger, 60_000);
    app = await createApp({ db, logger: capture.logger });
    capture.take();
    for (const op of rootOperations(manifest)) {
      const response = await app.apollo.executeOperation({ query: op.graphql }, { contextValue: createContext(db) });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      answers.set(op.name, response.body.singleResult.data);
      // A path search that stops at its time bound says so (SEARCH_LIMIT_REACHED): on a loaded
      // machine it may, and its Cypher was sent all the same, which is what the plans are read from.
      const errors = (response.body.singleResult.errors ?? []).filter(
        (e) => e.extensions?.code !== 'SEARCH_LIMIT_REACHED',
      );
      if (errors.length) throw new Error(`${op.name}: ${JSON.stringify(errors)}`);
      sent.set(op.name, capture.take());
    }
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await driver?.close();
    await neo4j?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the derived data the generator writes into its CSV is what the writer recomputes from the stored graph (issue 20, part 4)', async () => {
    const session = driver.session({ database: 'neo4j', defaultAccessMode: 'READ' });
    const snapshot = async () => {
      const read = async (cypher: string) =>
        (await session.run(cypher)).records.map((r) =>
          JSON.stringify(r.toObject(), (_, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)),
        );
      return {
        entities: await read(
          'MATCH (n:Entity) RETURN n.id AS id, n.degree AS degree, n.nameSort AS nameSort, n.degreeSort AS degreeSort, n.latestEvent AS latestEvent, n.latestSort AS latestSort ORDER BY id',
        ),
        tallies: await read(
          'MATCH (t:Tally) RETURN t.id AS id, t.measure AS measure, t.kind AS kind, t.period AS period, t.entityId AS entityId, t.count AS count, t.rank AS rank ORDER BY id',
        ),
      };
    };
    try {
      const generated = await snapshot();
      expect(generated.entities.length).toBeGreaterThan(10_000);
      expect(generated.tallies.length).toBeGreaterThan(100);
      const db = new Executor(driver, 'neo4j', capture.logger, 120_000);
      for (const step of DERIVED_STEPS) await step.recomputeAll(db);
      const recomputed = await snapshot();
      // Compared as sets of rows so that a difference names the rows, not a position.
      const [had, has] = [new Set(generated.entities), new Set(recomputed.entities)];
      expect(generated.entities.filter((r) => !has.has(r))).toEqual([]);
      expect(recomputed.entities.filter((r) => !had.has(r))).toEqual([]);
      expect(generated.tallies).toEqual(recomputed.tallies);
    } finally {
      await session.close();
    }
  }, 300_000);

  it("one plan per block: the entities and events pages of every filter, order and cursor share their block's plan in Neo4j's query cache (issue 20, the cold first call)", async () => {
    /** How many plans the query cache holds: db.clearQueryCaches says how many it cleared. */
    const clearPlans = async () => {
      const { records } = await driver.executeQuery('CALL db.clearQueryCaches()');
      return Number(/of (\d+) quer/.exec(String(records[0]!.get(0)))?.[1] ?? 0);
    };
    /** What Neo4j 5.26 keys a plan on for one value: null, a list's or a string's size bucket (0, 1, ≤10, ≤100…), else its type. */
    const bucket = (n: number) => (n <= 1 ? n : 10 ** Math.ceil(Math.log10(n)));
    const typeKey = (v: unknown): string =>
      v === null
        ? 'null'
        : Array.isArray(v)
          ? `list/${v.length ? typeof v[0] : 'any'}/${bucket(v.length)}`
          : typeof v === 'string'
            ? `string/${bucket([...v].length)}`
            : typeof v;
    /** The key the block's values would make if each were its own parameter (one level of maps flattened). */
    const looseKey = (params: Record<string, unknown>) =>
      Object.entries(params)
        .flatMap(([k, v]) =>
          v !== null && typeof v === 'object' && !Array.isArray(v)
            ? Object.entries(v).map(([kk, vv]) => `${k}.${kk}:${typeKey(vv)}`)
            : [`${k}:${typeKey(v)}`],
        )
        .sort()
        .join(' ');
    const db = new Executor(driver, 'neo4j', capture.logger, 60_000);
    const ops = rootOperations(manifest).filter((op) => op.field === 'entities' || op.field === 'events');
    await clearPlans();
    capture.take();
    for (const op of ops) {
      const response = await app.apollo.executeOperation({ query: op.graphql }, { contextValue: createContext(db) });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      expect(response.body.singleResult.errors).toBeUndefined();
    }
    const queries = capture.take();
    const plans = await clearPlans();
    const blocks = new Map<string, Set<string>>();
    for (const q of queries) blocks.set(q.name, (blocks.get(q.name) ?? new Set()).add(looseKey(q.params)));
    const combinations = Object.fromEntries([...blocks].map(([name, keys]) => [name.split('#').pop()!, keys.size]));
    // The requests vary what used to split the cache (nulls, empty lists, sizes of strings and lists):
    // each page block was sent with several combinations, which were as many plans before.
    const varied = ['entityPage', 'eventPage', 'eventCount'].map((name) => ({
      name,
      severalCombinations: (combinations[name] ?? 0) > 3,
    }));
    expect(varied).toEqual(varied.map(({ name }) => ({ name, severalCombinations: true })));
    // One plan per block; Neo4j adds one more entry to a query that has run more than ten times
    // (its recompilation when hot, cypher.expression_engine ONLY_WHEN_HOT), whatever its parameters.
    const runs = (name: string) => queries.filter((q) => q.name === name).length;
    const expected = [...blocks.keys()].reduce((n, name) => n + (runs(name) > 10 ? 2 : 1), 0);
    expect({ plans, combinations }).toEqual({ plans: expected, combinations });
  });

  it('covers every root query field of the schema', async () => {
    const schema = await buildGraphQLSchema();
    const fields = Object.keys(schema.getQueryType()!.getFields()).sort();
    const covered = [...new Set(rootOperations(manifest).map((op) => op.field))].sort();
    expect(covered).toEqual(fields);
  });

  it('loads the planned number of nodes', () => {
    expect(manifest.counts.nodes.Source).toBeGreaterThan(0);
    expect(Object.values(manifest.counts.nodes).reduce((a, b) => a + b, 0) - manifest.counts.impliedMoves).toBe(NODES);
  });

  for (const op of operationList()) {
    const run = KNOWN_SCANS.includes(op.name) && !STRICT ? test.failing : test;
    run(`${op.field}: ${op.name} — no AllNodesScan, no label scan of events or entities`, async () => {
      const queries = sent.get(op.name)!;
      expect(queries.length).toBeGreaterThan(0);
      const findings: string[] = [];
      for (const query of queries) {
        for (const scan of forbiddenScans(await explain(driver, 'neo4j', query), eventLabels))
          findings.push(`${query.name}: ${scan}`);
      }
      expect(findings).toEqual([]);
    });
  }

  it("the backward mirrors of the nested pages and of a source's facts read their indexes in order as the forward blocks do: no sort the forward plan does not have", async () => {
    const mirrors: [string, string][] = [
      ['eventsOfEntitiesBackward', eventQueries.eventsOfEntities.cypher],
      ['sourceFactsBackward', sourceFactQueries.sourceFacts.cypher],
    ];
    const sorts = (operators: { operator: string; details: string }[]) =>
      operators
        .filter((o) => /Sort|Top/.test(o.operator))
        .map((o) => o.operator)
        .sort();
    for (const [name, forward] of mirrors) {
      const captured = [...sent.values()].flat().filter((q) => q.name.endsWith(name));
      expect({ name, captured: captured.length > 0 }).toEqual({ name, captured: true });
      for (const query of captured) {
        const [backwardPlan, forwardPlan] = [
          await explain(driver, 'neo4j', query),
          await explain(driver, 'neo4j', { ...query, cypher: forward }),
        ];
        expect({ name, sorts: sorts(backwardPlan) }).toEqual({ name, sorts: sorts(forwardPlan) });
      }
    }
  });

  type EntityPage = {
    totalCount: number;
    totalCountExact: boolean;
    stoppedAtBound: boolean;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: { node: { id: string } }[];
  };
  /**
   * Every page of `entities(<args>)` through the app, following the cursors: forward (first/after,
   * endCursor) or backward (last/before, startCursor). The ids in list order either way.
   */
  const allEntities = async (args: string, size: number, direction: 'forward' | 'backward' = 'forward') => {
    const db = new Executor(driver, 'neo4j', capture.logger, 60_000);
    const paging = direction === 'forward' ? `first: ${size}, after: $cursor` : `last: ${size}, before: $cursor`;
    const query = `query($cursor: String) { entities(${args}, ${paging}) {
      totalCount totalCountExact stoppedAtBound pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } } }`;
    const ids: string[] = [];
    const pages: EntityPage[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 300; page++) {
      const response = await app.apollo.executeOperation(
        { query, variables: { cursor } },
        { contextValue: createContext(db) },
      );
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      expect(response.body.singleResult.errors).toBeUndefined();
      const { entities } = response.body.singleResult.data as { entities: EntityPage };
      pages.push(entities);
      const found = entities.edges.map((e) => e.node.id);
      if (direction === 'forward') ids.push(...found);
      else ids.unshift(...found);
      if (!(direction === 'forward' ? entities.pageInfo.hasNextPage : entities.pageInfo.hasPreviousPage))
        return { ids, pages };
      cursor = direction === 'forward' ? entities.pageInfo.endCursor : entities.pageInfo.startCursor;
    }
    throw new Error('more than 300 pages');
  };
  const DEGREE =
    'COUNT { (n)<-[:INVOLVES]-() } + COUNT { (n)-[:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]-() }';

  it('entities pages through a sparse filter in degree order exactly as a full sort would, short pages included', async () => {
    const { ids } = await allEntities('type: Product, orderBy: DEGREE', 100);
    // The same order recomputed from the edges themselves, not from the stored sort keys.
    const { records } = await driver.executeQuery(
      `MATCH (n:Product) WHERE n:Entity RETURN n.id AS id ORDER BY ${DEGREE} DESC, n.id DESC`,
    );
    expect(ids.length).toBe(manifest.counts.nodes.Product);
    expect(ids).toEqual(records.map((r) => r.get('id') as string));
  });

  it.each([
    ['type: Product, orderBy: DEGREE', 100],
    ['type: Group, orderBy: LATEST_EVENT', 40],
    ['type: Group', 40],
    ['namePrefix: "陳"', 50],
    ['namePrefix: "陳", orderBy: DEGREE', 50],
    ['category: BIG_TECH, hasEventOf: [STATEMENT]', 2],
    ['hasEventOf: [ARBITRATION], orderBy: LATEST_EVENT', 30],
  ])(
    'entities(%s) paged backward to the start lists what forward pages list, walks cut at their bound included',
    async (args, size) => {
      const forward = await allEntities(args, size);
      const backward = await allEntities(args, size, 'backward');
      expect(forward.ids.length).toBeGreaterThan(size);
      expect(backward.ids).toEqual(forward.ids);
      // Relay's PageInfo: nothing before the first forward page, nothing after the first backward one.
      expect(forward.pages[0]!.pageInfo.hasPreviousPage).toBe(false);
      expect(forward.pages.slice(1).every((p) => p.pageInfo.hasPreviousPage)).toBe(true);
      expect(backward.pages[0]!.pageInfo.hasNextPage).toBe(false);
      expect(backward.pages.slice(1).every((p) => p.pageInfo.hasNextPage)).toBe(true);
      // A page short of its size that says more may follow says it stopped at its bound.
      for (const { pages, more } of [
        { pages: forward.pages, more: 'hasNextPage' },
        { pages: backward.pages, more: 'hasPreviousPage' },
      ] as const) {
        for (const page of pages)
          if (page.edges.length < size && page.pageInfo[more]) expect(page.stoppedAtBound).toBe(true);
      }
    },
  );

  it('a filtered entities page finds the matches that lie beyond the first bound of its walk, and its count says there are some (issue 20)', async () => {
    // BIG_TECH organizations with a STATEMENT: more statements than CANDIDATE_CAP, so the page
    // walks the name order; the matches' places in that order, from the graph itself.
    const { records } = await driver.executeQuery(
      `MATCH (n:Entity) WITH n ORDER BY n.nameSort WITH collect(n) AS ordered
       UNWIND range(0, size(ordered) - 1) AS place WITH place, ordered[place] AS n
       WHERE 'BIG_TECH' IN coalesce(n.categories, []) AND EXISTS { (n)<-[i:INVOLVES]-(:Event) WHERE i.kind = 'STATEMENT' }
       RETURN n.id AS id, place ORDER BY place`,
    );
    const matches = records.map((r) => ({ id: r.get('id') as string, place: Number(r.get('place')) }));
    const statements = manifest.counts.nodes.STATEMENT ?? 0;
    expect(statements).toBeGreaterThan(CANDIDATE_CAP);
    const bound = ENTITY_SCAN * ENTITY_WALK_ROUNDS;
    // The case of the report: matches beyond the first ENTITY_SCAN entries of the order.
    expect(matches.filter((m) => m.place >= ENTITY_SCAN && m.place < bound).length).toBeGreaterThan(0);
    expect(matches.filter((m) => m.place >= bound).length).toBeGreaterThan(0);

    const { ids, pages } = await allEntities('category: BIG_TECH, hasEventOf: [STATEMENT]', 20);
    expect(ids).toEqual(matches.map((m) => m.id));
    const [first] = pages;
    // Page 1 holds every match within its bound, and says it stopped there: more may follow.
    expect(first!.edges.map((e) => e.node.id)).toEqual(matches.filter((m) => m.place < bound).map((m) => m.id));
    expect({ stoppedAtBound: first!.stoppedAtBound, hasNextPage: first!.pageInfo.hasNextPage }).toEqual({
      stoppedAtBound: true,
      hasNextPage: true,
    });
    // Its count is never "0" while matches exist: at least those the events' sample holds.
    expect(first!.totalCount).toBeGreaterThan(0);
    expect(first!.totalCount).toBeLessThanOrEqual(matches.length);
    if (first!.totalCountExact) expect(first!.totalCount).toBe(matches.length);
    // The last page reaches the end of the order: nothing is left, nothing was cut.
    expect(pages.at(-1)!).toMatchObject({ stoppedAtBound: false, pageInfo: { hasNextPage: false } });
  });

  it('entities with a name prefix: the set its names name, by degree, and the walk of its names in name order', async () => {
    // Every entity bearing a name whose key starts with 陈, and the first such key of each.
    const { records } = await driver.executeQuery(
      `MATCH (k:Name)<-[:NAMED]-(n:Entity) WHERE k.key STARTS WITH '陈'
       WITH n, min(k.key) AS first RETURN n.id AS id, first, ${DEGREE} AS degree`,
    );
    const expected = records.map((r) => ({
      id: r.get('id') as string,
      first: r.get('first') as string,
      degree: Number(r.get('degree')),
    }));
    expect(expected.length).toBeGreaterThan(100);
    const byDegree = await allEntities('namePrefix: "陳", orderBy: DEGREE', 50);
    const degreeKey = (e: (typeof expected)[number]) => `${String(e.degree).padStart(10, '0')} ${e.id}`;
    expect(byDegree.ids).toEqual(
      expected
        .map(degreeKey)
        .sort()
        .reverse()
        .map((k) => k.slice(11)),
    );
    expect({ count: byDegree.pages[0]!.totalCount, exact: byDegree.pages[0]!.totalCountExact }).toEqual({
      count: expected.length,
      exact: true,
    });
    const byName = await allEntities('namePrefix: "陳"', 50);
    expect(byName.ids).toEqual(
      expected
        .map((e) => `${e.first} ${e.id}`)
        .sort()
        .map((k) => k.slice(k.indexOf(' ') + 1)),
    );
  });

  it('eventStats counts the generated events of every kind exactly (the derived step eventTallies after the bulk load)', () => {
    const { eventStats } = answers.get('eventStats by kind and month') as {
      eventStats: { byKind: { kind: string; count: number }[]; byPeriod: { total: number } };
    };
    const expected = eventKinds().map((k) => ({ kind: k.kind, count: manifest.counts.nodes[k.kind] ?? 0 }));
    expect(eventStats.byKind).toEqual(expected);
    expect(eventStats.byPeriod.total).toBe(expected.reduce((n, k) => n + k.count, 0));
  });

  it('the writer keeps the tallies from indexes: lock and recount statements seek, never scan', async () => {
    const db = new Executor(driver, 'neo4j', capture.logger, 60_000);
    capture.take();
    // Rolled back: the statements are only captured, then explained.
    await db
      .writeAll('tallies', async (run) => {
        await statsStore.refreshTallies(run, {
          events: [
            { kind: 'ACQUISITION', date: '2024-05-13' },
            { kind: 'STATEMENT', date: '2023' },
            { kind: 'METRIC', date: null },
          ],
          destinations: manifest.hubs,
        });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const queries = capture.take();
    expect(queries.map((q) => q.name)).toEqual(['lockTallies', 'countEventTallies', 'countMoveTallies']);
    const findings: string[] = [];
    const seeks: string[] = [];
    for (const query of queries) {
      const plan = await explain(driver, 'neo4j', query, 'WRITE');
      for (const scan of forbiddenScans(plan, eventLabels)) findings.push(`${query.name}: ${scan}`);
      seeks.push(
        ...plan.filter((o) => /IndexSeek|IndexScan/.test(o.operator)).map((o) => `${query.name}: ${o.operator}`),
      );
    }
    expect(findings).toEqual([]);
    expect(seeks.some((s) => s.startsWith('countEventTallies') && /Seek/.test(s))).toBe(true);
    expect(seeks.some((s) => s.startsWith('countMoveTallies') && /Seek/.test(s))).toBe(true);
  });

  it('the writer checks and cites from indexes: a new event, an entity, a relationship to a hub and a corroboration of a hub seek, never scan', async () => {
    const db = new Executor(driver, 'neo4j', capture.logger, 60_000);
    const [hub, other] = [manifest.hubs[0]!, manifest.nonHubs[0] ?? manifest.hubs[1]!];
    const source = 'source/generated/00000';
    const { records } = await driver.executeQuery(
      'MATCH (s:Source {id: $source}) RETURN substring(s.text, 0, 12) AS quote',
      { source },
    );
    const quote = records[0]!.get('quote') as string;
    capture.take();
    // Rolled back: the statements are only captured, then explained.
    await db
      .writeAll('writer', async (run) => {
        await writeFacts(
          run,
          {
            sources: [],
            entities: [
              {
                id: 'org/scale-plan-new',
                label: EntityLabel.Organization,
                name: 'Scale Plan Co',
                sourceId: source,
                quote,
              },
            ],
            relationships: [
              { type: RelationshipType.WORKS_AT, from: manifest.people[0]!, to: hub, sourceId: source, quote },
            ],
            events: [
              {
                id: 'event/acquisition/scale-plan',
                kind: EventKind.ACQUISITION,
                date: '2024-05',
                summary: 'S',
                participants: [
                  { role: 'acquirer', id: hub },
                  { role: 'target', id: other },
                ],
                sourceId: source,
                quotes: [quote],
              },
            ],
            corroborations: [{ factId: hub, citations: [{ sourceId: source, quote }] }],
          },
          { mode: 'create', by: { principal: 'scale-plans', role: 'admin' } },
        );
        throw new Error('roll back');
      })
      .catch((error: Error) =>
        expect(String((error.cause as Error | undefined)?.message ?? error.message)).toBe('roll back'),
      );
    const queries = capture.take();
    expect(queries.map((q) => q.name)).toEqual(
      expect.arrayContaining([
        'lockFacts',
        'checkFacts',
        'similarEvents',
        'writeEntities',
        'writeRelationships',
        'writeEvents',
        'addCitations',
        'refreshCitationCounts',
        'refreshEntityStats',
      ]),
    );
    const findings: string[] = [];
    for (const query of queries)
      for (const scan of forbiddenScans(await explain(driver, 'neo4j', query, 'WRITE'), eventLabels))
        findings.push(`${query.name}: ${scan}`);
    expect(findings).toEqual([]);
  });

  it('the change log appends and is read from its indexes: no scan', async () => {
    const { changesQueries: q } = await import('../../src/store/changes.store');
    const row = {
      op: 'ADD',
      targetId: manifest.hubs[0]!,
      targetKind: 'ENTITY',
      revisionId: 'r',
      fields: ['name'],
      principal: 'scale-plans',
      role: 'admin',
    };
    const range = { after: 0, upto: 1_000_000, limit: 100 };
    const statements = [
      {
        name: q.appendChanges.name,
        cypher: q.appendChanges.cypher,
        params: { rows: [row, row] },
        mode: 'WRITE' as const,
      },
      { name: q.changesAfter.name, cypher: q.changesAfter.cypher, params: range, mode: 'READ' as const },
      {
        name: q.changesOfTargets.name,
        cypher: q.changesOfTargets.cypher,
        params: { ...range, targets: manifest.hubs.slice(0, 3), kinds: null },
        mode: 'READ' as const,
      },
      {
        name: q.changesOfKinds.name,
        cypher: q.changesOfKinds.cypher,
        params: { ...range, kinds: ['EVENT', 'ENTITY'] },
        mode: 'READ' as const,
      },
      { name: q.lastChange.name, cypher: q.lastChange.cypher, params: {}, mode: 'READ' as const },
    ];
    const findings: string[] = [];
    for (const { mode, ...query } of statements) {
      const plan = await explain(driver, 'neo4j', query as CapturedQuery, mode);
      for (const scan of forbiddenScans(plan, eventLabels)) findings.push(`${query.name}: ${scan}`);
      // Every read of the log starts from one of its indexes, never from all :Change nodes.
      if (mode === 'READ')
        expect([
          query.name,
          plan.some((o) => /NodeIndexSeek|NodeIndexScan|NodeUniqueIndexSeek|IndexSeek/.test(o.operator)),
          plan.some((o) => o.operator === 'NodeByLabelScan'),
        ]).toEqual([query.name, true, false]);
    }
    expect(findings).toEqual([]);
  });

  for (const [text, name] of [
    ['陳', 'search 1 char 陳'],
    ['杨', 'search 1 char 杨'],
  ] as const) {
    const run = KNOWN_SEARCH_MISSES.includes(text) && !STRICT ? test.failing : test;
    run(`one-character search ${text} finds names with it`, () => {
      const found = (answers.get(name) as { search: { names: string[] }[] }).search;
      expect(found.length).toBeGreaterThan(0);
      const forms = text === '陳' ? ['陳', '陈'] : ['楊', '杨'];
      for (const entity of found) expect(entity.names.some((n) => forms.some((f) => n.includes(f)))).toBe(true);
    });
  }
});
