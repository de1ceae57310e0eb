import { createHash } from 'node:crypto';
import http from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { bearer, startTestApp, TEST_KEYS } from '../support/app';

type Api = Awaited<ReturnType<typeof startTestApp>>;

/** POST /graphql with any body and headers; the status, headers and parsed JSON body. */
async function post(api: Api, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    type: response.headers.get('content-type'),
    body: (await response.json()) as { data?: any; errors?: any[] },
  };
}

/** Counts the sessions the app opens on Neo4j: a refused request must open none. */
function countSessions(api: Api) {
  const spy = jest.spyOn(api.graph.driver, 'session');
  return { count: () => spy.mock.calls.length, restore: () => spy.mockRestore() };
}

/**
 * The refusal's one shape, whatever layer made it: `{"errors":[{"message","extensions":{"code"}}]}`
 * (a refused field, such as a mutation without the role, also has its GraphQL path and locations).
 */
function expectRefusal(result: Awaited<ReturnType<typeof post>>, status: number, code: string, field?: string) {
  expect(result.type).toMatch(/^application\/json/);
  expect({ status: result.status, codes: result.body.errors?.map((e) => e.extensions.code) }).toEqual({
    status,
    codes: [code],
  });
  expect(result.body.data ?? null).toBeNull();
  expect(Object.keys(result.body.errors![0])).toEqual(
    field ? ['message', 'locations', 'path', 'extensions'] : ['message', 'extensions'],
  );
  if (field) expect(result.body.errors![0].path).toEqual([field]);
  expect(result.body.errors![0].extensions.stacktrace).toBeUndefined();
}

const tag = `test-trust-${process.pid}`;
const ADD_SOURCE = 'mutation($input: SourceInput!) { addSource(input: $input) { source { id } } }';
const source = (suffix: string) => ({
  id: `source/${tag}-${suffix}`,
  title: 'A trust test',
  publisher: 'tests',
  date: '2025-03',
  text: 'Li Lei joined Acme AI.',
});

