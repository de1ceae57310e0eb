import { startTestApp } from '../support/app';

/** Validated writes over HTTP: checked, all or nothing, idempotent, cleaned up after. */
describe('mutations', () => {
  let api: Awaited<ReturnType<typeof startTestApp>>;
  const tag = `test-writes-${process.pid}`;
  const sourceId = `source/${tag}`;
  const personId = `person/${tag}-li-lei`;
  const orgId = `org/${tag}-acme`;
  const eventId = `event/talent-move/${tag}-li-lei-to-acme`;
  const text = 'Li Lei, formerly of 零一萬物, joined Acme AI as chief scientist in March 2025.';

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.graph.driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $a OR n.id STARTS WITH $b OR n.id STARTS WITH $c OR n.id STARTS WITH $d DETACH DELETE n', {
      a: sourceId,
      b: `person/${tag}`,
      c: `org/${tag}`,
      d: `event/talent-move/${tag}`,
    });
    await api.close();
  });

  const countTagged = async () => {
    const { records } = await api.graph.driver.executeQuery(
      'MATCH (n) WHERE n.id CONTAINS $tag OPTIONAL MATCH (n)-[r]-() RETURN count(DISTINCT n) AS nodes, count(DISTINCT r) AS rels',
      { tag },
    );
    return { nodes: records[0]!.get('nodes').toNumber(), rels: records[0]!.get('rels').toNumber() };
  };
  const errorOf = async (query: string, variables: Record<string, unknown>) => {
    const body = await api.gql(query, variables);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions.stacktrace).toBeUndefined();
    return body.errors![0];
  };

  const ADD_SOURCE = 'mutation($input: SourceInput!) { addSource(input: $input) { id title } }';
  const ADD_ENTITY = 'mutation($input: EntityInput!) { addEntity(input: $input) { id name names label mentions { quote source { id } } } }';
  const ADD_REL = 'mutation($input: RelationshipInput!) { addRelationship(input: $input) { id type from { id } to { id } role citation { quote } } }';
  const ADD_EVENT = `mutation($input: EventInput!) { addEvent(input: $input) { id kind date summary attributes
    participants { role entity { id } } sources { quote source { id } } ... on TalentMove { mover { name } from { name } to { name } } } }`;

  const event = (overrides: Record<string, unknown> = {}) => ({
    id: eventId,
    kind: 'TALENT_MOVE',
    date: '2025-03',
    dateNote: 'in March 2025',
    summary: 'Li Lei moved from 零一萬物 to Acme AI',
    participants: [
      { role: 'mover', entity: personId },
      { role: 'from', entity: 'org/01-ai' },
      { role: 'to', entity: orgId },
    ],
    sourceId,
    quotes: ['joined Acme AI as chief scientist in March 2025'],
    attributes: { roleEn: 'chief scientist' },
    ...overrides,
  });

  it('adds a source, entities, a relationship and an event, each citing a verbatim quote', async () => {
    expect((await api.gql(ADD_SOURCE, { input: { id: sourceId, title: 'A test note', publisher: 'tests', date: '2025-03', text } })).data)
      .toEqual({ addSource: { id: sourceId, title: 'A test note' } });
    const person = await api.gql(ADD_ENTITY, { input: { id: personId, type: 'Person', name: 'Li Lei', aliases: ['李雷'], citation: { sourceId, quote: 'Li Lei' } } });
    expect(person.errors).toBeUndefined();
    expect(person.data.addEntity).toMatchObject({ id: personId, label: 'Person', mentions: [{ quote: 'Li Lei', source: { id: sourceId } }] });
    expect(person.data.addEntity.names).toEqual(['Li Lei', '李雷']);
    const org = await api.gql(ADD_ENTITY, { input: { id: orgId, type: 'Organization', name: 'Acme AI', categories: ['AI_STARTUP'], citation: { sourceId, quote: 'Acme AI' } } });
    expect(org.errors).toBeUndefined();

    const rel = await api.gql(ADD_REL, { input: { type: 'WORKS_AT', from: personId, to: orgId, role: 'chief scientist', since: '2025-03', citation: { sourceId, quote: 'joined Acme AI as chief scientist' } } });
    expect(rel.errors).toBeUndefined();
    expect(rel.data.addRelationship).toEqual({
      id: `rel/works_at/${personId}/${orgId}`,
      type: 'WORKS_AT',
      from: { id: personId },
      to: { id: orgId },
      role: 'chief scientist',
      citation: { quote: 'joined Acme AI as chief scientist' },
    });

    const added = await api.gql(ADD_EVENT, { input: event() });
    expect(added.errors).toBeUndefined();
    expect(added.data.addEvent).toMatchObject({
      id: eventId,
      kind: 'TALENT_MOVE',
      date: '2025-03',
      attributes: { roleEn: 'chief scientist' },
      mover: { name: 'Li Lei' },
      from: { name: '零一萬物' },
      to: { name: 'Acme AI' },
      sources: [{ quote: 'joined Acme AI as chief scientist in March 2025', source: { id: sourceId } }],
    });
    const { talentMoves } = (await api.gql(`{ talentMoves(to: "${orgId}") { id } }`)).data;
    expect(talentMoves).toEqual([{ id: eventId }]);
  });

  it('changes nothing when the same writes are sent again', async () => {
    const before = await countTagged();
    expect(before.nodes).toBe(4);
    await api.gql(ADD_ENTITY, { input: { id: personId, type: 'Person', name: 'Li Lei', aliases: ['李雷'], citation: { sourceId, quote: 'Li Lei' } } });
    await api.gql(ADD_REL, { input: { type: 'WORKS_AT', from: personId, to: orgId, role: 'chief scientist', since: '2025-03', citation: { sourceId, quote: 'joined Acme AI as chief scientist' } } });
    expect((await api.gql(ADD_EVENT, { input: event() })).errors).toBeUndefined();
    expect(await countTagged()).toEqual(before);
  });

  it('rejects a quote that is not a verbatim span of its source, writing nothing', async () => {
    const before = await countTagged();
    const error = await errorOf(ADD_EVENT, { input: event({ id: `event/talent-move/${tag}-invented`, quotes: ['joined Acme AI as CEO'] }) });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'facts' });
    expect(error.message).toMatch(/not a verbatim span/);
    expect(await countTagged()).toEqual(before);
  });

  it('rejects unknown participants and sources, writing nothing', async () => {
    const before = await countTagged();
    const unknownEntity = await errorOf(ADD_EVENT, {
      input: event({ id: `event/talent-move/${tag}-ghost`, participants: [{ role: 'mover', entity: `person/${tag}-ghost` }, { role: 'to', entity: orgId }] }),
    });
    expect(unknownEntity.message).toMatch(/unknown entity id: person\/test-writes-\d+-ghost/);
    const unknownSource = await errorOf(ADD_ENTITY, { input: { id: `person/${tag}-x`, type: 'Person', name: 'X', citation: { sourceId: 'source/nowhere', quote: 'X' } } });
    expect(unknownSource.message).toMatch(/unknown source id: source\/nowhere/);
    expect(await countTagged()).toEqual(before);
  });

  it('rejects malformed input with the field named, before touching the graph', async () => {
    const missingRole = await errorOf(ADD_EVENT, { input: event({ participants: [{ role: 'mover', entity: personId }] }) });
    expect(missingRole.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'participants' });
    const badRole = await errorOf(ADD_EVENT, { input: event({ participants: [{ role: 'boss', entity: personId }] }) });
    expect(badRole.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'participants.0.role' });
    const badCurrency = await errorOf(ADD_EVENT, { input: event({ price: { amount: 1, currency: 'dollars' } }) });
    expect(badCurrency.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'price.currency' });
    const badId = await errorOf(ADD_ENTITY, { input: { id: 'Li Lei', type: 'Person', name: 'Li Lei', citation: { sourceId, quote: 'Li Lei' } } });
    expect(badId.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    const wrongPrefix = await errorOf(ADD_ENTITY, { input: { id: `org/${tag}-li`, type: 'Person', name: 'Li Lei', citation: { sourceId, quote: 'Li Lei' } } });
    expect(wrongPrefix.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    const badDate = await errorOf(ADD_EVENT, { input: event({ date: '2025-3' }) });
    expect(badDate.extensions.code).toBe('BAD_USER_INPUT');
    const badLiteral = await errorOf(`mutation { addSource(input: { id: "source/${tag}-x", title: "x", text: "x", date: "2025-02-30" }) { id } }`, {});
    expect(badLiteral.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.date' });
    const reserved = await errorOf(ADD_EVENT, { input: event({ attributes: { kind: 'X' } }) });
    expect(reserved.extensions).toMatchObject({ argument: 'attributes' });
  });

  it('refuses a second entity with the name of an existing one, unless told it is another', async () => {
    const twin = { id: `org/${tag}-acme-2`, type: 'Organization', name: 'ACME AI', citation: { sourceId, quote: 'Acme AI' } };
    const error = await errorOf(ADD_ENTITY, { input: twin });
    expect(error.message).toMatch(new RegExp(`org/${tag}-acme-2 has the name of org/${tag}-acme`));
    expect((await api.gql(ADD_ENTITY, { input: { ...twin, allowSameName: true } })).errors).toBeUndefined();
    const { entitiesByName } = (await api.gql('{ entitiesByName(name: "acme ai") { id } }')).data;
    expect(entitiesByName.map((e: { id: string }) => e.id).sort()).toEqual([`org/${tag}-acme`, `org/${tag}-acme-2`]);
  });

  it('refuses to reuse an id for another kind of event', async () => {
    const error = await errorOf(ADD_EVENT, {
      input: event({ kind: 'ACQUISITION', participants: [{ role: 'acquirer', entity: orgId }, { role: 'target', entity: 'org/01-ai' }] }),
    });
    expect(error.message).toMatch(/another kind/);
    const { event: stored } = (await api.gql(`{ event(id: "${eventId}") { kind } }`)).data;
    expect(stored).toEqual({ kind: 'TALENT_MOVE' });
  });
});
