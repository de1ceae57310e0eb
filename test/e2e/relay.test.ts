import { Kind, parse, print, visit, type FieldNode, type SelectionSetNode } from 'graphql';
import { bearer, startTestApp, TEST_KEYS } from '../support/app';
import { postGraphQL } from '../support/process';
import { textOf } from '../../src/errors';

/**
 * What Relay and Apollo Client rely on, against the seeded graph: one object per global id
 * (their caches key by it), PageInfo with correct values both ways, nested connections that page
 * to the end, and partial answers.
 */

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/** __typename in every selection set, as Apollo Client adds it (and Relay for abstract types). */
function withTypenames(query: string): string {
  return print(
    visit(parse(query), {
      SelectionSet: (node: SelectionSetNode, _key, parent) =>
        parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION
          ? undefined
          : { ...node, selections: [TYPENAME, ...node.selections] },
    }),
  );
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every object of the answers that has an `id`, with the path it was found at. */
function objectsWithIds(value: Json, path: string, out: { path: string; object: Record<string, Json> }[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => objectsWithIds(v, `${path}.${i}`, out));
  else if (value && typeof value === 'object') {
    if ('id' in value) out.push({ path, object: value });
    for (const [k, v] of Object.entries(value)) objectsWithIds(v, `${path}.${k}`, out);
  }
}

describe('Relay and Apollo Client conventions', () => {
  let api: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api?.close());

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const { data, errors } = await api.gql(query, variables);
    expect(errors).toBeUndefined();
    return data;
  };

  describe('global ids', () => {
    const SELECTION_NODE =
      'nodeId label name degree pagerank community node { id ... on Entity { name degree } ... on Event { kind date summary } }';
    const OPERATIONS = [
      `{ graph(seeds: ["group/six-little-tigers"], depth: 1) { totalNodes nodes { ${SELECTION_NODE} } edges { edgeId source target type } } }`,
      `{ graph(kinds: [ACQUISITION]) { nodes { ${SELECTION_NODE} } edges { edgeId type } } }`,
      `{ neighborhood(id: "org/moonshot-ai", depth: 2) { nodes { ${SELECTION_NODE} } edges { edgeId source target type role } } }`,
      `{ neighborhood(id: "person/yang-zhilin", depth: 1) { nodes { ${SELECTION_NODE} } edges { edgeId type } } }`,
      '{ talentFlow { nodes { id name label } links { count from { id name } to { id name degree } movers { id name label } events } } }',
      `{ tigers: entity(id: "group/six-little-tigers") { id name degree }
         moonshot: entity(id: "org/moonshot-ai") { id name degree relationships { id type from { id name } to { id name } } }
         timeline(entity: "org/moonshot-ai", first: 50) { edges { node { id kind date summary participants { entity { id name } } } } } }`,
    ];

    it('walk over graph, neighborhood and talentFlow answers: one type and one set of values per id', async () => {
      const found: { path: string; object: Record<string, Json> }[] = [];
      for (const [i, query] of OPERATIONS.entries()) objectsWithIds(await ok(withTypenames(query)), `op${i}`, found);
      const byId = new Map<string, { path: string; object: Record<string, Json> }[]>();
      for (const entry of found)
        byId.set(textOf(entry.object.id), [...(byId.get(textOf(entry.object.id)) ?? []), entry]);
      expect(byId.size).toBeGreaterThan(30);
      const conflicts: string[] = [];
      for (const [id, entries] of byId) {
        const [first] = entries;
        for (const other of entries.slice(1)) {
          for (const [field, value] of Object.entries(other.object)) {
            if (typeof value === 'object' && value !== null) continue; // nested objects are walked on their own
            if (field in first!.object && JSON.stringify(first!.object[field]) !== JSON.stringify(value)) {
              conflicts.push(
                `${id}.${field}: ${JSON.stringify(first!.object[field])} at ${first!.path}, ${JSON.stringify(value)} at ${other.path}`,
              );
            }
          }
        }
      }
      expect(conflicts).toEqual([]);
      // Nothing that belongs to a selection has an id: GraphNode, GraphEdge, the flow's links.
      expect(
        found.filter((f) =>
          ['GraphNode', 'GraphEdge', 'TalentFlowLink', 'Graph', 'GraphSelection'].includes(textOf(f.object.__typename)),
        ),
      ).toEqual([]);
    });

    it("a selection's degree stays on its GraphNode: the entity keeps its own degree under its id", async () => {
      const { graph, tigers } = await ok(`{ tigers: entity(id: "group/six-little-tigers") { id degree }
        graph(seeds: ["group/six-little-tigers"], depth: 0) { nodes { nodeId degree node { id ... on Entity { degree } } } } }`);
      const [node] = graph.nodes;
      expect(node.nodeId).toBe('group/six-little-tigers');
      expect(node.node).toEqual({ id: 'group/six-little-tigers', degree: tigers.degree });
      expect(tigers.degree).toBeGreaterThan(node.degree); // alone in its selection, it has no edges there
    });
  });

  describe('paging both ways', () => {
    type Page = {
      pageInfo: {
        hasNextPage: boolean;
        hasPreviousPage: boolean;
        startCursor: string | null;
        endCursor: string | null;
      };
      edges: { cursor: string; node: { id: string } }[];
    };
    const PAGE = '{ pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } }';

    /**
     * Every page of a connection forward (first/after) or backward (last/before), following the
     * cursors: `query` puts the paging arguments in place, `list` finds the connection in the answer.
     */
    async function walk(
      query: (paging: string) => string,
      list: (data: any) => Page,
      direction: 'forward' | 'backward',
      size: number,
    ): Promise<Page[]> {
      const text = `query($cursor: String) { ${query(direction === 'forward' ? `first: ${size}, after: $cursor` : `last: ${size}, before: $cursor`)} }`;
      const out: Page[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 200; i++) {
        const page = list(await ok(text, { cursor }));
        out.push(page);
        const more = direction === 'forward' ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
        if (!more) return out;
        cursor = direction === 'forward' ? page.pageInfo.endCursor : page.pageInfo.startCursor;
      }
      throw new Error('more than 200 pages');
    }

    /** Every page of the root field `field(args)`. */
    const pages = (field: string, args: string, direction: 'forward' | 'backward', size: number) =>
      walk(
        (paging) => `list: ${field}(${args}${args ? ', ' : ''}${paging}) ${PAGE}`,
        (data) => data.list,
        direction,
        size,
      );

    /** Backward pages, reversed, list what forward pages list; PageInfo right on every page of both. */
    async function expectBothWays(walkOne: (direction: 'forward' | 'backward') => Promise<Page[]>, size: number) {
      const forward = await walkOne('forward');
      const backward = await walkOne('backward');
      const ids = (list: Page[]) => list.flatMap((p) => p.edges.map((e) => e.node.id));
      expect(ids(forward).length).toBeGreaterThan(size);
      expect(ids([...backward].reverse())).toEqual(ids(forward));
      for (const [i, page] of forward.entries()) {
        expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
        expect({ page: i, hasPreviousPage: page.pageInfo.hasPreviousPage }).toEqual({
          page: i,
          hasPreviousPage: i > 0,
        });
      }
      for (const [i, page] of backward.entries()) {
        expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
        expect({ page: i, hasNextPage: page.pageInfo.hasNextPage }).toEqual({ page: i, hasNextPage: i > 0 });
        expect(page.edges.length).toBe(i < backward.length - 1 ? size : page.edges.length);
      }
    }

    it.each([
      ['timeline', 'entity: "org/moonshot-ai"', 3],
      ['events', '', 7],
      ['events', 'kinds: [TALENT_MOVE, ACQUISITION]', 4],
      ['talentMoves', 'to: "org/bytedance"', 1],
      ['acquisitions', '', 2],
      ['entities', '', 7],
      ['entities', 'orderBy: DEGREE', 6],
      ['entities', 'orderBy: LATEST_EVENT', 5],
      ['entities', 'namePrefix: "a"', 3],
      ['entities', 'namePrefix: "一", orderBy: DEGREE', 3],
      ['entities', 'type: Organization, orderBy: DEGREE', 4],
      ['entities', 'hasEventOf: [ACQUISITION, TALENT_MOVE], orderBy: LATEST_EVENT', 2],
    ])(
      '%s(%s) backward, %d at a time, lists what forward paging lists, and PageInfo is right at every page',
      async (field, args, size) => {
        await expectBothWays((direction) => pages(field, args, direction, size), size);
      },
    );

    it.each([
      ['org/tech-xingqiu', 'Entity', 'events', '', 4],
      ['org/tech-xingqiu', 'Entity', 'events', 'kinds: [STATEMENT, METRIC]', 5],
      ['org/moonshot-ai', 'Entity', 'events', '', 1],
      ['org/bytedance', 'Organization', 'talentIn', '', 1],
    ])(
      "%s's nested %s.%s(%s) backward, %d at a time, lists what forward paging lists, PageInfo right at every page",
      async (id, type, field, args, size) => {
        await expectBothWays(
          (direction) =>
            walk(
              (paging) =>
                `entity(id: ${JSON.stringify(id)}) { ... on ${type} { list: ${field}(${args}${args ? ', ' : ''}${paging}) ${PAGE} } }`,
              (data) => data.entity.list,
              direction,
              size,
            ),
          size,
        );
      },
    );

    it("the seed's source's facts backward, 7 at a time, list what forward paging lists, PageInfo right at every page", async () => {
      const FACTS =
        '{ pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id: factId } } }';
      await expectBothWays(
        (direction) =>
          walk(
            (paging) => `source(id: "source/techxingqiu-2024-12-llm-shakeout") { list: facts(${paging}) ${FACTS} }`,
            (data) => data.source.list,
            direction,
            7,
          ),
        7,
      );
    });

    it.each([
      ['org/oppo', 'Organization', 'acquisitions'],
      ['org/wave-intelligence', 'Organization', 'acquiredBy'],
      ['org/wave-intelligence', 'Organization', 'talentOut'],
      ['person/qin-yujia', 'Person', 'moves'],
    ])("%s's one-event %s.%s: last 1 is first 1, with nothing on either side", async (id, type, field) => {
      const { entity } = await ok(
        `{ entity(id: ${JSON.stringify(id)}) { ... on ${type} { f: ${field}(first: 1) ${PAGE} l: ${field}(last: 1) ${PAGE} } } }`,
      );
      expect(entity.f.edges).toHaveLength(1);
      expect(entity.l).toEqual(entity.f);
      expect(entity.f.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
      const before = await ok(
        `query($c: String) { entity(id: ${JSON.stringify(id)}) { ... on ${type} { b: ${field}(last: 5, before: $c) ${PAGE} a: ${field}(first: 5, after: $c) ${PAGE} } } }`,
        { c: entity.f.edges[0].cursor },
      );
      expect(before.entity.b).toEqual({
        edges: [],
        pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null },
      });
      expect(before.entity.a).toEqual({
        edges: [],
        pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
      });
    });

    it('nested connections and Source.facts refuse first with last, naming the argument', async () => {
      const nested = await api.gql(
        '{ entity(id: "org/bytedance") { ... on Organization { talentIn(first: 1, last: 1) { edges { cursor } } } } }',
      );
      expect(nested.errors?.[0]).toMatchObject({
        path: ['entity', 'talentIn'],
        extensions: { code: 'BAD_USER_INPUT', argument: 'last' },
      });
      const facts = await api.gql(
        '{ source(id: "source/techxingqiu-2024-12-llm-shakeout") { facts(first: 1, last: 1) { edges { cursor } } } }',
      );
      expect(facts.errors?.[0]).toMatchObject({
        path: ['source', 'facts'],
        extensions: { code: 'BAD_USER_INPUT', argument: 'last' },
      });
      const cursor = await api.gql(
        '{ entity(id: "org/moonshot-ai") { events(last: 1, before: "bm90IGEgY3Vyc29y") { edges { cursor } } } }',
      );
      expect(cursor.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'before' } });
    });

    it("many entities' nested pages backward in one request, each its own (batched per scope)", async () => {
      const ids = ['org/tech-xingqiu', 'org/moonshot-ai', 'org/openai', 'org/bytedance'];
      const together = await ok(
        `{ ${ids.map((id, i) => `e${i}: entity(id: ${JSON.stringify(id)}) { events(last: 2) ${PAGE} }`).join(' ')} }`,
      );
      for (const [i, id] of ids.entries()) {
        const alone = await ok(`{ entity(id: ${JSON.stringify(id)}) { events(last: 2) ${PAGE} } }`);
        expect(together[`e${i}`].events).toEqual(alone.entity.events);
        const { timeline } = await ok(`{ timeline(entity: ${JSON.stringify(id)}, last: 2) ${PAGE} }`);
        expect(alone.entity.events).toEqual(timeline);
      }
    });

    it('a cursor of one direction serves the other: the events before the one after which a page starts', async () => {
      const { events } = await ok(`{ events(first: 6) ${PAGE} }`);
      const third = events.edges[2].cursor;
      const before = await ok(`query($c: String) { events(last: 10, before: $c) ${PAGE} }`, { c: third });
      expect(before.events.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
        events.edges.slice(0, 2).map((e: { node: { id: string } }) => e.node.id),
      );
      expect(before.events.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
      const after = await ok(`query($c: String) { events(first: 3, after: $c) ${PAGE} }`, { c: third });
      expect(after.events.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(
        events.edges.slice(3, 6).map((e: { node: { id: string } }) => e.node.id),
      );
      expect(after.events.pageInfo.hasPreviousPage).toBe(true);
    });

    it('entities refuses first with last, and a cursor of another order, naming the argument', async () => {
      const both = await api.gql('{ entities(first: 2, last: 2) { edges { cursor } } }');
      expect(both.errors?.[0]).toMatchObject({
        path: ['entities'],
        extensions: { code: 'BAD_USER_INPUT', argument: 'last' },
      });
      const { entities } = await ok('{ entities(first: 1) { edges { cursor } } }');
      const other = await api.gql(
        'query($c: String) { entities(last: 2, before: $c, orderBy: DEGREE) { edges { cursor } } }',
        { c: entities.edges[0].cursor },
      );
      expect(other.errors?.[0]).toMatchObject({
        path: ['entities'],
        extensions: { code: 'BAD_USER_INPUT', argument: 'before' },
      });
    });

    it('entities between two cursors: first after one and before another, and last of the same range', async () => {
      const { entities } = await ok(`{ entities(first: 8, orderBy: DEGREE) ${PAGE} }`);
      const [a, b] = [entities.edges[1].cursor, entities.edges[6].cursor];
      const inside = entities.edges.slice(2, 6).map((e: { node: { id: string } }) => e.node.id);
      const first = await ok(
        `query($a: String, $b: String) { entities(first: 3, after: $a, before: $b, orderBy: DEGREE) ${PAGE} }`,
        { a, b },
      );
      expect(first.entities.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(inside.slice(0, 3));
      expect(first.entities.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
      const last = await ok(
        `query($a: String, $b: String) { entities(last: 10, after: $a, before: $b, orderBy: DEGREE) ${PAGE} }`,
        { a, b },
      );
      expect(last.entities.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(inside);
      expect(last.entities.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    });

    it.each(['NAME', 'DEGREE', 'LATEST_EVENT'])(
      'entities(orderBy: %s): the entry a cursor names counts as before a page after it, and after a page before it',
      async (order) => {
        const { head, tail } = await ok(
          `{ head: entities(first: 1, orderBy: ${order}) ${PAGE} tail: entities(last: 1, orderBy: ${order}) ${PAGE} }`,
        );
        const afterFirst = await ok(`query($c: String) { entities(first: 2, after: $c, orderBy: ${order}) ${PAGE} }`, {
          c: head.edges[0].cursor,
        });
        expect(afterFirst.entities.pageInfo.hasPreviousPage).toBe(true);
        const beforeLast = await ok(`query($c: String) { entities(last: 2, before: $c, orderBy: ${order}) ${PAGE} }`, {
          c: tail.edges[0].cursor,
        });
        expect(beforeLast.entities.pageInfo.hasNextPage).toBe(true);
        expect(head.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
        expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
      },
    );

    it("an organization's nested talentIn pages to the end with its totalCount, in the order of talentMoves(to:)", async () => {
      const query = `query($after: String) { entity(id: "org/bytedance") { ... on Organization {
        talentIn(first: 1, after: $after) { totalCount totalCountExact pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { id } } } } } }`;
      const ids: string[] = [];
      let after: string | null = null;
      let total = -1;
      for (let i = 0; i < 50; i++) {
        const { entity } = await ok(query, { after });
        const page = entity.talentIn;
        total = page.totalCount;
        expect(page.totalCountExact).toBe(true);
        ids.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      const { talentMoves } = await ok('{ talentMoves(to: "org/bytedance", first: 100) { edges { node { id } } } }');
      expect(ids).toEqual(talentMoves.edges.map((e: { node: { id: string } }) => e.node.id));
      expect(ids.length).toBe(total);
      expect(total).toBeGreaterThan(1);
    });

    it('says when a nested list is cut: the caps are in the schema, the flags in the answer', async () => {
      const { entity } = await ok(
        '{ entity(id: "org/moonshot-ai") { relationshipsTruncated mentionsTruncated relationships { id } mentions { quote } } }',
      );
      expect(entity).toMatchObject({ relationshipsTruncated: false, mentionsTruncated: false });
      expect(entity.relationships.length).toBeGreaterThan(0);
    });
  });

  describe('partial answers', () => {
    it('a failing root field is null beside its siblings, which keep their data (HTTP 200)', async () => {
      const { status, body } = await postGraphQL(
        api.url,
        '{ health { status } events(first: 1000) { totalCount } entity(id: "org/oppo") { name } }',
        undefined,
        bearer(TEST_KEYS.admin),
      );
      expect(status).toBe(200);
      expect(body.data).toEqual({ health: { status: 'ok' }, events: null, entity: { name: 'OPPO' } });
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]).toMatchObject({
        path: ['events'],
        extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
      });
    });

    it('every root query field but the write model’s sources, history and similarEvents is nullable; an error in a non-null one nulls the whole answer', async () => {
      const { data } = await api.gql('{ __schema { queryType { fields { name type { kind } } } } }');
      const nonNull = data.__schema.queryType.fields
        .filter((f: { type: { kind: string } }) => f.type.kind === 'NON_NULL')
        .map((f: { name: string }) => f.name);
      expect(nonNull.sort()).toEqual(['history', 'similarEvents', 'sources']);
      const { status, body } = await postGraphQL(
        api.url,
        '{ health { status } sources(first: 0) { id } }',
        undefined,
        bearer(TEST_KEYS.admin),
      );
      expect(status).toBe(200);
      expect(body.data).toBeNull();
      expect(body.errors![0]).toMatchObject({ path: ['sources'], extensions: { code: 'BAD_USER_INPUT' } });
    });

    it('a document that does not validate runs nothing: no data, HTTP 400', async () => {
      const { status, body } = await postGraphQL(
        api.url,
        '{ health { status } events(first: "ten") { totalCount } }',
        undefined,
        bearer(TEST_KEYS.admin),
      );
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });
});
