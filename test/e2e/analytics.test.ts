import { startVisualApp, type VisualApp } from '../support/visualApp';

const ROW = 'entity { id label name } events relationships score';

/** centrality(...) and the selection metrics of graph(...), on the seeded article graph. */
describe('analytics', () => {
  let api: VisualApp;
  beforeAll(async () => {
    api = await startVisualApp({ ide: false });
  });
  afterAll(() => api?.close());

  const ok = async (query: string) => {
    const body = await api.gql(query);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const brief = (rows: { entity: { id: string }; events: number; relationships: number; score: number }[]) =>
    rows.map((r) => [r.entity.id, r.events, r.relationships, r.score]);

  /** Scores counted the slow way, by expanding every entity's relationships: what centrality must agree with. */
  async function expandedScores(kinds: string[] | null): Promise<[string, number][]> {
    const { records } = await api.graph.driver.executeQuery(
      `MATCH (n:Entity)
       OPTIONAL MATCH (n)<-[r:INVOLVES]-(e:Event) WHERE $kinds IS NULL OR e.kind IN $kinds
       WITH n, count(r) AS events
       OPTIONAL MATCH (n)-[s:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]-()
       WITH n, events, CASE WHEN $kinds IS NULL THEN count(s) ELSE 0 END AS relationships
       WHERE events + relationships > 0
       RETURN n.id AS id, events + relationships AS score ORDER BY score DESC, id`,
      { kinds },
    );
    return records.map((r) => [r.get('id'), r.get('score').toNumber()]);
  }

  describe('centrality', () => {
    it('of the whole graph: events plus stable relationships, highest first, ties by id', async () => {
      const { centrality } = await ok(`{ centrality(limit: 6) { ${ROW} } }`);
      expect(brief(centrality)).toEqual([
        ['org/tech-xingqiu', 12, 0, 12], // the article's publisher reports most of the metrics and statements
        ['org/bytedance', 4, 5, 9],
        ['org/moonshot-ai', 4, 5, 9],
        ['group/six-little-tigers', 3, 4, 7],
        ['org/wave-intelligence', 5, 2, 7],
        ['org/openai', 5, 1, 6],
      ]);
      expect(centrality[2].entity).toEqual({ id: 'org/moonshot-ai', label: 'Organization', name: '月之暗面' });
      const { centrality: all } = await ok(`{ centrality(limit: 100) { ${ROW} } }`);
      expect(all.map((r: { entity: { id: string }; score: number }) => [r.entity.id, r.score])).toEqual(
        (await expandedScores(null)).slice(0, 100),
      );
    });

    it('of the acquisitions and the talent flow: only events of those kinds count', async () => {
      const { centrality } = await ok(`{ centrality(kinds: [ACQUISITION, TALENT_MOVE], limit: 5) { ${ROW} } }`);
      expect(brief(centrality)).toEqual([
        ['org/bytedance', 2, 0, 2],
        ['org/oppo', 2, 0, 2],
        ['org/wave-intelligence', 2, 0, 2],
        // the move the Amazon–Adept licensing deal implies counts as a talent move
        ['group/adept-cofounders-and-team', 1, 0, 1],
        ['group/wave-intelligence-founding-team', 1, 0, 1],
      ]);
      const { centrality: all } = await ok(`{ centrality(kinds: [ACQUISITION, TALENT_MOVE], limit: 100) { ${ROW} } }`);
      expect(all.map((r: { entity: { id: string }; score: number }) => [r.entity.id, r.score])).toEqual(
        await expandedScores(['ACQUISITION', 'TALENT_MOVE']),
      );
    });

    it('restricted to entity types, with and without kinds', async () => {
      const { people, orgs } = await ok(
        `{ people: centrality(labels: [Person], limit: 3) { ${ROW} } orgs: centrality(labels: [Organization], kinds: [TALENT_MOVE], limit: 4) { ${ROW} } }`,
      );
      expect(brief(people)).toEqual([
        ['person/wang-xiaochuan', 1, 3, 4],
        ['person/anon-primary-market-practitioner', 3, 0, 3],
        ['person/fu-sheng', 1, 2, 3],
      ]);
      expect(brief(orgs)).toEqual([
        ['org/bytedance', 2, 0, 2],
        ['org/01-ai', 1, 0, 1],
        ['org/adept', 1, 0, 1],
        ['org/amazon', 1, 0, 1],
      ]);
    });

    it.each(['limit: 0', 'limit: 101'])('rejects %s as BAD_USER_INPUT naming limit', async (args) => {
      const body = await api.gql(`{ centrality(${args}) { score } }`);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'limit' });
    });
  });

  describe('degree, pagerank and community of a selection', () => {
    const SELECTION = 'seeds: ["org/moonshot-ai"], depth: 2';
    const FIELDS = 'nodes { id: nodeId degree pagerank community } edges { id: edgeId source target }';

    it('degree is the node’s edges inside the selection, as Neo4j counts them; pagerank sums to 1; communities are repeatable', async () => {
      const { graph } = await ok(`{ graph(${SELECTION}) { ${FIELDS} } }`);
      const ids: string[] = graph.nodes.map((n: { id: string }) => n.id);
      const { records } = await api.graph.driver.executeQuery(
        `MATCH (n)-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF|INVOLVES]-(m)
         WHERE n.id IN $ids AND m.id IN $ids RETURN n.id AS id, count(r) AS degree`,
        { ids },
      );
      const expected = Object.fromEntries(ids.map((id) => [id, 0]));
      for (const r of records) expected[r.get('id')] = r.get('degree').toNumber();
      expect(Object.fromEntries(graph.nodes.map((n: { id: string; degree: number }) => [n.id, n.degree]))).toEqual(
        expected,
      );
      expect(expected['org/moonshot-ai']).toBeGreaterThan(5);

      const total = graph.nodes.reduce((sum: number, n: { pagerank: number }) => sum + n.pagerank, 0);
      expect(total).toBeCloseTo(1, 9);
      // importance flows along the edges: to the group its members join, to the company its people and events point at
      const top = [...graph.nodes]
        .sort((a: { pagerank: number }, b: { pagerank: number }) => b.pagerank - a.pagerank)
        .slice(0, 3);
      expect(top.map((n: { id: string }) => n.id)).toEqual([
        'group/six-little-tigers',
        'org/moonshot-ai',
        'org/gsr-ventures',
      ]);

      const again = await ok(`{ graph(${SELECTION}) { ${FIELDS} } }`);
      expect(again.graph.nodes).toEqual(graph.nodes);
      const community = (id: string) => graph.nodes.find((n: { id: string }) => n.id === id).community;
      // the founder and the arbitration against him are in the company's community
      expect(community('person/yang-zhilin')).toBe(community('org/moonshot-ai'));
      expect(new Set(graph.nodes.map((n: { community: number }) => n.community)).size).toBeGreaterThan(1);
    });

    it('neighborhood(...) is the same selection as graph(seeds, depth), with the same metrics', async () => {
      const { graph, neighborhood } = await ok(
        `{ graph(${SELECTION}) { ${FIELDS} } neighborhood(id: "org/moonshot-ai", depth: 2) { ${FIELDS} } }`,
      );
      expect(neighborhood.nodes).toEqual(graph.nodes);
    });

    it('a path’s metrics are on the path', async () => {
      const { shortestPath } = await ok(
        '{ shortestPath(from: "person/zhu-xiaohu", to: "person/yang-zhilin") { length nodes { id: nodeId degree } } }',
      );
      const degrees = shortestPath.nodes.map((n: { degree: number }) => n.degree);
      expect(degrees).toEqual([1, ...Array(shortestPath.length - 1).fill(2), 1]);
    });
  });
});
