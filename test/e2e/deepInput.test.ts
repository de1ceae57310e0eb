import { Writable } from 'node:stream';
import pino from 'pino';
import { createApp, type App } from '../../src/http/app';
import { bearer, TEST_KEYS } from '../support/app';
import { openTestGraph } from '../support/graph';

/**
 * No 5xx from any input (issue 17, part 5): values nested too deep for graphql-js's recursion are
 * refused with INPUT_TOO_DEEP before parsing or coercion; an unexpected error is logged with a
 * request id that the client gets too.
 */
describe('deep input and unexpected errors', () => {
  let graph: Awaited<ReturnType<typeof openTestGraph>>;
  let app: App;
  let url: string;
  const lines: Record<string, any>[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk))), done()) }),
  );

  beforeAll(async () => {
    graph = await openTestGraph();
    app = await createApp({
      db: graph.db,
      logger: logger as never,
      settings: { API_KEYS: `admin:${TEST_KEYS.admin},editor:${TEST_KEYS.editor}` },
    });
    url = await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await app.close();
    await graph.close();
  });

  const nested = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
  const postRaw = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return {
      status: response.status,
      requestId: response.headers.get('x-request-id'),
      body: (await response.json()) as { data?: any; errors?: any[] },
    };
  };
  const codes = (r: { body: { errors?: any[] } }) => r.body.errors?.map((e) => e.extensions.code);

  it('refuses a variable nested 5,000 deep (30 KB, anonymous) with 400 INPUT_TOO_DEEP, used or not', async () => {
    for (const query of ['query($f: Int) { entities(first: $f) { totalCount } }', '{ health { status } }']) {
      const answer = await postRaw(`{"query":${JSON.stringify(query)},"variables":{"f":${nested(5000)}}}`);
      expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 400, codes: ['INPUT_TOO_DEEP'] });
      expect(answer.body.errors![0].message).toBe("the request's variables nest deeper than 64 levels");
    }
    // Within the limit, the same variable is an ordinary input error.
    const shallow = await postRaw(
      `{"query":"query($f: Int) { entities(first: $f) { totalCount } }","variables":{"f":${nested(10)}}}`,
    );
    expect({ status: shallow.status, codes: codes(shallow) }).toEqual({ status: 400, codes: ['BAD_USER_INPUT'] });
  });

  it('refuses an event’s attributes nested 5,000 deep (editor), in a variable or a literal, before anything runs', async () => {
    const input = `{"id":"event/statement/deep","kind":"STATEMENT","summary":"s","participants":[],"attributes":${nested(5000)}}`;
    const mutation = 'mutation($input: EventInput!) { addEvent(input: $input) { outcome } }';
    const asVariable = await postRaw(
      `{"query":${JSON.stringify(mutation)},"variables":{"input":${input}}}`,
      bearer(TEST_KEYS.editor),
    );
    expect({ status: asVariable.status, codes: codes(asVariable) }).toEqual({ status: 400, codes: ['INPUT_TOO_DEEP'] });
    const literal = `${'{a:'.repeat(1600)}1${'}'.repeat(1600)}`;
    const document = `mutation { addEvent(input: {id: "event/statement/deep", kind: STATEMENT, summary: "s", participants: [], attributes: ${literal}}) { outcome } }`;
    const asLiteral = await postRaw(JSON.stringify({ query: document }), bearer(TEST_KEYS.editor));
    expect({ status: asLiteral.status, codes: codes(asLiteral) }).toEqual({ status: 400, codes: ['INPUT_TOO_DEEP'] });
    expect(asLiteral.body.errors![0].message).toBe("the request's query nest deeper than 64 levels");
    // Brackets inside strings and comments do not count.
    const quoted = await postRaw(
      JSON.stringify({ query: `{ health { status } } # ${'{'.repeat(100)}\n`, variables: { s: '['.repeat(100) } }),
    );
    expect(quoted.status).toBe(200);
  });

  it('refuses deep variables in a GET too', async () => {
    // A URL holds at most 16 KB of headers: 100 levels is past the limit all the same.
    const params = new URLSearchParams({
      query: 'query($f: Int) { entities(first: $f) { totalCount } }',
      variables: `{"f":${nested(100)}}`,
    });
    const response = await fetch(`${url}?${params.toString()}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: any[] }).errors.map((e) => e.extensions.code)).toEqual([
      'INPUT_TOO_DEEP',
    ]);
  });

  it('answers every request with an X-Request-Id, and logs an unexpected error with the id the client gets', async () => {
    const ok = await postRaw(JSON.stringify({ query: '{ health { status } }' }), { 'x-request-id': 'client-chosen-1' });
    expect(ok.requestId).toBe('client-chosen-1');
    expect((await postRaw(JSON.stringify({ query: '{ health { status } }' }))).requestId).toMatch(/^[0-9a-f-]{36}$/);
    // A fault the code does not expect: the driver throws a plain Error when a session is opened.
    const spy = jest.spyOn(graph.driver, 'session').mockImplementation(() => {
      throw new Error('injected fault');
    });
    let failed;
    try {
      failed = await postRaw(JSON.stringify({ query: '{ entities(first: 1) { totalCount } }' }));
    } finally {
      spy.mockRestore();
    }
    const error = failed.body.errors![0];
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: failed.requestId });
    expect(error.message).toBe('internal error');
    const logged = lines.find((l) => l.msg === 'unexpected error' && l.requestId === failed.requestId);
    expect(logged?.level).toBe(50);
    expect(JSON.stringify(logged?.errors)).toContain('injected fault');
  });
});
