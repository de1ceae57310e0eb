import { removeTagged } from '../support/graph';
import { startTestApp } from '../support/app';

/**
 * Create-only writes and a true history under races (issue 17, parts 1–2): many writers of one id
 * at once over HTTP against the real Neo4j. The writer locks every id it writes before it checks
 * (cypher/queries/facts.cypher lockFacts), so exactly one creator wins and the others see it.
 */
describe('concurrent writers of one id', () => {
  let api: Awaited<ReturnType<typeof startTestApp>>;
  const tag = `test-races-${process.pid}`;
  const sourceId = `source/${tag}`;
  const personId = `person/${tag}-wang`;
  const orgId = `org/${tag}-beta`;
  const text = 'Wang Wu joined Beta Labs in April 2025 as its head of research, Beta Labs said.';
  const WRITERS = 20;

  const ADD_SOURCE = 'mutation($input: SourceInput!) { addSource(input: $input) { outcome source { id title } } }';
  const ADD_ENTITY = 'mutation($input: EntityInput!) { addEntity(input: $input) { outcome } }';
  const ADD_REL =
    'mutation($input: RelationshipInput!) { addRelationship(input: $input) { outcome relationship { role } } }';
  const ADD_EVENT = 'mutation($input: EventInput!) { addEvent(input: $input) { outcome event { summary } } }';
  const UPDATE_EVENT =
    'mutation($input: EventInput!, $expected: ID) { updateEvent(input: $input, reason: "race", expectedRevision: $expected) { outcome event { summary } } }';
  const CORROBORATE = 'mutation($input: CorroborationInput!) { corroborate(input: $input) { outcome sourceCount } }';

  const event = (id: string, summary: string) => ({
    id,
    kind: 'TALENT_MOVE',
    date: '2025-04',
    summary,
    participants: [
      { role: 'mover', entity: personId },
      { role: 'to', entity: orgId },
    ],
    sourceId,
    quotes: ['Wang Wu joined Beta Labs in April 2025'],
    allowSimilar: true,
  });

  /** Each answer's outcome, or its error code. */
  const outcomes = (answers: { data?: any; errors?: any[] }[], field: string) =>
    answers.map((a) => a.errors?.[0]?.extensions?.code ?? a.data?.[field]?.outcome ?? 'NONE');
  const tally = (codes: string[]) =>
    Object.fromEntries([...new Set(codes)].sort().map((c) => [c, codes.filter((x) => x === c).length]));
  const history = async (id: string) =>
    (await api.gql('query($id: ID!) { history(id: $id, limit: 100) { id action before after principal } }', { id }))
      .data.history as {
      id: string;
      action: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }[];
  const all = <T>(n: number, make: (i: number) => Promise<T>) =>
    Promise.all(Array.from({ length: n }, (_, i) => make(i)));

  beforeAll(async () => {
    api = await startTestApp({ RATE_LIMIT_PRINCIPAL_PER_SECOND: 0 });
    expect(
      (await api.gql(ADD_SOURCE, { input: { id: sourceId, title: 'Race note', publisher: 'tests', text } })).errors,
    ).toBeUndefined();
    for (const input of [
      { id: personId, type: 'Person', name: `Wang Wu ${tag}`, citation: { sourceId, quote: 'Wang Wu' } },
      { id: orgId, type: 'Organization', name: `Beta Labs ${tag}`, citation: { sourceId, quote: 'Beta Labs' } },
    ]) {
      expect((await api.gql(ADD_ENTITY, { input })).errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await removeTagged(api.graph, tag);
    await api.close();
  });

  it(`addEvent: ${WRITERS} creators of one id with different values give one winner and ${WRITERS - 1} CONFLICT`, async () => {
    const id = `event/talent-move/${tag}-one`;
    const answers = await all(WRITERS, (i) => api.gql(ADD_EVENT, { input: event(id, `Summary ${i}`) }));
    expect(tally(outcomes(answers, 'addEvent'))).toEqual({ CONFLICT: WRITERS - 1, CREATED: 1 });
    const winner = answers.find((a) => a.data?.addEvent)!.data.addEvent.event.summary;
    const { event: stored } = (await api.gql('query($id: ID!) { event(id: $id) { summary } }', { id })).data;
    expect(stored.summary).toBe(winner);
    expect((await history(id)).map((r) => r.action)).toEqual(['CREATE']);
  });

  it(`addRelationship: ${WRITERS} creators with different roles give one winner and ${WRITERS - 1} CONFLICT`, async () => {
    const input = (i: number) => ({
      type: 'WORKS_AT',
      from: personId,
      to: orgId,
      role: `role ${i}`,
      citation: { sourceId, quote: 'Wang Wu joined Beta Labs' },
    });
    const answers = await all(WRITERS, (i) => api.gql(ADD_REL, { input: input(i) }));
    expect(tally(outcomes(answers, 'addRelationship'))).toEqual({ CONFLICT: WRITERS - 1, CREATED: 1 });
    const winner = answers.find((a) => a.data?.addRelationship)!.data.addRelationship.relationship.role;
    const { records } = await api.graph.driver.executeQuery(
      'MATCH (:Entity {id: $from})-[r:WORKS_AT]->(:Entity {id: $to}) RETURN r.role AS role',
      { from: personId, to: orgId },
    );
    expect(records.map((r) => r.get('role'))).toEqual([winner]);
    expect((await history(`rel/works_at/${personId}/${orgId}`)).map((r) => r.action)).toEqual(['CREATE']);
  });

  it(`addSource: ${WRITERS} creators with different texts give one winner, whose text stays`, async () => {
    const id = `${sourceId}-raced`;
    const answers = await all(WRITERS, (i) =>
      api.gql(ADD_SOURCE, { input: { id, title: `Title ${i}`, text: `Text number ${i}.` } }),
    );
    expect(tally(outcomes(answers, 'addSource'))).toEqual({ CONFLICT: WRITERS - 1, CREATED: 1 });
    const winner = answers.find((a) => a.data?.addSource)!.data.addSource.source.title as string;
    const { records } = await api.graph.driver.executeQuery(
      'MATCH (s:Source {id: $id}) RETURN s.title AS title, s.text AS text',
      { id },
    );
    expect(records.map((r) => [r.get('title'), r.get('text')])).toEqual([
      [winner, `Text number ${winner.split(' ')[1]}.`],
    ]);
    expect((await history(id)).map((r) => r.action)).toEqual(['CREATE']);
  });

  it('corroborate: concurrent writers of the same new citation add it once, with one revision', async () => {
    const other = `${sourceId}-second`;
    expect(
      (await api.gql(ADD_SOURCE, { input: { id: other, title: 'Second note', text: 'Beta Labs hired Wang Wu.' } }))
        .errors,
    ).toBeUndefined();
    const input = { factId: orgId, citations: [{ sourceId: other, quote: 'Beta Labs' }] };
    const answers = await all(WRITERS, () => api.gql(CORROBORATE, { input }));
    expect(tally(outcomes(answers, 'corroborate'))).toEqual({ CORROBORATED: 1, UNCHANGED: WRITERS - 1 });
    expect((await history(orgId)).map((r) => r.action)).toEqual(['CORROBORATE', 'CREATE']);
    const { records } = await api.graph.driver.executeQuery(
      'MATCH (:Entity {id: $id})-[c:MENTIONED_IN]->(:Source {id: $other}) RETURN count(c) AS n',
      { id: orgId, other },
    );
    expect(records[0]!.get('n').toNumber()).toBe(1);
  });

  it('50 identical addEvent calls at once: one node, one CREATE revision, 49 UNCHANGED', async () => {
    const id = `event/talent-move/${tag}-same`;
    const answers = await all(50, () => api.gql(ADD_EVENT, { input: event(id, 'The same summary') }));
    expect(tally(outcomes(answers, 'addEvent'))).toEqual({ CREATED: 1, UNCHANGED: 49 });
    expect((await history(id)).map((r) => r.action)).toEqual(['CREATE']);
    const { records } = await api.graph.driver.executeQuery('MATCH (e:Event {id: $id}) RETURN count(e) AS n', { id });
    expect(records[0]!.get('n').toNumber()).toBe(1);
  });

  it(`${WRITERS} concurrent updateEvent calls: each revision's before is the value it replaced (an unbroken chain)`, async () => {
    const id = `event/talent-move/${tag}-updated`;
    expect((await api.gql(ADD_EVENT, { input: event(id, 'Version start') })).errors).toBeUndefined();
    const answers = await all(WRITERS, (i) => api.gql(UPDATE_EVENT, { input: event(id, `Version ${i}`) }));
    expect(tally(outcomes(answers, 'updateEvent'))).toEqual({ UPDATED: WRITERS });
    const revisions = (await history(id)).reverse(); // oldest first
    expect(revisions.map((r) => r.action)).toEqual(['CREATE', ...Array(WRITERS).fill('UPDATE')]);
    let current = revisions[0]!.after!.summary;
    for (const r of revisions.slice(1)) {
      expect(r.before).toEqual({ summary: current });
      current = r.after!.summary;
    }
    const { event: stored } = (await api.gql('query($id: ID!) { event(id: $id) { summary } }', { id })).data;
    expect(stored.summary).toBe(current);
  });

  it(`${WRITERS} concurrent updateEvent calls expecting the same revision: one wins, ${WRITERS - 1} CONFLICT naming the stale revision`, async () => {
    const id = `event/talent-move/${tag}-expected`;
    expect((await api.gql(ADD_EVENT, { input: event(id, 'Version start') })).errors).toBeUndefined();
    const [created] = await history(id);
    const answers = await all(WRITERS, (i) =>
      api.gql(UPDATE_EVENT, { input: event(id, `Version ${i}`), expected: created!.id }),
    );
    expect(tally(outcomes(answers, 'updateEvent'))).toEqual({ CONFLICT: WRITERS - 1, UPDATED: 1 });
    const conflict = answers.find((a) => a.errors)!.errors![0];
    expect(conflict.extensions).toMatchObject({ code: 'CONFLICT', id });
    expect(conflict.message).toContain(`not the expected ${created!.id}`);
    const revisions = await history(id);
    expect(revisions.map((r) => r.action)).toEqual(['UPDATE', 'CREATE']);
    expect(revisions[0]!.before).toEqual({ summary: 'Version start' });
    // The winner's revision is the one to expect next; the old one stays stale.
    const next = await api.gql(UPDATE_EVENT, { input: event(id, 'Version next'), expected: revisions[0]!.id });
    expect(next.data.updateEvent.outcome).toBe('UPDATED');
    const stale = await api.gql(UPDATE_EVENT, { input: event(id, 'Version stale'), expected: revisions[0]!.id });
    expect(stale.errors![0].extensions.code).toBe('CONFLICT');
  });
});
