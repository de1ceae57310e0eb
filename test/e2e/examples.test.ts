import { readExamples } from '../../src/http/examples';
import { startVisualApp, type VisualApp } from '../support/visualApp';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** True when some list in the answer has an element or some leaf is set: the operation found something. */
function hasContent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(hasContent);
  if (typeof value === 'object') return Object.values(value).some(hasContent);
  return true;
}

describe('schema/examples.graphql', () => {
  const examples = readExamples();
  let api: VisualApp;
  beforeAll(async () => {
    api = await startVisualApp({ ide: true });
  });
  afterAll(() => api?.close());

  it('has the operations the IDE promises', () => {
    expect(examples.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        'WhoMovedToByteDance',
        'WhatOppoAcquired',
        'TheArbitrationAndItsParties',
        'HowZhuXiaohuIsConnectedToYangZhilin',
        'MoonshotNeighbourhood',
        'MoonshotTimeline',
        'SearchSimplifiedName',
        'TalentFlow',
        'AcquisitionsAsAGraph',
      ]),
    );
    for (const example of examples) expect(example.description.length).toBeGreaterThan(10);
  });

  // Subscriptions run over graphql-ws (test/e2e/live.test.ts runs FollowChanges), not over HTTP.
  it.each(
    readExamples()
      .filter((e) => !/^subscription\b/m.test(e.query))
      .map((e) => [e.name, e]),
  )('%s runs with no errors and returns data', async (_name, example) => {
    const body = await api.gql(example.query);
    expect(body.errors).toBeUndefined();
    for (const [field, value] of Object.entries(body.data ?? {})) {
      expect({ field, found: hasContent(value) }).toEqual({ field, found: true });
    }
    expect(Object.keys(body.data ?? {}).length).toBeGreaterThan(0);
  });

  it('answers the questions they ask', async () => {
    const run = async (name: string) => (await api.gql(examples.find((e) => e.name === name)!.query)).data;
    expect(
      (await run('WhatOppoAcquired')).acquisitions.edges.map(
        (e: { node: { target: { id: string } } }) => e.node.target.id,
      ),
    ).toEqual(['org/wave-intelligence']);
    expect(
      (await run('MovesImpliedByADeal')).talentMoves.edges.map((e: { node: { via: string } }) => e.node.via),
    ).toEqual(['event/licensing-deal/amazon-adept']);
    expect((await run('TypeaheadOneCharacter')).search[0].id).toBe('person/yang-zhilin');
    const path = (await run('HowZhuXiaohuIsConnectedToYangZhilin')).shortestPath;
    expect(path.nodes[0].nodeId).toBe('person/zhu-xiaohu');
    expect(path.nodes.at(-1).nodeId).toBe('person/yang-zhilin');
    expect((await run('SearchSimplifiedName')).search[0].id).toBe('person/yang-zhilin');
    const latest = (await run('MoonshotLatestEvents')).timeline;
    expect(latest.edges).toHaveLength(3);
    expect(latest.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: latest.edges[0].cursor,
      endCursor: latest.edges[2].cursor,
    });
  });

  it('GET /graphql from a browser is the IDE, with the examples as its tabs; POST and JSON GETs stay GraphQL', async () => {
    const page = await fetch(api.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('/ide/graphiql.js');
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    const tabs = (await (await fetch(`${api.base}/ide/examples.json`)).json()) as { name: string; query: string }[];
    expect(tabs.map((t) => t.name)).toEqual(examples.map((e) => e.name));
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css', 'ide.js']) {
      const response = await fetch(`${api.base}/ide/${asset}`);
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
    }
    const get = await fetch(`${api.url}?query=${encodeURIComponent('{ health { status } }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(((await get.json()) as { data: unknown }).data).toEqual({ health: { status: 'ok' } });
    expect((await api.gql('{ health { status } }')).data).toEqual({ health: { status: 'ok' } });
  });

  it('GRAPHQL_IDE=false: no IDE at GET /graphql and no IDE files', async () => {
    const off = await startVisualApp({ ide: false });
    try {
      const page = await fetch(off.url, { headers: { accept: BROWSER_ACCEPT } });
      expect(await page.text()).not.toContain('graphiql');
      expect(page.headers.get('content-type')).not.toMatch(/^text\/html/);
      expect((await fetch(`${off.base}/ide/graphiql.js`)).status).toBe(404);
      expect((await off.gql('{ health { status } }')).data).toEqual({ health: { status: 'ok' } });
    } finally {
      await off.close();
    }
  });
});
