import { nameKey } from '../../src/model/names';
import { statsStore } from '../../src/store/stats.store';
import { bearer, startTestApp, TEST_KEYS } from '../support/app';
import { postGraphQL } from '../support/process';

/** Validated writes over HTTP: checked, all or nothing, idempotent, create-only, revised, cleaned up after. */
describe('mutations', () => {
  let api: Awaited<ReturnType<typeof startTestApp>>;
  const tag = `test-writes-${process.pid}`;
  const sourceId = `source/${tag}`;
  const personId = `person/${tag}-li-lei`;
  const orgId = `org/${tag}-acme`;
  const eventId = `event/talent-move/${tag}-li-lei-to-acme`;
  const text = 'Li Lei, formerly of 零一萬物, joined Acme AI as chief scientist in March 2025.';

  beforeAll(async () => {
    // Many writes in a few seconds, 12 of them at once: the per-key rate limit (tested in trust.test.ts) is off here.
    api = await startTestApp({ RATE_LIMIT_PRINCIPAL_PER_SECOND: 0 });
  });
  afterAll(async () => {
    // Only what this file wrote: its facts, their revisions, and the name forms no entity bears any more.
    await api.graph.driver.executeQuery(
      `MATCH (n) WHERE n.id STARTS WITH $a OR n.id STARTS WITH $b OR n.id STARTS WITH $c OR n.id STARTS WITH $d OR n.id STARTS WITH $e DETACH DELETE n
       WITH count(*) AS done
       MATCH (r:Revision) WHERE r.targetId CONTAINS $tag DELETE r
       WITH count(*) AS done
       MATCH (k:Name) WHERE k.key IN $keys AND NOT (k)<-[:NAMED]-() DELETE k`,
      {
        a: sourceId,
        b: `person/${tag}`,
        c: `org/${tag}`,
        d: `event/talent-move/${tag}`,
        e: `tally/movesTo/org/${tag}`,
        tag,
        keys: NAMES.map(nameKey),
      },
    );
    // The delete bypassed the writer: recount the event tallies (eventStats) as after a bulk change.
    await statsStore.recomputeAllTallies(api.graph.db);
    await api.close();
  });
  const NAMES = ['Li Lei', '李雷', 'Acme AI', 'ACME AI', `Race ${tag}`, 'Han Meimei'];

  const countTagged = async () => {
    const { records } = await api.graph.driver.executeQuery(
      'MATCH (n) WHERE n.id CONTAINS $tag AND NOT n:Tally OPTIONAL MATCH (n)-[r]-() RETURN count(DISTINCT n) AS nodes, count(DISTINCT r) AS rels',
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

  const ADD_SOURCE = 'mutation($input: SourceInput!) { addSource(input: $input) { source { id title } } }';
  const ADD_ENTITY =
    'mutation($input: EntityInput!) { addEntity(input: $input) { entity { id name names label mentions { quote source { id } } } } }';
  const ADD_REL =
    'mutation($input: RelationshipInput!) { addRelationship(input: $input) { relationship { id type from { id } to { id } role citation { quote } } } }';
  const ADD_EVENT = `mutation($input: EventInput!) { addEvent(input: $input) { event { id kind date summary attributes
    participants { role entity { id } } sources { quote source { id } } ... on TalentMove { mover { name } from { name } to { name } } } } }`;

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
    expect(
      (
        await api.gql(ADD_SOURCE, {
          input: { id: sourceId, title: 'A test note', publisher: 'tests', date: '2025-03', text },
        })
      ).data,
    ).toEqual({ addSource: { source: { id: sourceId, title: 'A test note' } } });
    const person = await api.gql(ADD_ENTITY, {
      input: {
        id: personId,
        type: 'Person',
        name: 'Li Lei',
        aliases: ['李雷'],
        citation: { sourceId, quote: 'Li Lei' },
      },
    });
    expect(person.errors).toBeUndefined();
    expect(person.data.addEntity.entity).toMatchObject({
      id: personId,
      label: 'Person',
      mentions: [{ quote: 'Li Lei', source: { id: sourceId } }],
    });
    expect(person.data.addEntity.entity.names).toEqual(['Li Lei', '李雷']);
    const org = await api.gql(ADD_ENTITY, {
      input: {
        id: orgId,
        type: 'Organization',
        name: 'Acme AI',
        categories: ['AI_STARTUP'],
        citation: { sourceId, quote: 'Acme AI' },
      },
    });
    expect(org.errors).toBeUndefined();

    const rel = await api.gql(ADD_REL, {
      input: {
        type: 'WORKS_AT',
        from: personId,
        to: orgId,
        role: 'chief scientist',
        since: '2025-03',
        citation: { sourceId, quote: 'joined Acme AI as chief scientist' },
      },
    });
    expect(rel.errors).toBeUndefined();
    expect(rel.data.addRelationship.relationship).toEqual({
      id: `rel/works_at/${personId}/${orgId}`,
      type: 'WORKS_AT',
      from: { id: personId },
      to: { id: orgId },
      role: 'chief scientist',
      citation: { quote: 'joined Acme AI as chief scientist' },
    });

    const added = await api.gql(ADD_EVENT, { input: event() });
    expect(added.errors).toBeUndefined();
    expect(added.data.addEvent.event).toMatchObject({
      id: eventId,
      kind: 'TALENT_MOVE',
      date: '2025-03',
      attributes: { roleEn: 'chief scientist' },
      mover: { name: 'Li Lei' },
      from: { name: '零一萬物' },
      to: { name: 'Acme AI' },
      sources: [{ quote: 'joined Acme AI as chief scientist in March 2025', source: { id: sourceId } }],
    });
    const { talentMoves } = (await api.gql(`{ talentMoves(to: "${orgId}") { edges { node { id } } } }`)).data;
    expect(talentMoves).toEqual({ edges: [{ node: { id: eventId } }] });
  });

  it('changes nothing when the same writes are sent again', async () => {
    const before = await countTagged();
    expect(before.nodes).toBe(4);
    await api.gql(ADD_ENTITY, {
      input: {
        id: personId,
        type: 'Person',
        name: 'Li Lei',
        aliases: ['李雷'],
        citation: { sourceId, quote: 'Li Lei' },
      },
    });
    await api.gql(ADD_REL, {
      input: {
        type: 'WORKS_AT',
        from: personId,
        to: orgId,
        role: 'chief scientist',
        since: '2025-03',
        citation: { sourceId, quote: 'joined Acme AI as chief scientist' },
      },
    });
    expect((await api.gql(ADD_EVENT, { input: event() })).errors).toBeUndefined();
    expect(await countTagged()).toEqual(before);
  });

  it('rejects a quote that is not a verbatim span of its source, writing nothing', async () => {
    const before = await countTagged();
    const error = await errorOf(ADD_EVENT, {
      input: event({ id: `event/talent-move/${tag}-invented`, quotes: ['joined Acme AI as CEO'] }),
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.quotes.0' });
    expect(error.message).toMatch(/not a verbatim span/);
    expect(await countTagged()).toEqual(before);
  });

  it('refuses an inferred relationship that does not say what it is inferred from, writing nothing', async () => {
    const before = await countTagged();
    const input = { type: 'INVESTED_IN', from: personId, to: orgId, citation: { sourceId, quote: 'Acme AI' } };
    const noBasis = await errorOf(ADD_REL, { input: { ...input, inferred: true } });
    expect(noBasis.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.inferredBasis' });
    expect(noBasis.message).toMatch(/says what it is inferred from/);
    const basisOnly = await errorOf(ADD_REL, { input: { ...input, inferredBasis: 'a guess' } });
    expect(basisOnly.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.inferred' });
    expect(await countTagged()).toEqual(before);
  });

  it('rejects unknown participants and sources, writing nothing', async () => {
    const before = await countTagged();
    const unknownEntity = await errorOf(ADD_EVENT, {
      input: event({
        id: `event/talent-move/${tag}-ghost`,
        participants: [
          { role: 'mover', entity: `person/${tag}-ghost` },
          { role: 'to', entity: orgId },
        ],
      }),
    });
    expect(unknownEntity.message).toMatch(/unknown entity id: person\/test-writes-\d+-ghost/);
    expect(unknownEntity.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.participants.0.entity' });
    const unknownSource = await errorOf(ADD_ENTITY, {
      input: { id: `person/${tag}-x`, type: 'Person', name: 'X', citation: { sourceId: 'source/nowhere', quote: 'X' } },
    });
    expect(unknownSource.message).toMatch(/unknown source id: source\/nowhere/);
    expect(unknownSource.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.citation.sourceId' });
    expect(await countTagged()).toEqual(before);
  });

  it('rejects malformed input with the field named, before touching the graph', async () => {
    const missingRole = await errorOf(ADD_EVENT, {
      input: event({ participants: [{ role: 'mover', entity: personId }] }),
    });
    expect(missingRole.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.participants' });
    expect(missingRole.message).toBe('input.participants: a TALENT_MOVE needs the role(s): to');
    const badRole = await errorOf(ADD_EVENT, { input: event({ participants: [{ role: 'boss', entity: personId }] }) });
    expect(badRole.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'participants.0.role' });
    const badCurrency = await errorOf(ADD_EVENT, { input: event({ price: { amount: 1, currency: 'dollars' } }) });
    expect(badCurrency.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'price.currency' });
    const badId = await errorOf(ADD_ENTITY, {
      input: { id: 'Li Lei', type: 'Person', name: 'Li Lei', citation: { sourceId, quote: 'Li Lei' } },
    });
    expect(badId.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    const wrongPrefix = await errorOf(ADD_ENTITY, {
      input: { id: `org/${tag}-li`, type: 'Person', name: 'Li Lei', citation: { sourceId, quote: 'Li Lei' } },
    });
    expect(wrongPrefix.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.id' });
    const roleOfAnotherKind = await errorOf(ADD_EVENT, {
      input: event({
        participants: [
          { role: 'mover', entity: personId },
          { role: 'acquirer', entity: orgId },
        ],
      }),
    });
    expect(roleOfAnotherKind.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.participants.1.role',
    });
    const twoMovers = await errorOf(ADD_EVENT, {
      input: event({
        participants: [
          { role: 'mover', entity: personId },
          { role: 'mover', entity: personId },
          { role: 'to', entity: orgId },
        ],
      }),
    });
    expect(twoMovers.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.participants.1.role' });
    const badDate = await errorOf(ADD_EVENT, { input: event({ date: '2025-3' }) });
    expect(badDate.extensions.code).toBe('BAD_USER_INPUT');
    const badLiteral = await errorOf(
      `mutation { addSource(input: { id: "source/${tag}-x", title: "x", text: "x", date: "2025-02-30" }) { source { id } } }`,
      {},
    );
    expect(badLiteral.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.date' });
    const reserved = await errorOf(ADD_EVENT, { input: event({ attributes: { kind: 'X' } }) });
    expect(reserved.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.attributes.kind' });
  });

  it('refuses a second entity with the name of an existing one, unless told it is another', async () => {
    const twin = {
      id: `org/${tag}-acme-2`,
      type: 'Organization',
      name: 'ACME AI',
      citation: { sourceId, quote: 'Acme AI' },
    };
    const error = await errorOf(ADD_ENTITY, { input: twin });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', argument: 'input.name', id: `org/${tag}-acme-2` });
    expect(error.message).toMatch(new RegExp(`org/${tag}-acme-2: has the name of org/${tag}-acme `));
    expect((await api.gql(ADD_ENTITY, { input: { ...twin, allowSameName: true } })).errors).toBeUndefined();
    const { entitiesByName } = (await api.gql('{ entitiesByName(name: "acme ai") { id } }')).data;
    expect(entitiesByName.map((e: { id: string }) => e.id).sort()).toEqual([`org/${tag}-acme`, `org/${tag}-acme-2`]);
  });

  it('refuses to reuse an id for another kind of event: the id names its kind', async () => {
    const error = await errorOf(ADD_EVENT, {
      input: event({
        kind: 'ACQUISITION',
        participants: [
          { role: 'acquirer', entity: orgId },
          { role: 'target', entity: 'org/01-ai' },
        ],
      }),
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.id' });
    expect(error.message).toBe('input.id: a ACQUISITION id looks like event/acquisition/<slug>');
    const { event: stored } = (await api.gql(`{ event(id: "${eventId}") { kind } }`)).data;
    expect(stored).toEqual({ kind: 'TALENT_MOVE' });
  });

  it('refuses a person where the registry wants an organization, naming the participant', async () => {
    const before = await countTagged();
    const error = await errorOf(ADD_EVENT, {
      input: event({
        id: `event/talent-move/${tag}-to-a-person`,
        participants: [
          { role: 'mover', entity: personId },
          { role: 'to', entity: personId },
        ],
      }),
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.participants.1.entity' });
    expect(error.message).toBe(
      'input.participants.1.entity: a Person cannot be the to of a TALENT_MOVE (allowed: Organization)',
    );
    expect(await countTagged()).toEqual(before);
  });

  it('never overwrites on add: other values are a CONFLICT naming the id, and nothing changes', async () => {
    const before = await countTagged();
    const changed = await errorOf(ADD_ENTITY, {
      input: {
        id: orgId,
        type: 'Organization',
        name: 'Acme AI',
        description: 'overwritten',
        categories: ['AI_STARTUP'],
        citation: { sourceId, quote: 'Acme AI' },
      },
    });
    expect(changed.extensions).toMatchObject({ code: 'CONFLICT', id: orgId, argument: 'input' });
    expect(changed.path).toEqual(['addEntity']);
    expect(changed.message).toBe(
      `${orgId}: already exists with other values (description); change it with an update mutation`,
    );
    const source = await errorOf(ADD_SOURCE, {
      input: { id: sourceId, title: 'A test note', publisher: 'tests', date: '2025-03', text: 'Another text.' },
    });
    expect(source.extensions).toMatchObject({ code: 'CONFLICT', id: sourceId });
    const { entity } = (await api.gql(`{ entity(id: "${orgId}") { description } }`)).data;
    expect(entity).toEqual({ description: null });
    expect(await countTagged()).toEqual(before);
  });

  it('updates through update mutations, keeping what was replaced, who did it and why', async () => {
    const UPDATE =
      'mutation($input: EntityInput!, $reason: String!) { updateEntity(input: $input, reason: $reason) { entity { id description } } }';
    const input = {
      id: orgId,
      type: 'Organization',
      name: 'Acme AI',
      description: 'An AI startup',
      categories: ['AI_STARTUP'],
      citation: { sourceId, quote: 'Acme AI' },
    };
    const updated = await postGraphQL(
      api.url,
      UPDATE,
      { input, reason: 'the note calls it an AI company' },
      bearer(TEST_KEYS.editor),
    );
    expect(updated.body).toEqual({ data: { updateEntity: { entity: { id: orgId, description: 'An AI startup' } } } });
    const { history } = (
      await api.gql(`{ history(id: "${orgId}") { action fields before after principal role reason at } }`)
    ).data;
    expect(history.map((r: { action: string }) => r.action)).toEqual(['UPDATE', 'CREATE']);
    expect(history[0]).toMatchObject({
      fields: ['description'],
      before: { description: null },
      after: { description: 'An AI startup' },
      principal: expect.stringMatching(/^key:editor:[0-9a-f]{8}$/),
      role: 'editor',
      reason: 'the note calls it an AI company',
    });
    expect(Date.parse(history[0].at)).toBeGreaterThan(Date.now() - 60_000);
    const unknown = await errorOf(UPDATE, { input: { ...input, id: `org/${tag}-nowhere` }, reason: 'x' });
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'input.id' });
    // An update never creates: a relationship that does not exist is NOT_FOUND, and nothing is written.
    const before = await countTagged();
    const noRelationship = await errorOf(
      'mutation($input: RelationshipInput!) { updateRelationship(input: $input, reason: "x") { relationship { id } } }',
      {
        input: { type: 'PARTNER_AT', from: personId, to: orgId, citation: { sourceId, quote: 'Acme AI' } },
      },
    );
    expect(noRelationship.extensions).toMatchObject({
      code: 'NOT_FOUND',
      id: `rel/partner_at/${personId}/${orgId}`,
      argument: 'input',
    });
    expect(await countTagged()).toEqual(before);
    const updated2 = await postGraphQL(
      api.url,
      'mutation($input: RelationshipInput!) { updateRelationship(input: $input, reason: "since March") { relationship { id role since to { id } } } }',
      {
        input: {
          type: 'WORKS_AT',
          from: personId,
          to: orgId,
          role: 'chief scientist',
          since: '2025-03',
          current: true,
          citation: { sourceId, quote: 'joined Acme AI as chief scientist' },
        },
      },
      bearer(TEST_KEYS.editor),
    );
    expect(updated2.body).toEqual({
      data: {
        updateRelationship: {
          relationship: {
            id: `rel/works_at/${personId}/${orgId}`,
            role: 'chief scientist',
            since: '2025-03',
            to: { id: orgId },
          },
        },
      },
    });
  });

  it('retracts a fact: hidden from every read, kept in history with the reason, its id not reusable', async () => {
    const moveId = `event/talent-move/${tag}-to-be-retracted`;
    expect((await api.gql(ADD_EVENT, { input: event({ id: moveId, date: '2025-02' }) })).errors).toBeUndefined();
    const editor = await postGraphQL(
      api.url,
      'mutation($ids: [ID!]!) { retract(ids: $ids, reason: "x") }',
      { ids: [moveId] },
      bearer(TEST_KEYS.editor),
    );
    expect(editor.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { retract } = (
      await api.gql('mutation($ids: [ID!]!) { retract(ids: $ids, reason: "a duplicate of the March move") }', {
        ids: [moveId],
      })
    ).data;
    expect(retract).toEqual([moveId]);
    const reads = (
      await api.gql(`{ event(id: "${moveId}") { id }
      talentMoves(to: "${orgId}") { totalCount edges { node { id } } }
      timeline(entity: "${personId}") { edges { node { id } } } }`)
    ).data;
    expect(reads).toEqual({
      event: null,
      talentMoves: { totalCount: 1, edges: [{ node: { id: eventId } }] },
      timeline: { edges: [{ node: { id: eventId } }] },
    });
    const { history } = (await api.gql(`{ history(id: "${moveId}") { action reason role } }`)).data;
    expect(history).toEqual([
      { action: 'RETRACT', reason: 'a duplicate of the March move', role: 'admin' },
      { action: 'CREATE', reason: null, role: 'admin' },
    ]);
    const again = await errorOf(ADD_EVENT, { input: event({ id: moveId, date: '2025-02' }) });
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', id: moveId });
  });

  it('lets one of many concurrent writers of the same name win; the others get CONFLICT', async () => {
    const name = `Race ${tag}`;
    const writers = Array.from({ length: 12 }, (_, n) =>
      api.gql(ADD_ENTITY, {
        input: { id: `org/${tag}-race-${n}`, type: 'Organization', name, citation: { sourceId, quote: 'Acme AI' } },
      }),
    );
    const results = await Promise.all(writers);
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual([...Array(11).fill('CONFLICT'), 'OK']);
    const { entitiesByName } = (await api.gql('query($n: String!) { entitiesByName(name: $n) { id } }', { n: name }))
      .data;
    expect(entitiesByName).toHaveLength(1);
  });
});
