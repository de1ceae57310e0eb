import { startTestApp } from '../support/app';
import { EXPECTED_GRAPH_EVENT_KINDS } from '../support/seedExpectations';

/** The nodes of a connection, in order. */
const nodes = (connection: { edges: { node: any }[] }) => connection.edges.map((e) => e.node);

/** Every query of the public contract, over HTTP, answered from the seeded graph and checked against the article. */
describe('GraphQL API over HTTP', () => {
  let api: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    // Answers, not cost, are checked here: some documents ask several traversals at once, over the default
    // QUERY_MAX_COST since the costs track CPU time (the cost limit has its own tests: limits, costLimit).
    api = await startTestApp({ QUERY_MAX_COST: 500_000 });
  });
  afterAll(() => api.close());

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const body = await api.gql(query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const fails = async (query: string) => {
    const body = await api.gql(query);
    expect(body.errors?.length).toBeGreaterThan(0);
    const [error] = body.errors!;
    expect(error.extensions.stacktrace).toBeUndefined();
    return error;
  };

  describe('entity', () => {
    it('resolves a person by id with names in every form and where the source mentions them', async () => {
      const { entity } = await ok(
        '{ entity(id: "person/yang-zhilin") { __typename id name names label mentions { quote source { publisher } } } }',
      );
      expect(entity).toMatchObject({ __typename: 'Person', name: '楊植麟', label: 'Person' });
      expect(entity.names).toEqual(expect.arrayContaining(['楊植麟', '杨植麟', 'Yang Zhilin']));
      expect(entity.mentions[0].source.publisher).toBe('Tech星球');
    });

    it('returns null for an unknown id', async () => {
      expect(await ok('{ entity(id: "person/nobody") { id } }')).toEqual({ entity: null });
    });

    it('refetches any entity or event by its global id (Relay node)', async () => {
      const { person, event, none } = await ok(`{
        person: node(id: "person/yang-zhilin") { __typename id ... on Entity { name } }
        event: node(id: "event/licensing-deal/amazon-adept") { __typename id ... on LicensingDeal { licensee { name } joiners { id } } }
        none: node(id: "event/acquisition/nothing") { id } }`);
      expect(person).toEqual({ __typename: 'Person', id: 'person/yang-zhilin', name: '楊植麟' });
      expect(event).toEqual({
        __typename: 'LicensingDeal',
        id: 'event/licensing-deal/amazon-adept',
        licensee: { name: '亞馬遜' },
        joiners: [{ id: 'group/adept-cofounders-and-team' }],
      });
      expect(none).toBeNull();
    });

    it('shows a person page: roles with citations, moves', async () => {
      const { entity } = await ok(`{ entity(id: "person/huang-wenhao") { ... on Person {
        roles { type role to { id } citation { quote } }
        moves { totalCount edges { node { from { name } to { name } date dateNote } } } } } }`);
      expect(entity.roles).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ type: 'WORKS_AT', role: '模型預訓練負責人', to: { id: 'org/01-ai' } }),
        ]),
      );
      expect(entity.roles.every((r: { citation: { quote: string } }) => r.citation.quote.length > 0)).toBe(true);
      expect(entity.moves).toEqual({
        totalCount: 1,
        edges: [
          {
            node: { from: { name: '零一萬物' }, to: { name: '字節跳動' }, date: '2024', dateNote: expect.any(String) },
          },
        ],
      });
    });

    it('shows an organization page: people, investors, acquisitions, subsidiaries, events', async () => {
      const { moonshot, oppo, bytedance } = await ok(`{
        moonshot: entity(id: "org/moonshot-ai") { ... on Organization {
          people { type role from { name } }
          investors { from { name } role citation { quote } }
          events(kinds: [ARBITRATION]) { edges { node { id } } } } }
        oppo: entity(id: "org/oppo") { ... on Organization { acquisitions { edges { node { target { name } date } } } talentIn { edges { node { mover { name } } } } } }
        bytedance: entity(id: "org/bytedance") { ... on Organization { subsidiaries { name } products { name } categories } }
      }`);
      expect(moonshot.people).toEqual(
        expect.arrayContaining([
          { type: 'FOUNDED', role: '創始人', from: { name: '楊植麟' } },
          { type: 'WORKS_AT', role: 'CTO', from: { name: '張宇韜' } },
        ]),
      );
      expect(moonshot.investors).toEqual([expect.objectContaining({ from: { name: '金沙江創投' }, role: '前投資人' })]);
      expect(moonshot.events.edges).toHaveLength(1);
      expect(nodes(oppo.acquisitions)).toEqual([{ target: { name: '波形智能' }, date: '2024-10' }]);
      expect(nodes(oppo.talentIn)).toEqual([{ mover: { name: '波形智能創始團隊' } }]);
      expect(bytedance.subsidiaries).toEqual([{ name: '火山引擎' }]);
      expect(bytedance.products).toEqual([{ name: '豆包' }]);
      expect(bytedance.categories).toContain('BIG_TECH');
    });

    it('says which relationships the article does not state, and what they are inferred from', async () => {
      const { alibabaCloud, volcano, moonshot } = await ok(`{
        alibabaCloud: entity(id: "org/alibaba-cloud") { relationships(types: [SUBSIDIARY_OF]) { to { name } inferred inferredBasis citation { quote } } }
        volcano: entity(id: "org/volcano-engine") { relationships(types: [SUBSIDIARY_OF]) { to { name } inferred inferredBasis citation { quote } } }
        moonshot: entity(id: "org/moonshot-ai") { ... on Organization { investors { from { name } inferred inferredBasis } } } }`);
      expect(alibabaCloud.relationships).toEqual([
        {
          to: { name: '阿里' },
          inferred: true,
          inferredBasis:
            'The name 阿里雲 (Alibaba Cloud) contains its parent’s name 阿里; the article does not state the link.',
          citation: { quote: '阿里雲、百度智能雲、騰訊雲' },
        },
      ]);
      expect(volcano.relationships).toEqual([
        {
          to: { name: '字節跳動' },
          inferred: false,
          inferredBasis: null,
          citation: { quote: '字節跳動旗下的火山引擎' },
        },
      ]);
      expect(moonshot.investors).toEqual([
        { from: { name: '金沙江創投' }, inferred: true, inferredBasis: expect.stringContaining('前投資人') },
      ]);
    });

    it('looks a name up exactly, in any of its forms', async () => {
      for (const [name, id] of [
        ['杨植麟', 'person/yang-zhilin'],
        ['Moonshot AI', 'org/moonshot-ai'],
        ['bytedance', 'org/bytedance'],
        ['字節', 'org/bytedance'],
      ]) {
        const { entitiesByName } = await ok('query($name: String!) { entitiesByName(name: $name) { id } }', { name });
        expect({ name, ids: entitiesByName.map((e: { id: string }) => e.id) }).toEqual({ name, ids: [id] });
      }
      expect((await ok('{ entitiesByName(name: "Moonshot") { id } }')).entitiesByName).toEqual([]);
      expect((await fails('{ entitiesByName(name: " -- ") { id } }')).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'name',
      });
    });

    it('lists entities by type and category', async () => {
      const { entities } = await ok(
        '{ entities(type: Organization, category: CLOUD_PROVIDER) { edges { node { name } } } }',
      );
      expect(nodes(entities).map((e: { name: string }) => e.name)).toEqual(
        expect.arrayContaining(['火山引擎', '阿里雲', '百度智能雲', '騰訊雲']),
      );
    });
  });

  describe('limits', () => {
    it('refuses operations nested deeper than the cap, fragments included', async () => {
      const nest = (levels: number) =>
        '{ entity(id: "org/oppo") { ' + 'relationships { to { '.repeat(levels) + 'id' + ' } }'.repeat(levels) + ' } }';
      expect((await api.gql(nest(6))).errors).toBeUndefined();
      const deep = await fails(nest(8));
      expect(deep.extensions.code).toBe('DEPTH_LIMIT_EXCEEDED');
      expect(deep.message).toMatch(/nested 18 levels deep; at most 15/);
      const viaFragment = await fails(
        `query { entity(id: "org/oppo") { ...R } } fragment R on Entity { ${'relationships { to { '.repeat(8)}id${' } }'.repeat(8)} }`,
      );
      expect(viaFragment.message).toMatch(/at most 15/);
    });
  });

  describe('search', () => {
    it.each([
      ['杨植麟', 'person/yang-zhilin'],
      ['楊植麟', 'person/yang-zhilin'],
      ['Moonshot', 'org/moonshot-ai'],
      ['月之暗面', 'org/moonshot-ai'],
      ['bytedance', 'org/bytedance'],
      ['字节跳动', 'org/bytedance'],
      ['GSR Ventures', 'org/gsr-ventures'],
      ['朱啸虎', 'person/zhu-xiaohu'],
      // one character and prefixes, for typeahead, in either script
      ['楊', 'person/yang-zhilin'],
      ['杨', 'person/yang-zhilin'],
      ['月', 'org/moonshot-ai'],
      ['Moon', 'org/moonshot-ai'],
      ['字節', 'org/bytedance'],
      // the exact name before the names it starts
      ['阿里', 'org/alibaba'],
    ])('%s finds %s first', async (text, id) => {
      const { search } = await ok('query($text: String!) { search(text: $text, limit: 5) { id } }', { text });
      expect(search[0]?.id).toBe(id);
    });

    it('treats the index query syntax in user text as plain text', async () => {
      for (const text of ['Moonshot AND (', 'a:b', 'OR', 'title:*']) {
        const body = await api.gql('query($text: String!) { search(text: $text) { id } }', { text });
        expect({ text, errors: body.errors }).toEqual({ text, errors: undefined });
      }
      const { search } = await ok('{ search(text: "Moonshot AND (") { id } }');
      expect(search[0].id).toBe('org/moonshot-ai');
    });

    it('refuses text with nothing to search for, naming the argument', async () => {
      for (const text of ['"', '*', '\\', '  ']) {
        const body = await api.gql('query($text: String!) { search(text: $text) { id } }', { text });
        expect({ text, error: body.errors?.[0]?.extensions }).toEqual({
          text,
          error: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'text' }),
        });
      }
    });

    it('caps the limit', async () => {
      const error = await fails('{ search(text: "AI", limit: 51) { id } }');
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'limit' });
    });
  });

  describe('events', () => {
    it('takes explicit nulls as no filter', async () => {
      const ids = (connection: any) => connection.edges.map((e: { node: { id: string } }) => e.node.id);
      const plain = await ok(
        '{ events(first: 5) { edges { node { id } } } talentMoves(first: 5) { edges { node { id } } } }',
      );
      const nulls =
        await ok(`{ events(first: 5, kinds: null, involving: null, from: null, to: null) { edges { node { id } } }
        talentMoves(first: 5, mover: null, from: null, to: null) { edges { node { id } } } }`);
      expect(ids(nulls.events)).toEqual(ids(plain.events));
      expect(ids(nulls.talentMoves)).toEqual(ids(plain.talentMoves));
      expect(ids(plain.events)).toHaveLength(5);
    });

    it('pages through every event in (date, id) order with opaque cursors', async () => {
      const seen: { id: string; date: string | null }[] = [];
      let after: string | null = null;
      let total = -1;
      for (let page = 0; page < 20; page += 1) {
        const { events }: any = await ok(
          'query($after: String) { events(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id date } } } }',
          { after },
        );
        total = events.totalCount;
        seen.push(...events.edges.map((e: { node: { id: string; date: string | null } }) => e.node));
        if (!events.pageInfo.hasNextPage) break;
        after = events.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(total);
      expect(total).toBe(Object.values(EXPECTED_GRAPH_EVENT_KINDS).reduce((a, b) => a + b, 0));
      expect(new Set(seen.map((e) => e.id)).size).toBe(total);
      const keys = seen.map((e) => `${e.date ?? '~'} ${e.id}`);
      expect(keys).toEqual([...keys].sort());
    });

    it('filters by kind, participant and date range (inclusive at the precision given)', async () => {
      const { mayCuts, h2, moonshot } = await ok(`{
        mayCuts: events(kinds: [PRICE_CUT], from: "2024-05", to: "2024-05") { totalCount edges { node { ... on PriceCut { percent item cutters { name } } } } }
        h2: events(kinds: [ACQUISITION], from: "2024-07") { edges { node { id date } } }
        moonshot: events(involving: "org/moonshot-ai", kinds: [ARBITRATION]) { edges { node { ... on Arbitration {
          claimants { name } respondents { name } company { name } disclosedBy { name } disclosedOn sources { quote } } } } }
      }`);
      expect(mayCuts.totalCount).toBe(1);
      const cut = mayCuts.edges[0].node;
      expect(cut).toMatchObject({ percent: 90, item: '大模型推理算力價格' });
      expect(cut.cutters.map((c: { name: string }) => c.name)).toEqual([
        '火山引擎',
        '阿里雲',
        '百度智能雲',
        '騰訊雲',
        '科大訊飛',
      ]);
      expect(h2.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([
        'event/acquisition/google-character-ai',
        'event/acquisition/oppo-wave-intelligence',
      ]);
      const arbitration = moonshot.edges[0].node;
      expect(arbitration.respondents.map((r: { name: string }) => r.name)).toEqual(['楊植麟', '張宇韜']);
      expect(arbitration.claimants.map((c: { name: string }) => c.name)).toEqual([
        '金沙江創投',
        '多家循環智能投資機構',
      ]);
      expect(arbitration).toMatchObject({
        company: { name: '月之暗面' },
        disclosedBy: { name: '朱嘯虎' },
        disclosedOn: '2024-12-05',
      });
      expect(arbitration.sources.length).toBeGreaterThan(0);
    });

    it('returns an empty page for an unknown participant', async () => {
      expect((await ok('{ events(involving: "org/nobody") { totalCount edges { cursor } } }')).events).toEqual({
        totalCount: 0,
        edges: [],
      });
    });

    it('rejects bad input with BAD_USER_INPUT, naming the argument', async () => {
      expect((await fails('{ events(first: -1) { totalCount } }')).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'first',
      });
      expect((await fails('{ events(first: 101) { totalCount } }')).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'first',
      });
      // Relay sends `first: null` when it pages backward: null is "not given", a page of 20.
      expect((await ok('{ events(first: null) { edges { cursor } } }')).events.edges).toHaveLength(20);
      expect((await fails('{ events(first: 1, last: 1) { totalCount } }')).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'last',
      });
      expect((await fails('{ events(last: 101) { totalCount } }')).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'last',
      });
      expect((await fails('{ events(last: 1, before: "bm90IGEgY3Vyc29y") { totalCount } }')).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'before',
      });
      expect((await fails('{ events(after: "bm90IGEgY3Vyc29y") { totalCount } }')).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'after',
      });
      const date = await fails('{ events(from: "2024-13") { totalCount } }');
      expect(date.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
      expect(date.locations).toHaveLength(1);
      expect(date.message).toMatch(/PartialDate/);
      const variable = (await api.gql('query($d: PartialDate) { events(to: $d) { totalCount } }', { d: '5 May' }))
        .errors![0];
      expect(variable.extensions.code).toBe('BAD_USER_INPUT');
      expect(variable.message).toMatch(/\$d/);
    });

    it('resolves one event by id, or null', async () => {
      const { found, missing } = await ok(`{
        found: event(id: "event/acquisition/google-character-ai") { kind ... on Acquisition { acquirer { name } target { name } valuation { amount currency } price { amount } dealType } }
        missing: event(id: "event/none") { id } }`);
      expect(found).toEqual({
        kind: 'ACQUISITION',
        acquirer: { name: '谷歌' },
        target: { name: 'Character.AI' },
        valuation: { amount: 2.5e9, currency: 'USD' },
        price: null,
        dealType: expect.stringMatching(/valuation/),
      });
      expect(missing).toBeNull();
    });
  });

  describe('talentMoves and acquisitions', () => {
    it('who moved to ByteDance: 秦禹嘉 from 序智科技 and 黃文灝 from 零一萬物', async () => {
      const talentMoves = nodes(
        (
          await ok(
            '{ talentMoves(to: "org/bytedance") { edges { node { mover { name } from { name } to { name } } } } }',
          )
        ).talentMoves,
      );
      expect(talentMoves).toEqual(
        expect.arrayContaining([
          { mover: { name: '秦禹嘉' }, from: { name: '序智科技' }, to: { name: '字節跳動' } },
          { mover: { name: '黃文灝' }, from: { name: '零一萬物' }, to: { name: '字節跳動' } },
        ]),
      );
      expect(talentMoves).toHaveLength(2);
    });

    it('combines filters, and an unknown id gives an empty list', async () => {
      const { some, none } = await ok(`{
        some: talentMoves(mover: "group/wave-intelligence-founding-team", to: "org/oppo") { totalCount edges { node { role to { name } } } }
        none: talentMoves(from: "org/nobody") { totalCount edges { node { id } } } }`);
      expect(some).toEqual({ totalCount: 1, edges: [{ node: { role: '負責交互產品', to: { name: 'OPPO' } } }] });
      expect(none).toEqual({ totalCount: 0, edges: [] });
    });

    it('shows the moves other events imply: Adept’s co-founders and team joined Amazon in the licensing deal', async () => {
      const { talentMoves, talentFlow } = await ok(`{
        talentMoves(to: "org/amazon") { edges { node { id via date mover { id } from { id } to { id } sources { quote } } } }
        talentFlow { links { from { id } to { id } count events } } }`);
      expect(nodes(talentMoves)).toEqual([
        {
          id: 'event/talent-move/amazon-adept--adept-cofounders-and-team',
          via: 'event/licensing-deal/amazon-adept',
          date: '2024-06',
          mover: { id: 'group/adept-cofounders-and-team' },
          from: { id: 'org/adept' },
          to: { id: 'org/amazon' },
          // the deal's own quotes, in its order
          sources: [
            { quote: '6月,亞馬遜宣佈與Adept達成技術授權協議,並且其聯合創始人及部分團隊成員加入了這家電子商務巨頭。' },
            { quote: '美國的科技巨頭同樣在收購AI初創公司的核心人才和技術' },
          ],
        },
      ]);
      expect(talentFlow.links.filter((l: { to: { id: string } }) => l.to.id === 'org/amazon')).toEqual([
        {
          from: { id: 'org/adept' },
          to: { id: 'org/amazon' },
          count: 1,
          events: ['event/talent-move/amazon-adept--adept-cofounders-and-team'],
        },
      ]);
    });

    it('pages talent moves with a cursor', async () => {
      const first = (
        await ok(
          '{ talentMoves(first: 2) { totalCount totalCountExact pageInfo { hasNextPage endCursor } edges { node { id } } } }',
        )
      ).talentMoves;
      expect(first.totalCount).toBe(EXPECTED_GRAPH_EVENT_KINDS.TALENT_MOVE);
      expect(first.totalCountExact).toBe(true);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const rest = (
        await ok(
          'query($a: String) { talentMoves(first: 10, after: $a) { pageInfo { hasNextPage } edges { node { id } } } }',
          { a: first.pageInfo.endCursor },
        )
      ).talentMoves;
      expect(rest.pageInfo.hasNextPage).toBe(false);
      const ids = [...nodes(first), ...nodes(rest)].map((n: { id: string }) => n.id);
      expect(new Set(ids).size).toBe(EXPECTED_GRAPH_EVENT_KINDS.TALENT_MOVE);
    });

    it('who acquired whom: OPPO bought 波形智能; Microsoft paid 6.5億美元 for Inflection AI', async () => {
      const { oppo, microsoft, all } = await ok(`{
        oppo: acquisitions(acquirer: "org/oppo") { edges { node { target { name } date } } }
        microsoft: acquisitions(target: "org/inflection-ai") { edges { node { acquirer { name } price { amount currency } date } } }
        all: acquisitions { totalCount edges { node { id } } } }`);
      expect(nodes(oppo)).toEqual([{ target: { name: '波形智能' }, date: '2024-10' }]);
      expect(nodes(microsoft)).toEqual([
        { acquirer: { name: '微軟' }, price: { amount: 6.5e8, currency: 'USD' }, date: '2024-03' },
      ]);
      expect(all.totalCount).toBe(3);
      expect(nodes(all)).toHaveLength(3);
    });
  });

  describe('traversals', () => {
    it('connects 朱嘯虎 to 楊植麟 through the arbitration', async () => {
      const { shortestPath } = await ok(
        '{ shortestPath(from: "person/zhu-xiaohu", to: "person/yang-zhilin") { length nodes { id: nodeId label } edges { source target type role } } }',
      );
      expect(shortestPath.length).toBe(2);
      expect(shortestPath.nodes.map((n: { id: string }) => n.id)).toEqual([
        'person/zhu-xiaohu',
        'event/arbitration/gsr-recurrent-investors-vs-moonshot-founders',
        'person/yang-zhilin',
      ]);
      expect(shortestPath.edges.map((e: { role: string }) => e.role)).toEqual(['discloser', 'respondent']);
    });

    it('returns null beyond maxHops or for an unknown id, and a zero-length path to itself', async () => {
      const { tooShort, unknown, self } = await ok(`{
        tooShort: shortestPath(from: "person/zhu-xiaohu", to: "person/yang-zhilin", maxHops: 1) { length }
        unknown: shortestPath(from: "person/zhu-xiaohu", to: "person/nobody") { length }
        self: shortestPath(from: "org/oppo", to: "org/oppo") { length nodes { id: nodeId } } }`);
      expect(tooShort).toBeNull();
      expect(unknown).toBeNull();
      expect(self).toEqual({ length: 0, nodes: [{ id: 'org/oppo' }] });
    });

    it('rejects maxHops above the cap', async () => {
      const error = await fails('{ shortestPath(from: "a", to: "b", maxHops: 11) { length } }');
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxHops' });
    });

    it('returns a neighbourhood with the edges among its nodes, and never the provenance source', async () => {
      const { one, two, capped } = await ok(`{
        one: neighborhood(id: "org/oppo") { nodes { id: nodeId label } edges { source target type } }
        two: neighborhood(id: "org/oppo", depth: 2) { nodes { id: nodeId } edges { id: edgeId } }
        capped: neighborhood(id: "org/oppo", depth: 2, limit: 3) { nodes { id: nodeId } } }`);
      const ids = new Set(one.nodes.map((n: { id: string }) => n.id));
      expect(ids).toEqual(
        new Set([
          'org/oppo',
          'event/acquisition/oppo-wave-intelligence',
          'event/talent-move/wave-intelligence-founding-team-to-oppo',
        ]),
      );
      for (const edge of one.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      expect(one.edges).toHaveLength(2);
      expect(two.nodes.length).toBeGreaterThan(one.nodes.length);
      expect(two.nodes.map((n: { id: string }) => n.id)).toEqual(
        expect.arrayContaining(['org/wave-intelligence', 'group/wave-intelligence-founding-team']),
      );
      expect(two.nodes.some((n: { id: string }) => n.id.startsWith('source/'))).toBe(false);
      expect(capped.nodes).toHaveLength(3);
      expect(capped.nodes[0].id).toBe('org/oppo');
    });

    it('caps depth and limit', async () => {
      expect(
        (await fails('{ neighborhood(id: "org/oppo", depth: 4) { nodes { id: nodeId } } }')).extensions,
      ).toMatchObject({ argument: 'depth' });
      expect(
        (await fails('{ neighborhood(id: "org/oppo", limit: 0) { nodes { id: nodeId } } }')).extensions,
      ).toMatchObject({ argument: 'limit' });
      expect(await ok('{ neighborhood(id: "org/nobody") { nodes { id: nodeId } edges { id: edgeId } } }')).toEqual({
        neighborhood: { nodes: [], edges: [] },
      });
    });

    it('gives a company timeline in date order, undated last', async () => {
      const timeline = nodes(
        (await ok('{ timeline(entity: "org/wave-intelligence") { edges { node { kind date } } } }')).timeline,
      );
      expect(timeline.map((e: { kind: string }) => e.kind)).toEqual(
        expect.arrayContaining(['FOUNDING', 'ACQUISITION', 'TALENT_MOVE', 'FUNDING_ROUND']),
      );
      const dates = timeline.map((e: { date: string | null }) => e.date ?? '~');
      expect(dates).toEqual([...dates].sort());
      expect(timeline[0]).toEqual({ kind: 'FOUNDING', date: '2023' });
    });

    it('aggregates the talent flow for Sankey diagrams', async () => {
      const { talentFlow } = await ok(
        '{ talentFlow { nodes { id } links { from { id } to { id } count movers { name } } } }',
      );
      const toBytedance = talentFlow.links.filter((l: { to: { id: string } }) => l.to.id === 'org/bytedance');
      expect(toBytedance.reduce((n: number, l: { count: number }) => n + l.count, 0)).toBe(2);
      const linked = new Set(talentFlow.links.flatMap((l: any) => [l.from?.id, l.to.id]).filter(Boolean));
      expect(new Set(talentFlow.nodes.map((n: { id: string }) => n.id))).toEqual(linked);
    });
  });
});
