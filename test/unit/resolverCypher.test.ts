import { graphql, type GraphQLSchema } from 'graphql';
import { createContext } from '../../src/graphql/context';
import { buildGraphQLSchema } from '../../src/graphql/schema';
import { EVENT_KIND_LIST } from '../../src/model/registry';
import { fakeExecutor, type FakeRows, type SentQuery } from '../support/fakeDriver';

/** The statements sent, a parameter that lists every kind of the registry in its order shown as <EVENT_KIND_LIST>. */
function withKindList(sent: SentQuery[]) {
  const all = JSON.stringify(EVENT_KIND_LIST);
  return sent.map(({ query, params }) => ({
    params: Object.fromEntries(
      Object.entries(params as Record<string, unknown>).map(([key, value]) => [
        key,
        JSON.stringify(value) === all ? '<EVENT_KIND_LIST>' : value,
      ]),
    ),
    query,
  }));
}

/** Which named Cypher block each resolver sends, with which parameters (no database here). */
describe('Cypher sent by the resolvers', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGraphQLSchema();
  });

  async function sentBy(source: string, rows: FakeRows = {}) {
    const { db, sent } = fakeExecutor(rows);
    const result = await graphql({ schema, source, contextValue: createContext(db) });
    expect(result.errors).toBeUndefined();
    return sent;
  }

  const emptyPage = { eventPage: [], eventCount: [{ count: 0 }] };

  it('events: the participant is the anchor of an index range, dates and cursor become exclusive sortKey bounds, the count capped', async () => {
    expect(
      await sentBy(
        '{ events(kinds: [TALENT_MOVE, ACQUISITION], involving: "org/oppo", from: "2024-05", to: "2024-10", first: 5) { totalCount } }',
        emptyPage,
      ),
    ).toMatchInlineSnapshot(`
     [
       {
         "params": {
           "first": 5,
           "page": {
             "anchor": {
               "id": "org/oppo",
               "role": null,
             },
             "kinds": [
               "TALENT_MOVE",
               "ACQUISITION",
             ],
             "lower": "2024-05",
             "others": [],
             "upper": "2024-10￿",
           },
           "scan": 12,
         },
         "query": "events.cypher#eventPage",
       },
       {
         "params": {
           "cap": 1000,
           "filter": {
             "anchor": {
               "id": "org/oppo",
               "role": null,
             },
             "kinds": [
               "TALENT_MOVE",
               "ACQUISITION",
             ],
             "lower": "2024-05",
             "others": [],
             "upper": "2024-10￿",
           },
           "unfiltered": false,
         },
         "query": "events.cypher#eventCount",
       },
     ]
    `);
  });

  it('talentMoves and acquisitions: kind fixed, the first role the anchor, no count unless asked for', async () => {
    const sent = await sentBy(
      '{ talentMoves(to: "org/bytedance") { edges { node { id } } } acquisitions(acquirer: "org/oppo", target: "org/x") { edges { node { id } } } }',
      emptyPage,
    );
    expect(sent.map((s) => s.params)).toMatchInlineSnapshot(`
     [
       {
         "first": 20,
         "page": {
           "anchor": {
             "id": "org/bytedance",
             "role": "to",
           },
           "kinds": [
             "TALENT_MOVE",
           ],
           "lower": "",
           "others": [],
           "upper": "￿",
         },
         "scan": 21,
       },
       {
         "first": 20,
         "page": {
           "anchor": {
             "id": "org/oppo",
             "role": "acquirer",
           },
           "kinds": [
             "ACQUISITION",
           ],
           "lower": "",
           "others": [
             {
               "id": "org/x",
               "role": "target",
             },
           ],
           "upper": "￿",
         },
         "scan": 21,
       },
     ]
    `);
  });

  it("entities: one statement, with the selective filters (prefix as a name key, kinds, dates) and the walk's bounds", async () => {
    const rows = { entityPage: [{ rows: [], matched: 0, walked: false, scanned: 2, lastRead: null }] };
    expect(
      await sentBy(
        '{ entities(namePrefix: "楊", type: Person, hasEventOf: [TALENT_MOVE], eventsFrom: "2024-05", orderBy: DEGREE, first: 5) { edges { cursor } } }',
        rows,
      ),
    ).toMatchInlineSnapshot(`
     [
       {
         "params": {
           "ascending": false,
           "byEvents": true,
           "cap": 5000,
           "countOnly": false,
           "first": 5,
           "page": {
             "category": null,
             "hi": "􏿿",
             "kinds": [
               "TALENT_MOVE",
             ],
             "label": "Person",
             "lo": "",
             "lower": "2024-05",
             "nameFrom": "杨",
             "nameTo": "􏿿",
             "order": "DEGREE",
             "prefix": "杨",
             "upper": "~",
           },
           "prefixNames": true,
           "scan": 2000,
           "sets": true,
         },
         "query": "entities.cypher#entityPage",
       },
     ]
    `);
  });

  it('entities: the cursor of the order is the bound of the walk; a count walks from the start', async () => {
    const after = Buffer.from('entity:LATEST_EVENT:["2024-05 org/x"]').toString('base64url');
    const rows = { entityPage: [{ rows: [], matched: 0, walked: true, scanned: 0, lastRead: null }] };
    expect(
      await sentBy(
        `{ entities(category: AI_STARTUP, orderBy: LATEST_EVENT, after: "${after}") { totalCount edges { cursor } } }`,
        rows,
      ),
    ).toMatchInlineSnapshot(`
     [
       {
         "params": {
           "ascending": false,
           "byEvents": false,
           "cap": 5000,
           "countOnly": false,
           "first": 20,
           "page": {
             "category": "AI_STARTUP",
             "hi": "2024-05 org/x",
             "kinds": null,
             "label": null,
             "lo": "",
             "lower": "",
             "nameFrom": "",
             "nameTo": "2024-05",
             "order": "LATEST_EVENT",
             "prefix": null,
             "upper": "￿",
           },
           "prefixNames": true,
           "scan": 2000,
           "sets": true,
         },
         "query": "entities.cypher#entityPage",
       },
       {
         "params": {
           "ascending": false,
           "byEvents": false,
           "cap": 5000,
           "countOnly": true,
           "first": 10000000,
           "page": {
             "category": "AI_STARTUP",
             "hi": "􏿿",
             "kinds": null,
             "label": null,
             "lo": "",
             "lower": "",
             "nameFrom": "",
             "nameTo": "􏿿",
             "order": "LATEST_EVENT",
             "prefix": null,
             "upper": "￿",
           },
           "prefixNames": true,
           "scan": 2000,
           "sets": true,
         },
         "query": "entities.cypher#entityPage",
       },
     ]
    `);
  });

  it('search: user text escaped for Lucene, with the normalised key for exact matches', async () => {
    expect(await sentBy('{ search(text: "月之暗面 (Moonshot) AND 楊植麟:", limit: 3) { id } }')).toMatchInlineSnapshot(`
     [
       {
         "params": {
           "key": "月之暗面moonshotand杨植麟",
           "limit": 3,
           "query": "月之暗面 \\(Moonshot\\) and 楊植麟\\:",
           "scan": 50,
         },
         "query": "entities.cypher#searchEntities",
       },
     ]
    `);
  });

  const org = (id: string) => ({
    entity: { id, label: 'Organization', name: id, names: [id], categories: [], anonymous: false },
  });

  it('entity pages: one batched query per nested field, whatever the number of parents', async () => {
    const sent = await sentBy(
      '{ a: entity(id: "org/a") { ... on Organization { people { id } investors { id } events { edges { node { id } } } mentions { quote } } } b: entity(id: "org/b") { ... on Organization { people { id } } } }',
      { entityById: ({ id }) => [org(id)] },
    );
    expect(sent).toMatchInlineSnapshot(`
     [
       {
         "params": {
           "id": "org/a",
         },
         "query": "entities.cypher#entityById",
       },
       {
         "params": {
           "id": "org/b",
         },
         "query": "entities.cypher#entityById",
       },
       {
         "params": {
           "ids": [
             "org/a",
             "org/b",
           ],
           "perEntity": 501,
           "perFact": 100,
           "withCitations": false,
         },
         "query": "entities.cypher#relationshipsOf",
       },
       {
         "params": {
           "first": 50,
           "scan": 102,
           "scope": {
             "after": "",
             "before": "￿",
             "ids": [
               "org/a",
             ],
             "kinds": null,
             "role": null,
           },
         },
         "query": "events.cypher#eventsOfEntities",
       },
       {
         "params": {
           "ids": [
             "org/a",
           ],
           "perEntity": 501,
         },
         "query": "entities.cypher#mentionsOf",
       },
     ]
    `);
  });

  it('nested connections backward: the mirror block with the cursor as the upper bound, one batched far-side probe per scope', async () => {
    const before = Buffer.from(`event:${JSON.stringify(['2024-05 event/x'])}`).toString('base64url');
    const sent = await sentBy(
      `{ a: entity(id: "org/a") { ... on Organization { talentIn(last: 2, before: "${before}") { pageInfo { hasNextPage } edges { node { id } } } } }
         b: entity(id: "org/b") { ... on Organization { talentIn(last: 2, before: "${before}") { pageInfo { hasNextPage } edges { node { id } } } } } }`,
      { entityById: ({ id }) => [org(id)] },
    );
    expect(sent.filter((q) => q.query.startsWith('events.cypher'))).toMatchInlineSnapshot(`
     [
       {
         "params": {
           "first": 0,
           "scan": 1,
           "scope": {
             "after": "2024-05 event/w￿",
             "before": "￿",
             "ids": [
               "org/a",
               "org/b",
             ],
             "kinds": null,
             "role": "to",
           },
         },
         "query": "events.cypher#eventsOfEntities",
       },
       {
         "params": {
           "first": 2,
           "scan": 3,
           "scope": {
             "after": "",
             "before": "2024-05 event/x",
             "ids": [
               "org/a",
               "org/b",
             ],
             "kinds": null,
             "role": "to",
           },
         },
         "query": "events.cypher#eventsOfEntitiesBackward",
       },
     ]
    `);
  });

  it('Source.facts backward: the mirror block between the cursors, the far side asked for only when selected', async () => {
    const before = Buffer.from(`sourceFacts:${JSON.stringify(['event/m'])}`).toString('base64url');
    const sent = await sentBy(
      `{ source(id: "source/s") { facts(last: 3, before: "${before}") { pageInfo { hasPreviousPage hasNextPage } edges { cursor } } } }`,
      {
        sourceById: () => [{ source: { id: 'source/s', title: 'S', publisher: null, date: null, language: null } }],
      },
    );
    expect(sent.filter((q) => q.query.startsWith('sources.cypher#sourceFacts'))).toMatchInlineSnapshot(`
     [
       {
         "params": {
           "after": "event/l￿",
           "before": "￿",
           "first": 0,
           "perFact": 20,
           "sourceId": "source/s",
         },
         "query": "sources.cypher#sourceFacts",
       },
       {
         "params": {
           "after": "",
           "before": "event/m",
           "first": 3,
           "perFact": 20,
           "sourceId": "source/s",
         },
         "query": "sources.cypher#sourceFactsBackward",
       },
     ]
    `);
  });

  it('traversals: caps passed as parameters, dates as inclusive bounds', async () => {
    const sent = await sentBy(
      '{ shortestPath(from: "person/a", to: "person/b", maxHops: 4) { length } neighborhood(id: "org/a", depth: 2, limit: 50) { nodes { nodeId } } talentFlow(from: "2024", to: "2024-06") { links { count } } }',
    );
    expect(withKindList(sent)).toMatchInlineSnapshot(`
     [
       {
         "params": {
           "from": "person/a",
           "maxHops": 4,
           "to": "person/b",
         },
         "query": "graph.cypher#shortestPath",
       },
       {
         "params": {
           "allKinds": "<EVENT_KIND_LIST>",
           "depth": 2,
           "from": null,
           "kinds": null,
           "limit": 50,
           "seeds": [
             "org/a",
           ],
           "to": null,
         },
         "query": "subgraph.cypher#subgraph",
       },
       {
         "params": {
           "cap": 2000,
           "links": 500,
           "lower": "2024",
           "upper": "2024-06￿",
         },
         "query": "graph.cypher#talentFlow",
       },
     ]
    `);
  });

  it('centrality: labels and kinds as enum strings (deduplicated), null when not given, the limit as a parameter', async () => {
    const sent = await sentBy(
      '{ a: centrality { score } b: centrality(labels: [Organization, Person, Organization], kinds: [ACQUISITION, TALENT_MOVE], limit: 5) { score } }',
    );
    expect(sent).toMatchInlineSnapshot(`
     [
       {
         "params": {
           "cap": 2000,
           "kinds": null,
           "labels": null,
           "limit": 20,
         },
         "query": "analytics.cypher#centrality",
       },
       {
         "params": {
           "cap": 2000,
           "kinds": [
             "ACQUISITION",
             "TALENT_MOVE",
           ],
           "labels": [
             "Organization",
             "Person",
           ],
           "limit": 5,
         },
         "query": "analytics.cypher#centrality",
       },
     ]
    `);
  });

  it.each(['limit: 0', 'limit: 101'])('centrality(%s) is BAD_USER_INPUT', async (args) => {
    const { db, sent } = fakeExecutor();
    const result = await graphql({
      schema,
      source: `{ centrality(${args}) { score } }`,
      contextValue: createContext(db),
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(sent).toEqual([]);
  });

  it("eventStats: every kind of the registry, dates as bounds on the tallies' periods, kinds deduplicated, the limit as a parameter", async () => {
    const sent = await sentBy(
      `{ eventStats { byKind(from: "2024") { kind count }
         byPeriod(by: YEAR, kinds: [ACQUISITION, TALENT_MOVE, ACQUISITION], from: "2024-05", to: "2024-10") { total undated periods { period precision count } }
         movesByDestination(limit: 3) { moves organization { id name } } } }`,
    );
    expect(withKindList(sent)).toMatchInlineSnapshot(`
     [
       {
         "params": {
           "kinds": "<EVENT_KIND_LIST>",
           "lower": "2024",
           "upper": "~",
         },
         "query": "stats.cypher#eventCountsByKind",
       },
       {
         "params": {
           "by": "YEAR",
           "kinds": [
             "ACQUISITION",
             "TALENT_MOVE",
           ],
           "lower": "2024-05",
           "upper": "2024-10￿",
         },
         "query": "stats.cypher#eventCountsByPeriod",
       },
       {
         "params": {
           "limit": 3,
         },
         "query": "stats.cypher#topDestinations",
       },
     ]
    `);
  });

  it('eventStats.byPeriod: by month by default, undated apart, year-only events in their own bucket', async () => {
    const { db } = fakeExecutor({
      eventCountsByPeriod: [
        { period: '2024', count: 2 },
        { period: '2024-05', count: 3 },
        { period: '~', count: 4 },
      ],
    });
    const result = await graphql({
      schema,
      source: '{ eventStats { byPeriod { total undated periods { period precision count } } } }',
      contextValue: createContext(db),
    });
    expect(result).toEqual({
      data: {
        eventStats: {
          byPeriod: {
            total: 9,
            undated: 4,
            periods: [
              { period: '2024', precision: 'YEAR', count: 2 },
              { period: '2024-05', precision: 'MONTH', count: 3 },
            ],
          },
        },
      },
    });
  });

  it.each([
    'movesByDestination(limit: 0) { moves }',
    'movesByDestination(limit: 101) { moves }',
    'byPeriod(from: "2024-05-13") { total }',
    'byKind(to: "2024-05-13") { count }',
  ])(
    'eventStats { %s } is BAD_USER_INPUT, nothing sent (the argument named over HTTP: test/e2e/stats.test.ts)',
    async (field) => {
      const { db, sent } = fakeExecutor();
      const result = await graphql({ schema, source: `{ eventStats { ${field} } }`, contextValue: createContext(db) });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(sent).toEqual([]);
    },
  );
});
