import net from 'node:net';
import WebSocket from 'ws';
import { readExamples } from '../../src/http/examples';
import { importFacts } from '../../src/import/importFile';
import { parseJsonLines } from '../../src/import/jsonl';
import { startTestApp, TEST_KEYS } from '../support/app';
import { collect, wsClient, wsUrl } from '../support/ws';

const CHANGE_FIELDS = 'cursor sequence at operation targetId targetKind fields principal role revisionId';
const SUBSCRIBE = `subscription($after: String, $kinds: [ChangeTargetKind!], $targets: [ID!]) { changes(after: $after, kinds: $kinds, targets: $targets) { ${CHANGE_FIELDS} } }`;
const PAGE = `query($after: String, $first: Int, $kinds: [ChangeTargetKind!], $targets: [ID!]) { changes(after: $after, first: $first, kinds: $kinds, targets: $targets) { edges { cursor node { ${CHANGE_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const ADD_SOURCE = 'mutation($input: SourceInput!) { addSource(input: $input) { source { id } } }';
const ADD_ENTITY = 'mutation($input: EntityInput!) { addEntity(input: $input) { outcome entity { id } } }';
const ADMIN = { Authorization: `Bearer ${TEST_KEYS.admin}` };

interface Change {
  cursor: string;
  sequence: number;
  operation: string;
  targetId: string;
  targetKind: string;
  principal: string;
  revisionId: string;
  fields: string[];
}

/** The change log in real Neo4j, its Relay connection and Subscription.changes over real graphql-ws clients. */
describe('live changes', () => {
  let api: Awaited<ReturnType<typeof startTestApp>>;
  const tag = `test-live-${process.pid}`;
  const source = `source/${tag}`;
  const text = `Notes ${tag}: people who join and leave.`;
  const person = (i: number | string) => ({
    id: `person/${tag}-${i}`,
    type: 'Person',
    name: `P${i} ${tag}`,
    citation: { sourceId: source, quote: `Notes ${tag}` },
  });
  const clients: { dispose(): unknown }[] = [];
  const client = (params: Record<string, unknown> = ADMIN, url = api.url) => {
    const c = wsClient(url, params);
    clients.push(c);
    return c;
  };
  /** The cursor of the newest change now (from Query.changes, paging to the end). */
  const headCursor = async () => {
    let after: string | null = null;
    for (;;) {
      const page: any = (await api.gql(PAGE, { after, first: 100 })).data.changes;
      after = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) return after;
    }
  };
  const addPerson = async (i: number | string) => {
    const r = await api.gql(ADD_ENTITY, { input: person(i) });
    expect(r.errors).toBeUndefined();
  };

  beforeAll(async () => {
    api = await startTestApp({ RATE_LIMIT_PRINCIPAL_PER_SECOND: 0, CHANGES_POLL_MS: 50 });
    expect(
      (await api.gql(ADD_SOURCE, { input: { id: source, title: 'live test notes', text } })).errors,
    ).toBeUndefined();
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    // The facts this file wrote; their changes stay, as the log is never rewritten (a hole would hold up tailers).
    await api.graph.driver.executeQuery(
      `MATCH (n) WHERE n.id STARTS WITH $prefix AND NOT n:Change DETACH DELETE n
       WITH count(*) AS done MATCH (r:Revision) WHERE r.targetId CONTAINS $tag DELETE r
       WITH count(*) AS done MATCH (k:Name) WHERE k.key CONTAINS $tag AND NOT (k)<-[:NAMED]-() DELETE k`,
      { prefix: 'person/' + tag, tag },
    );
    await api.graph.driver.executeQuery('MATCH (n:Source {id: $source}) DETACH DELETE n', { source });
    await api.close();
  });

  it('logs every write with its cursor, operation, target, principal and revision, and replays from a cursor', async () => {
    const before = await headCursor();
    await addPerson('a');
    await addPerson('b');
    const page: any = (await api.gql(PAGE, { after: before, first: 10 })).data.changes;
    const nodes: Change[] = page.edges.map((e: { node: Change }) => e.node);
    expect(nodes.map((n) => [n.operation, n.targetId, n.targetKind])).toEqual([
      ['ADD', `person/${tag}-a`, 'ENTITY'],
      ['ADD', `person/${tag}-b`, 'ENTITY'],
    ]);
    expect(nodes[1]!.sequence).toBe(nodes[0]!.sequence + 1);
    expect(nodes[0]!.principal).toMatch(/^key:admin:/);
    const history: any = (
      await api.gql('query($id: ID!) { history(id: $id) { id action } }', { id: `person/${tag}-a` })
    ).data.history;
    expect(history.map((h: { id: string }) => h.id)).toContain(nodes[0]!.revisionId);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: nodes[1]!.cursor });

    // The subscription replays the same two from the same cursor, then stays open for live ones.
    const sub = collect<Change>(client(), SUBSCRIBE, { after: before });
    expect((await sub.until(2)).map((c) => c.targetId)).toEqual([`person/${tag}-a`, `person/${tag}-b`]);
    await addPerson('c');
    expect((await sub.until(3))[2]).toMatchObject({
      operation: 'ADD',
      targetId: `person/${tag}-c`,
      sequence: nodes[1]!.sequence + 1,
    });
    sub.stop();

    const filtered: any = (await api.gql(PAGE, { after: before, first: 10, targets: [`person/${tag}-b`] })).data
      .changes;
    expect(filtered.edges.map((e: { node: Change }) => e.node.targetId)).toEqual([`person/${tag}-b`]);
    const overHttp = await api.gql('subscription { changes { cursor } }');
    expect(overHttp.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const bad = await api.gql(PAGE, { after: 'not-a-cursor', first: 1 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it("runs the IDE's FollowChanges example over graphql-ws", async () => {
    const example = readExamples().find((e) => e.name === 'FollowChanges')!;
    const sub = collect<Change>(client(), example.query);
    // From now on: wait for the tailer's first poll, then write.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await addPerson('example');
    const got = await sub.until(1);
    expect(got[0]).toMatchObject({ operation: 'ADD', targetKind: 'ENTITY', targetId: `person/${tag}-example` });
    sub.stop();
  });

  it('records corroboration, update, withdrawal and retraction as changes, and the import too', async () => {
    const after = await headCursor();
    const sub = collect<Change>(client(), SUBSCRIBE, { after, targets: [`person/${tag}-d`, `person/${tag}-imported`] });
    await addPerson('d');
    const second = `${source}-second`;
    expect(
      (await api.gql(ADD_SOURCE, { input: { id: second, title: 'second', text: `Also P-d: Pd ${tag}.` } })).errors,
    ).toBeUndefined();
    const corroborated = await api.gql(ADD_ENTITY, {
      input: { ...person('d'), citation: { sourceId: second, quote: `Pd ${tag}` } },
    });
    expect(corroborated.data.addEntity.outcome).toBe('CORROBORATED');
    const updated = await api.gql(
      'mutation($input: EntityInput!) { updateEntity(input: $input, reason: "more detail") { entity { id } } }',
      {
        input: { ...person('d'), description: 'a test person' },
      },
    );
    expect(updated.errors).toBeUndefined();
    const withdrawn = await api.gql(
      `mutation { withdrawCitations(factId: "person/${tag}-d", source: "${second}", reason: "misread") { citationsRemoved } }`,
    );
    expect(withdrawn.errors).toBeUndefined();
    const retracted = await api.gql(`mutation { retract(ids: ["person/${tag}-d"], reason: "test") }`);
    expect(retracted.errors).toBeUndefined();
    const file = [
      JSON.stringify({
        record: 'entity',
        id: `person/${tag}-imported`,
        label: 'Person',
        name: `P7 ${tag}`,
        sourceId: source,
        quote: `Notes ${tag}`,
      }),
    ].join('\n');
    await importFacts(api.graph.db, parseJsonLines(file), file, {
      dryRun: false,
      by: { principal: 'test-import', role: 'admin' },
    });

    const got = await sub.until(6);
    expect(
      got.map((c) => [c.operation, c.targetId.replace(tag, 'T'), c.principal.replace(/^key:admin:.*/, 'admin')]),
    ).toEqual([
      ['ADD', 'person/T-d', 'admin'],
      ['CORROBORATE', 'person/T-d', 'admin'],
      ['UPDATE', 'person/T-d', 'admin'],
      ['WITHDRAW', 'person/T-d', 'admin'],
      ['RETRACT', 'person/T-d', 'admin'],
      ['ADD', 'person/T-imported', 'test-import'],
    ]);
    expect(got[2]!.fields).toEqual(['description']);
    sub.stop();
    await api.graph.driver.executeQuery('MATCH (n {id: $id}) DETACH DELETE n', { id: second });
  });

  it('gives 20 concurrent writers’ acknowledged writes to a tailing reader exactly once, in commit order', async () => {
    const after = await headCursor();
    const sub = collect<Change>(client(), SUBSCRIBE, { after, kinds: ['ENTITY'] });
    const writers = 20;
    const each = 5;
    const acks: { id: string; sent: number; acked: number }[] = [];
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let k = 0; k < each; k += 1) {
          const id = `person/${tag}-w${w}-${k}`;
          const sent = performance.now();
          await addPerson(`w${w}-${k}`);
          acks.push({ id, sent, acked: performance.now() });
        }
      }),
    );
    const got = await sub.until(writers * each, 60_000);
    // Each acknowledged write once, nothing else.
    expect(got.map((c) => c.targetId).sort()).toEqual(acks.map((a) => a.id).sort());
    // Dense and increasing: the reader saw the numbers in order, none skipped.
    got.forEach((c, i) => i && expect(c.sequence).toBe(got[i - 1]!.sequence + 1));
    // Commit order: a write acknowledged before another was sent has the smaller number.
    const seq = new Map(got.map((c) => [c.targetId, c.sequence]));
    let pairs = 0;
    for (const a of acks)
      for (const b of acks)
        if (a.acked < b.sent) {
          pairs += 1;
          expect([a.id, seq.get(a.id)! < seq.get(b.id)!]).toEqual([a.id, true]);
        }
    expect(pairs).toBeGreaterThan(writers * each);
    // The batch reader pages the same log to the same list.
    const paged: Change[] = [];
    for (let cursor = after; ;) {
      const page: any = (await api.gql(PAGE, { after: cursor, first: 37, kinds: ['ENTITY'] })).data.changes;
      paged.push(...page.edges.map((e: { node: Change }) => e.node));
      cursor = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) break;
    }
    expect(paged.map((c) => c.sequence)).toEqual(got.map((c) => c.sequence));
    sub.stop();
  }, 120_000);

  it('misses nothing and repeats nothing when a subscriber reconnects with its last cursor in the middle of a burst', async () => {
    const after = await headCursor();
    const first = client();
    const sub = collect<Change>(first, SUBSCRIBE, { after, kinds: ['ENTITY'] });
    const burst = (async () => {
      for (let i = 0; i < 40; i += 1) await addPerson(`r${i}`);
    })();
    await sub.until(10);
    await first.dispose(); // the connection drops mid-burst
    const last = sub.items.at(-1)!.cursor;
    const resumed = collect<Change>(client(), SUBSCRIBE, { after: last, kinds: ['ENTITY'] });
    await burst;
    const rest = await resumed.until(40 - sub.items.length);
    expect([...sub.items, ...rest].map((c) => c.targetId)).toEqual(
      Array.from({ length: 40 }, (_, i) => `person/${tag}-r${i}`),
    );
    resumed.stop();
  }, 60_000);

  it('delivers a write made through one API instance to a subscriber of another on the same Neo4j', async () => {
    const other = await startTestApp({ CHANGES_POLL_MS: 100 });
    try {
      const sub = collect<Change>(client(ADMIN, other.url), SUBSCRIBE, { targets: [`person/${tag}-replica`] });
      // Subscribed from now on: wait until the other instance's tailer has joined (its first poll).
      await new Promise((resolve) => setTimeout(resolve, 500));
      await addPerson('replica');
      expect((await sub.until(1, 10_000))[0]).toMatchObject({ operation: 'ADD', targetId: `person/${tag}-replica` });
      sub.stop();
    } finally {
      await other.close();
    }
  });

  describe('the guard on the socket', () => {
    let strict: Awaited<ReturnType<typeof startTestApp>>;
    beforeAll(async () => {
      strict = await startTestApp({
        READS_REQUIRE_AUTH: true,
        SUBSCRIPTIONS_PER_PRINCIPAL: 2,
        QUERY_MAX_DEPTH: 3,
        QUERY_MAX_COST: 100,
        WS_KEEPALIVE_MS: 200,
      });
    });
    afterAll(() => strict.close());

    const closeOf = (params: Record<string, unknown>) =>
      new Promise<{ code: number; reason: string }>((resolve) => {
        const c = wsClient(strict.url, params);
        clients.push(c);
        c.on('closed', (event: any) => resolve({ code: event.code, reason: String(event.reason) }));
        c.subscribe({ query: SUBSCRIBE }, { next: () => undefined, error: () => undefined, complete: () => undefined });
      });

    it('refuses a connection without credentials, or with a bad key, with UNAUTHENTICATED', async () => {
      expect(await closeOf({})).toEqual({
        code: 4401,
        reason: expect.stringMatching(/^UNAUTHENTICATED: this API needs credentials/),
      });
      expect(await closeOf({ Authorization: 'Bearer wrong-key' })).toEqual({
        code: 4401,
        reason: expect.stringMatching(/^UNAUTHENTICATED: /),
      });
    });

    it('limits subscriptions like queries: depth, cost, and open subscriptions per principal', async () => {
      const c = client(ADMIN, strict.url);
      const first = collect(c, SUBSCRIBE);
      const tooDeep = collect(c, '{ changes(first: 1) { edges { node { cursor } } } }', {}, 'changes');
      await tooDeep.ended;
      expect(tooDeep.errors).toEqual([expect.objectContaining({ extensions: { code: 'DEPTH_LIMIT_EXCEEDED' } })]);
      const costly = collect(c, '{ changes(first: 100) { pageInfo { endCursor } } }', {}, 'changes');
      await costly.ended;
      expect(costly.errors).toEqual([expect.objectContaining({ extensions: { code: 'COST_LIMIT_EXCEEDED' } })]);
      const second = collect(c, SUBSCRIBE);
      const third = collect(c, SUBSCRIBE);
      await third.ended;
      expect(third.errors).toEqual([expect.objectContaining({ extensions: { code: 'SUBSCRIPTION_LIMIT_EXCEEDED' } })]);
      // A place comes back when a subscription ends (the server hears of it a moment later).
      first.stop();
      let fourth = collect(c, SUBSCRIBE);
      for (let tries = 0; tries < 25; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        if (!fourth.done) break;
        expect(fourth.errors).toEqual([
          expect.objectContaining({ extensions: { code: 'SUBSCRIPTION_LIMIT_EXCEEDED' } }),
        ]);
        fourth = collect(c, SUBSCRIBE);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect({ errors: fourth.errors, done: fourth.done, secondDone: second.done }).toEqual({
        errors: [],
        done: false,
        secondDone: false,
      });
      second.stop();
      fourth.stop();
    });

    it('pings to keep the connection alive', async () => {
      const socket = new WebSocket(wsUrl(strict.url), 'graphql-transport-ws');
      let pings = 0;
      socket.on('ping', () => (pings += 1));
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'connection_init', payload: ADMIN }));
      await new Promise((resolve) => setTimeout(resolve, 700));
      socket.close();
      expect(pings).toBeGreaterThanOrEqual(2);
    });
  });

  it('tells a subscriber that Neo4j went away (DATABASE_UNAVAILABLE), and resumes from its cursor once it is back', async () => {
    // A TCP proxy in front of the test Neo4j, which the test cuts and restores.
    const target = new URL(process.env.TEST_NEO4J_URI!.replace(/^bolt/, 'http'));
    const sockets = new Set<net.Socket>();
    const proxy = net.createServer((inbound) => {
      const outbound = net.connect(Number(target.port), target.hostname);
      sockets.add(inbound).add(outbound);
      inbound.pipe(outbound).pipe(inbound);
      const drop = () => (inbound.destroy(), outbound.destroy());
      inbound.on('error', drop).on('close', drop);
      outbound.on('error', drop).on('close', drop);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as net.AddressInfo).port;
    const previous = process.env.TEST_NEO4J_URI;
    process.env.TEST_NEO4J_URI = `bolt://127.0.0.1:${port}`;
    const behind = await startTestApp({ CHANGES_POLL_MS: 50 });
    process.env.TEST_NEO4J_URI = previous;
    try {
      const after = await headCursor();
      const sub = collect<Change>(client(ADMIN, behind.url), SUBSCRIBE, {
        after,
        targets: [`person/${tag}-x1`, `person/${tag}-x2`],
      });
      await addPerson('x1');
      await sub.until(1);
      // Neo4j goes away: connections cut, new ones refused.
      proxy.close();
      for (const s of sockets) s.destroy();
      await sub.ended;
      expect(sub.errors).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'DATABASE_UNAVAILABLE' }) }),
      ]);
      // Meanwhile a write reaches Neo4j another way; then Neo4j is back.
      await addPerson('x2');
      await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
      const resumed = collect<Change>(client(ADMIN, behind.url), SUBSCRIBE, {
        after: sub.items[0]!.cursor,
        targets: [`person/${tag}-x1`, `person/${tag}-x2`],
      });
      expect((await resumed.until(1, 30_000)).map((c) => c.targetId)).toEqual([`person/${tag}-x2`]);
      resumed.stop();
    } finally {
      await behind.close();
      proxy.close();
      for (const s of sockets) s.destroy();
    }
  }, 90_000);
});