describe('who may write', () => {
  let api: Api;
  let jwks: http.Server;
  let jwksUrl: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = http.createServer((_req, res) =>
      res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as { port: number }).port}/jwks.json`;
    api = await startTestApp({ JWT_JWKS_URL: jwksUrl, JWT_ISSUER: 'https://issuer.test', JWT_AUDIENCE: 'kg-api' });
  });
  afterAll(async () => {
    await api.graph.driver.executeQuery(
      'MATCH (n) WHERE n.id STARTS WITH $prefix OR n.id STARTS WITH $org DETACH DELETE n',
      { prefix: `source/${tag}`, org: `org/${tag}` },
    );
    await api.close();
    await new Promise((resolve) => jwks.close(resolve));
  });
  const exists = async (id: string) =>
    (await api.graph.driver.executeQuery('MATCH (n {id: $id}) RETURN count(n) AS n', { id })).records[0]!.get(
      'n',
    ).toNumber();
  const token = (role: string, audience = 'kg-api') =>
    new SignJWT({ role })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject(`user-${role}`)
      .setIssuer('https://issuer.test')
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(privateKey);

  it('refuses a mutation without credentials with 401 UNAUTHENTICATED, before it touches the database', async () => {
    const sessions = countSessions(api);
    try {
      expectRefusal(
        await post(api, { query: ADD_SOURCE, variables: { input: source('anonymous') } }),
        401,
        'UNAUTHENTICATED',
      );
      expect(sessions.count()).toBe(0);
    } finally {
      sessions.restore();
    }
    expect(await exists(`source/${tag}-anonymous`)).toBe(0);
  });

  it('refuses a role that does not grant the mutation with 403 FORBIDDEN, writing nothing', async () => {
    const result = await post(
      api,
      { query: ADD_SOURCE, variables: { input: source('editor') } },
      bearer(TEST_KEYS.editor),
    );
    expectRefusal(result, 403, 'FORBIDDEN');
    expect(result.body.errors![0].message).toBe(
      'addSource needs the admin role; this credential has editor. The document was refused whole: nothing was written',
    );
    expect(await exists(`source/${tag}-editor`)).toBe(0);
  });

  it('lets an admin key add a source', async () => {
    const result = await post(
      api,
      { query: ADD_SOURCE, variables: { input: source('admin') } },
      bearer(TEST_KEYS.admin),
    );
    expect(result).toMatchObject({
      status: 200,
      body: { data: { addSource: { source: { id: `source/${tag}-admin` } } } },
    });
    expect(await exists(`source/${tag}-admin`)).toBe(1);
  });

  it('authorises every mutation of a document before the first runs: an editor’s addEntity + retract is refused whole, nothing written', async () => {
    const entity = `org/${tag}-mixed`;
    const document = `mutation Mixed($entity: EntityInput!) {
      addEntity(input: $entity) { entity { id } }
      ...Retract
    }
    fragment Retract on Mutation { retract(ids: ["${entity}"], reason: "mixed") }`;
    const entityInput = {
      id: entity,
      type: 'Organization',
      name: `Mixed ${tag}`,
      citation: { sourceId: `source/${tag}-admin`, quote: 'Acme AI' },
    };
    const sessions = countSessions(api);
    let result;
    try {
      result = await post(api, { query: document, variables: { entity: entityInput } }, bearer(TEST_KEYS.editor));
      expect(sessions.count()).toBe(0);
    } finally {
      sessions.restore();
    }
    expectRefusal(result, 403, 'FORBIDDEN');
    expect(result.body.errors![0].message).toBe(
      'retract needs the admin role; this credential has editor. The document was refused whole: nothing was written',
    );
    expect(await exists(entity)).toBe(0);
    // Anonymous: refused whole with 401, naming both fields.
    const anonymous = await post(api, { query: document, variables: { entity: entityInput } });
    expectRefusal(anonymous, 401, 'UNAUTHENTICATED');
    expect(anonymous.body.errors![0].message).toMatch(/^addEntity, retract need credentials/);
    // The editor may run the editor's half alone.
    const alone = await post(
      api,
      {
        query: 'mutation($entity: EntityInput!) { addEntity(input: $entity) { entity { id } } }',
        variables: { entity: entityInput },
      },
      bearer(TEST_KEYS.editor),
    );
    expect(alone.body.errors).toBeUndefined();
    expect(await exists(entity)).toBe(1);
  });

  it('verifies JWTs against the issuer’s JWKS and takes the role from the role claim', async () => {
    expectRefusal(
      await post(api, { query: ADD_SOURCE, variables: { input: source('jwt-editor') } }, bearer(await token('editor'))),
      403,
      'FORBIDDEN',
    );
    const admin = await post(
      api,
      { query: ADD_SOURCE, variables: { input: source('jwt-admin') } },
      bearer(await token('admin')),
    );
    expect(admin).toMatchObject({
      status: 200,
      body: { data: { addSource: { source: { id: `source/${tag}-jwt-admin` } } } },
    });
    expect(await exists(`source/${tag}-jwt-editor`)).toBe(0);
    const wrongAudience = await post(
      api,
      { query: '{ health { status } }' },
      bearer(await token('admin', 'another-api')),
    );
    expectRefusal(wrongAudience, 401, 'UNAUTHENTICATED');
    expect(wrongAudience.body.errors![0].message).toBe(
      'the bearer token is not valid (ERR_JWT_CLAIM_VALIDATION_FAILED)',
    );
  });

  it('keeps reads open, but refuses a present and invalid credential even on a read', async () => {
    expect(await post(api, { query: '{ health { status } }' })).toMatchObject({
      status: 200,
      body: { data: { health: { status: 'ok' } } },
    });
    const bad = await post(api, { query: '{ health { status } }' }, bearer('not-a-key'));
    expectRefusal(bad, 401, 'UNAUTHENTICATED');
    expect(bad.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('with READS_REQUIRE_AUTH, refuses anonymous reads too', async () => {
    const closed = await startTestApp({ READS_REQUIRE_AUTH: true });
    try {
      expectRefusal(await post(closed, { query: '{ health { status } }' }), 401, 'UNAUTHENTICATED');
      expect(await post(closed, { query: '{ health { status } }' }, bearer(TEST_KEYS.editor))).toMatchObject({
        status: 200,
        body: { data: { health: { status: 'ok' } } },
      });
    } finally {
      await closed.close();
    }
  });
});

describe('refusals', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const neighbourhoods = (n: number, selection = 'nodes { nodeId }') =>
    `{ ${Array.from({ length: n }, (_, i) => `n${i}: neighborhood(id: "org/moonshot-ai") { ${selection} }`).join(' ')} }`;
  const doubling = (levels: number) => {
    const fragments = ['fragment F0 on Query { health { status } }'];
    for (let i = 1; i <= levels; i += 1) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
    return `{ ...F${levels} } ${fragments.join(' ')}`;
  };

  it('answers a body over 1 MiB with 413 PAYLOAD_TOO_LARGE in JSON', async () => {
    expectRefusal(
      await post(api, { query: `{ health { status } } # ${'x'.repeat(1024 * 1024)}` }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });

  it('answers malformed JSON with 400 BAD_REQUEST and a batch with 400 BATCH_NOT_SUPPORTED', async () => {
    expectRefusal(await post(api, '{"query": "{ health { status } }"'), 400, 'BAD_REQUEST');
    expectRefusal(
      await post(api, [{ query: '{ health { status } }' }, { query: '{ health { status } }' }]),
      400,
      'BATCH_NOT_SUPPORTED',
    );
  });

  it('refuses 1,000 aliased neighbourhoods (by their tokens), 31 aliases and costly operations before the database sees anything', async () => {
    const sessions = countSessions(api);
    try {
      expectRefusal(await post(api, { query: neighbourhoods(1_000) }), 400, 'TOKEN_LIMIT_EXCEEDED');
      expectRefusal(
        await post(api, { query: `{ ${Array.from({ length: 31 }, (_, i) => `h${i}: health { status }`).join(' ')} }` }),
        400,
        'ALIAS_LIMIT_EXCEEDED',
      );
      // 30 × (26,000 + 500 rows × 5 fields) = 855,000
      expectRefusal(
        await post(api, {
          query: neighbourhoods(30, 'nodes { nodeId name } edges { type }').replaceAll('")', '", limit: 500)'),
        }),
        400,
        'COST_LIMIT_EXCEEDED',
      );
      expectRefusal(await post(api, { query: doubling(20) }), 400, 'COST_LIMIT_EXCEEDED');
      expect(sessions.count()).toBe(0);
    } finally {
      sessions.restore();
    }
  });

  it('counts the cost of 1,000 aliases even when aliases are allowed', async () => {
    const open = await startTestApp({ QUERY_MAX_ALIASES: 5_000, QUERY_MAX_TOKENS: 50_000 });
    const sessions = countSessions(open);
    try {
      const result = await post(open, { query: neighbourhoods(1_000) });
      expectRefusal(result, 400, 'COST_LIMIT_EXCEEDED');
      expect(result.body.errors![0].message).toBe(
        'the operation would cost 26400000; at most 50000 is allowed (lists count once per row they may return)',
      );
      expect(sessions.count()).toBe(0);
    } finally {
      sessions.restore();
      await open.close();
    }
  });

  it('refuses too many tokens, too many directives and too deep a chain of fragments, each with its code', async () => {
    const chain = Array.from(
      { length: 10_000 },
      (_, i) => `fragment F${i} on Query { ${i === 9_999 ? 'health { status }' : `...F${i + 1}`} }`,
    );
    expectRefusal(await post(api, { query: `{ ...F0 } ${chain.join(' ')}` }), 400, 'TOKEN_LIMIT_EXCEEDED');
    const directives = Array.from({ length: 51 }, () => '__typename @include(if: true)').join(' ');
    expectRefusal(await post(api, { query: `{ health { ${directives} } }` }), 400, 'DIRECTIVE_LIMIT_EXCEEDED');
    const deep =
      '{ entity(id: "org/oppo") { ...R } } fragment R on Entity { ' +
      'relationships { to { '.repeat(8) +
      'id' +
      ' } }'.repeat(8) +
      ' }';
    expectRefusal(await post(api, { query: deep }), 400, 'DEPTH_LIMIT_EXCEEDED');
  });

  it('answers a persisted-query hash that does not match with 400 PERSISTED_QUERY_HASH_MISMATCH', async () => {
    const query = '{ health { status } }';
    const wrong = createHash('sha256').update('{ health { entities } }').digest('hex');
    expectRefusal(
      await post(api, { query, extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } }),
      400,
      'PERSISTED_QUERY_HASH_MISMATCH',
    );
    const right = createHash('sha256').update(query).digest('hex');
    expect(await post(api, { query, extensions: { persistedQuery: { version: 1, sha256Hash: right } } })).toMatchObject(
      { status: 200, body: { data: { health: { status: 'ok' } } } },
    );
  });

  it('bounds the search text (Lucene refuses more than 1,024 clauses): BAD_USER_INPUT naming text', async () => {
    const result = await post(api, {
      query: 'query($text: String!) { search(text: $text) { id } }',
      variables: { text: Array.from({ length: 1_025 }, (_, i) => `w${i}`).join(' ') },
    });
    expect(result.status).toBe(200);
    expect(result.body.errors!.map((e) => [e.extensions.code, e.extensions.argument])).toEqual([
      ['BAD_USER_INPUT', 'text'],
    ]);
  });

  it('keeps CSRF prevention on: a simple (text/plain) POST is refused', async () => {
    const result = await post(api, JSON.stringify({ query: '{ health { status } }' }), {
      'content-type': 'text/plain',
    });
    expectRefusal(result, 400, 'BAD_REQUEST');
    expect(result.body.errors![0].message).toMatch(/Cross-Site Request Forgery/);
  });
});

