import { toFactRows } from '../../src/model/factRows';
import { nameKey } from '../../src/model/names';
import { readSeedData } from '../../src/seed/seedData';
import { startTestApp } from '../support/app';

/**
 * `entities`: filters, the three orders and their cursors, counts, on the seeded article graph.
 * Other test files write into the same graph at the same time, so list checks keep only the seed's
 * entities (in the order the API gave them) and compare them with what the seed files imply.
 */
describe('entities connection', () => {
  let api: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const seed = readSeedData();
  const rows = toFactRows(seed);
  const seedIds = new Set(rows.entities.map((e) => e.id));
  const byId = new Map(seed.entities.map((e) => [e.id, e]));
  /** Degree as the writer keeps it: one per role in an event (implied moves included), one per stable relationship. */
  const degree = new Map<string, number>();
  const latest = new Map<string, string>();
  for (const e of rows.events) {
    for (const p of e.participants) {
      degree.set(p.entity, (degree.get(p.entity) ?? 0) + 1);
      const date = e.props.date as string | undefined;
      if (date && (latest.get(p.entity) ?? '') < date) latest.set(p.entity, date);
    }
  }
  for (const r of rows.relationships) for (const id of [r.from, r.to]) degree.set(id, (degree.get(id) ?? 0) + 1);

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const body = await api.gql(query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const errorOf = async (query: string, variables?: Record<string, unknown>) => {
    const body = await api.gql(query, variables);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions.stacktrace).toBeUndefined();
    return body.errors![0];
  };

  const PAGE = `query($first: Int, $after: String, $orderBy: EntityOrder, $type: EntityType, $category: OrganizationCategory, $namePrefix: String,
      $hasEventOf: [EventKind!], $eventsFrom: PartialDate, $eventsTo: PartialDate) {
    entities(first: $first, after: $after, orderBy: $orderBy, type: $type, category: $category, namePrefix: $namePrefix,
        hasEventOf: $hasEventOf, eventsFrom: $eventsFrom, eventsTo: $eventsTo) {
      totalCount totalCountExact pageInfo { hasNextPage endCursor } edges { cursor node { id name degree latestEvent } }
    }
  }`;
  type Node = { id: string; name: string; degree: number; latestEvent: string | null };

  /** Every page of a filter, following the cursors; the pages' sizes too. */
  const all = async (variables: Record<string, unknown>) => {
    const nodes: Node[] = [];
    const sizes: number[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const { entities } = await ok(PAGE, { ...variables, after });
      nodes.push(...entities.edges.map((e: { node: Node }) => e.node));
      sizes.push(entities.edges.length);
      if (!entities.pageInfo.hasNextPage) return { nodes, sizes };
      expect(entities.pageInfo.endCursor).toBe(entities.edges.at(-1).cursor);
      after = entities.pageInfo.endCursor;
    }
    throw new Error('more than 100 pages');
  };
  const seedOnly = (nodes: Node[]) => nodes.filter((n) => seedIds.has(n.id)).map((n) => n.id);

  it('pages through every entity in name order: name key, then id', async () => {
    const { nodes, sizes } = await all({ first: 10 });
    const expected = [...seedIds].sort((a, b) =>
      nameKey(byId.get(a)!.name) + ' ' + a < nameKey(byId.get(b)!.name) + ' ' + b ? -1 : 1,
    );
    expect(seedOnly(nodes)).toEqual(expected);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    expect(sizes.slice(0, -1).every((s) => s === 10)).toBe(true);
  });

  it("orders by degree, highest first, ties by id from the end; the degrees are the seed's", async () => {
    const { nodes } = await all({ first: 25, orderBy: 'DEGREE' });
    const keys = nodes.map((n) => `${String(n.degree).padStart(10, '0')} ${n.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    const seen = nodes.filter((n) => seedIds.has(n.id));
    expect(seen).toHaveLength(seedIds.size);
    expect(seen.find((n) => n.id === 'org/moonshot-ai')!.degree).toBe(degree.get('org/moonshot-ai'));
    expect(seen.find((n) => n.id === 'person/yang-zhilin')!.degree).toBe(degree.get('person/yang-zhilin'));
  });

  it('orders by latest event, newest first, entities without dated events last', async () => {
    const { nodes } = await all({ first: 25, orderBy: 'LATEST_EVENT' });
    const keys = nodes.map((n) => `${n.latestEvent ?? ''} ${n.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    const seen = nodes.filter((n) => seedIds.has(n.id) && !n.id.startsWith('org/01-ai'));
    for (const n of seen)
      expect({ id: n.id, latestEvent: n.latestEvent }).toEqual({ id: n.id, latestEvent: latest.get(n.id) ?? null });
  });

  it('filters by type and category, counted exactly', async () => {
    const clouds = seed.entities
      .filter((e) => e.categories?.includes('CLOUD_PROVIDER'))
      .map((e) => e.id)
      .sort();
    const { entities } = await ok(PAGE, {
      type: 'Organization',
      category: 'CLOUD_PROVIDER',
      first: 50,
      orderBy: 'DEGREE',
    });
    expect(entities.edges.map((e: { node: Node }) => e.node.id).sort()).toEqual(clouds);
    expect({ totalCount: entities.totalCount, exact: entities.totalCountExact }).toEqual({
      totalCount: clouds.length,
      exact: true,
    });
    const products = await ok(PAGE, { type: 'Product', first: 1 });
    expect(products.entities).toMatchObject({ totalCount: 2, totalCountExact: true, pageInfo: { hasNextPage: true } });
  });

  it('matches a name prefix in any script and any form, each entity once', async () => {
    const expectedFor = (prefix: string) =>
      seed.entities
        .filter((e) => [e.name, ...(e.aliases ?? [])].some((n) => nameKey(n).startsWith(nameKey(prefix))))
        .map((e) => e.id)
        .sort();
    for (const prefix of ['楊', '杨', '月之', 'Moon', 'moonshot ai', '字']) {
      for (const orderBy of ['NAME', 'DEGREE']) {
        const { nodes } = await all({ namePrefix: prefix, orderBy, first: 2 });
        expect({ prefix, orderBy, ids: seedOnly(nodes).sort() }).toEqual({ prefix, orderBy, ids: expectedFor(prefix) });
        expect(expectedFor(prefix).length).toBeGreaterThan(0);
      }
    }
  });

  it("filters by the kinds and dates of an entity's events", async () => {
    const taking = (pick: (e: (typeof rows.events)[number]) => boolean) =>
      [...new Set(rows.events.filter(pick).flatMap((e) => e.participants.map((p) => p.entity)))].sort();
    const arbitration = await all({ hasEventOf: ['ARBITRATION'], first: 4 });
    expect(arbitration.nodes.map((n) => n.id).sort()).toEqual(taking((e) => e.props.kind === 'ARBITRATION'));
    const june = await all({ eventsFrom: '2024-06', eventsTo: '2024-06', first: 50, orderBy: 'LATEST_EVENT' });
    expect(seedOnly(june.nodes).sort()).toEqual(taking((e) => String(e.props.date ?? '').startsWith('2024-06')));
    const peopleMoving = await all({ type: 'Person', hasEventOf: ['TALENT_MOVE', 'LICENSING_DEAL'], first: 50 });
    expect(seedOnly(peopleMoving.nodes).sort()).toEqual(
      taking((e) => ['TALENT_MOVE', 'LICENSING_DEAL'].includes(e.props.kind as string)).filter((id) =>
        id.startsWith('person/'),
      ),
    );
    const { entities } = await ok(PAGE, { hasEventOf: ['ARBITRATION'], first: 1 });
    expect({ totalCount: entities.totalCount, exact: entities.totalCountExact }).toEqual({
      totalCount: arbitration.nodes.length,
      exact: true,
    });
  });

  it('takes explicit nulls as no filter', async () => {
    const nulls = {
      type: null,
      category: null,
      namePrefix: null,
      hasEventOf: null,
      eventsFrom: null,
      eventsTo: null,
      first: 3,
    };
    const { entities } = await ok(PAGE, nulls);
    expect(entities.edges.map((e: { node: Node }) => e.node.id)).toEqual(
      (await ok(PAGE, { first: 3 })).entities.edges.map((e: { node: Node }) => e.node.id),
    );
    expect(entities.edges).toHaveLength(3);
  });

  it('refuses bad arguments with the argument named', async () => {
    const cursor = (await ok(PAGE, { first: 1 })).entities.pageInfo.endCursor;
    expect((await errorOf(PAGE, { after: cursor, orderBy: 'DEGREE' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'after',
    });
    expect((await errorOf(PAGE, { after: 'nonsense' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'after',
    });
    expect((await errorOf(PAGE, { namePrefix: ' - ' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'namePrefix',
    });
    expect((await errorOf(PAGE, { first: 101 })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'first',
    });
    expect((await errorOf(PAGE, { hasEventOf: [] })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'hasEventOf',
    });
  });
});
