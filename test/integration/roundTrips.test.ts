import { createApp, type App } from '../../src/http/app';
import { createContext } from '../../src/graphql/context';
import { logger } from '../../src/logger';
import { openTestGraph } from '../support/graph';

/**
 * A request costs a fixed number of Cypher round trips, whatever the size of its result:
 * the same nested query over few rows and over many rows must send the same number of queries.
 */
describe('bounded round trips', () => {
  let graph: Awaited<ReturnType<typeof openTestGraph>>;
  let app: App;
  beforeAll(async () => {
    graph = await openTestGraph();
    // Round trips, not cost, are measured here: the traversal document (four of the costliest fields
    // together) is over the default QUERY_MAX_COST since the costs were calibrated against CPU time.
    app = await createApp({ db: graph.db, logger, settings: { QUERY_MAX_COST: 500_000 } });
  });
  afterAll(async () => {
    await app.close();
    await graph.close();
  });

  async function roundTrips(
    query: string,
    variables: Record<string, unknown>,
  ): Promise<{ trips: number; rows: number }> {
    const context = createContext(graph.db);
    const response = await app.apollo.executeOperation({ query, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    expect(response.body.singleResult.errors).toBeUndefined();
    return { trips: context.db.roundTrips, rows: JSON.stringify(response.body.singleResult.data).length };
  }

  it('events with participants, their relationships, mentions and events, and citations', async () => {
    const query = `query($first: Int!, $kinds: [EventKind!]) { events(first: $first, kinds: $kinds) { totalCount edges { node {
      id sources { quote source { title } }
      participants { role entity { id name mentions { quote }
        relationships { type to { name } citation { quote } }
        events { edges { node { id participants { entity { name } } } } }
        ... on Organization { people { from { name } } investors { from { name } } acquisitions { edges { node { target { name } } } } }
        ... on Person { roles { to { name } } moves { edges { node { to { name } } } } } } } } } } }`;
    // One event with people and organizations among its participants (the arbitration), or 60 of every kind.
    const few = await roundTrips(query, { first: 1, kinds: ['ARBITRATION'] });
    const many = await roundTrips(query, { first: 60, kinds: null });
    expect(many.rows).toBeGreaterThan(few.rows * 10);
    expect(many.trips).toBe(few.trips);
    // The events page and its count; relationships read with their citations (`relationships`) and
    // without (`people`, `investors`: the lighter read a hub needs); mentions; and one per event scope
    // asked for (Entity.events, Organization.acquisitions, Person.moves): 8, for 1 event or 60.
    expect(many.trips).toBe(8);
  });

  it('an organization page and entity lists', async () => {
    const query = `query($limit: Int!) { entities(type: Organization, first: $limit) { edges { node { name ... on Organization {
      categories people { type from { name } citation { quote } } investors { from { name } } investments { to { name } }
      subsidiaries { name } parent { name } products { name }
      acquisitions { totalCount edges { node { target { name } price { amount } } } } acquiredBy { edges { node { acquirer { name } } } }
      talentIn { edges { node { mover { name } } } } talentOut { edges { node { to { name } } } }
      events { edges { node { kind sources { quote } } } } mentions { quote } } } } } }`;
    const few = await roundTrips(query, { limit: 1 });
    const many = await roundTrips(query, { limit: 40 });
    expect(many.rows).toBeGreaterThan(few.rows * 5);
    expect(many.trips).toBe(few.trips);
    // entities; relationships with citations (`people … citation`) and without (investors,
    // investments, subsidiaries, parent, products); mentions; one per event scope (acquisitions,
    // acquiredBy, talentIn, talentOut, events) and the acquisitions' count: 10, for 1 organization or 40.
    expect(many.trips).toBe(10);
  });

  it('one query per root field for traversals', async () => {
    const { trips } = await roundTrips(
      `query($id: ID!) { neighborhood(id: $id, depth: 2) { nodes { nodeId node { id } } edges { edgeId } }
        shortestPath(from: "person/zhu-xiaohu", to: $id) { length }
        timeline(entity: $id) { edges { node { id participants { entity { name } } } } }
        talentFlow { links { count } } }`,
      { id: 'org/moonshot-ai' },
    );
    // neighborhood, its nodes' entities and events (two batched look-ups), shortestPath, timeline, talentFlow.
    expect(trips).toBe(6);
  });
});