describe('rate limits', () => {
  it('refuse an anonymous IP past its burst with 429, Retry-After and RATE_LIMITED', async () => {
    const api = await startTestApp({ RATE_LIMIT_IP_BURST: 3, RATE_LIMIT_IP_PER_SECOND: 0.01 });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await post(api, { query: '{ health { status } }' })).status);
      expect(statuses).toEqual([200, 200, 200]);
      const refused = await post(api, { query: '{ health { status } }' });
      expectRefusal(refused, 429, 'RATE_LIMITED');
      expect(refused.headers.get('retry-after')).toBe('100');
      // Another caller (a key) has its own bucket.
      expect((await post(api, { query: '{ health { status } }' }, bearer(TEST_KEYS.editor))).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('charge a mutation more than a read, per principal; a refused mutation costs only its request', async () => {
    const api = await startTestApp({
      RATE_LIMIT_PRINCIPAL_BURST: 10,
      RATE_LIMIT_PRINCIPAL_PER_SECOND: 0.01,
      RATE_LIMIT_MUTATION_COST: 10,
    });
    try {
      // Refused by role before it is charged as a mutation: 1 token (the request), not 10.
      expectRefusal(
        await post(api, { query: ADD_SOURCE, variables: { input: source('rate') } }, bearer(TEST_KEYS.editor)),
        403,
        'FORBIDDEN',
      );
      for (let i = 0; i < 9; i += 1)
        expect((await post(api, { query: '{ health { status } }' }, bearer(TEST_KEYS.editor))).status).toBe(200);
      const refused = await post(api, { query: '{ health { status } }' }, bearer(TEST_KEYS.editor));
      expectRefusal(refused, 429, 'RATE_LIMITED');
      expect(refused.headers.get('retry-after')).toBe('100');
      const reads = [];
      for (let i = 0; i < 2; i += 1)
        reads.push((await post(api, { query: '{ health { status } }' }, bearer(TEST_KEYS.admin))).status);
      expect(reads).toEqual(Array(2).fill(200));
      // 8 tokens left, a mutation takes 10: refused, and the refusal spends nothing.
      for (let i = 0; i < 5; i += 1)
        expectRefusal(
          await post(api, { query: ADD_SOURCE, variables: { input: source('rate') } }, bearer(TEST_KEYS.admin)),
          429,
          'RATE_LIMITED',
        );
      const reads2 = [];
      for (let i = 0; i < 8; i += 1)
        reads2.push((await post(api, { query: '{ health { status } }' }, bearer(TEST_KEYS.admin))).status);
      expect(reads2).toEqual(Array(8).fill(200));
    } finally {
      await api.close();
    }
  });
});
