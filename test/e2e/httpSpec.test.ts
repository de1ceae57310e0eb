import { readFileSync } from 'node:fs';
import { auditServer } from 'graphql-http';
import { repoPath } from '../../src/paths';
import { bearer, startTestApp } from '../support/app';

type Api = Awaited<ReturnType<typeof startTestApp>>;

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    headers: response.headers,
    body: JSON.parse(text) as { data?: unknown; errors?: any[] },
  };
}

describe('GraphQL over HTTP: graphql-http’s audit', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('finds no error, and every warning left is one the README justifies by its audit id', async () => {
    const results = await auditServer({ url: api.url });
    const failed = results.filter((r) => r.status !== 'ok');
    if (process.env.AUDIT_PRINT)
      console.log(failed.map((r) => `${r.status} ${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`).join('\n'));
    const errors = failed
      .filter((r) => r.status === 'error')
      .map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(errors).toEqual([]);
    const readme = readFileSync(repoPath('README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### GraphQL over HTTP'));
    const unjustified = failed
      .filter((r) => r.status === 'warn' && !section.includes(`\`${r.id}\``))
      .map((r) => `${r.id} ${r.name}`);
    expect(unjustified).toEqual([]);
    // Most of the audit passes; the count guards against an audit that silently ran nothing.
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThanOrEqual(50);
  });
});

describe('every refusal in the media type the client accepts', () => {
  let api: Api;
  let strict: Api;
  let limited: Api;
  beforeAll(async () => {
    api = await startTestApp();
    strict = await startTestApp({ READS_REQUIRE_AUTH: true });
    limited = await startTestApp({ RATE_LIMIT_IP_BURST: 1, RATE_LIMIT_IP_PER_SECOND: 0.01 });
  });
  afterAll(async () => {
    await Promise.all([api.close(), strict.close(), limited.close()]);
  });

  const health = { query: '{ health { status } }' };
  const refusals: [string, () => string, unknown, Record<string, string>, number, string][] = [
    ['an invalid credential', () => api.url, health, bearer('not-a-key'), 401, 'UNAUTHENTICATED'],
    ['no credential where reads need one', () => strict.url, health, {}, 401, 'UNAUTHENTICATED'],
    ['a batch', () => api.url, [health, health], {}, 400, 'BATCH_NOT_SUPPORTED'],
    ['a body that is not JSON', () => api.url, '{"query": "{ health { status } }"', {}, 400, 'BAD_REQUEST'],
    [
      'a body over the limit',
      () => api.url,
      { query: `{ health { status } } # ${'x'.repeat(1024 * 1024)}` },
      {},
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    ['a rate past its burst', () => limited.url, health, {}, 429, 'RATE_LIMITED'],
    [
      'too deep a document',
      () => api.url,
      { query: `{ entity(id: "org/oppo") { ${'relationships { to { '.repeat(8)}id${' } }'.repeat(8)} } }` },
      {},
      400,
      'DEPTH_LIMIT_EXCEEDED',
    ],
    [
      'an unsupported persisted-query version',
      () => api.url,
      { query: health.query, extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } },
      {},
      400,
      'PERSISTED_QUERY_VERSION_UNSUPPORTED',
    ],
  ];

  // Accept header → the media type of the answer (undefined: no Accept header at all).
  const accepts: [string | undefined, string][] = [
    [undefined, 'application/json'],
    ['*/*', 'application/json'],
    ['application/json', 'application/json'],
    [GRAPHQL_RESPONSE, GRAPHQL_RESPONSE],
    [`${GRAPHQL_RESPONSE}, application/json;q=0.9`, GRAPHQL_RESPONSE],
  ];

  it.each(refusals)(
    'answers %s with its status and code in the accepted type, or 406',
    async (_what, url, body, headers, status, code) => {
      const answers = [];
      for (const [accept, type] of accepts) {
        // The rate-limited app lets one request through first.
        if (code === 'RATE_LIMITED') await post(url(), health, accept ? { accept } : {});
        const result = await post(url(), body, { ...headers, ...(accept ? { accept } : {}) });
        answers.push({
          accept,
          type: result.type,
          status: result.status,
          codes: result.body.errors?.map((e) => e.extensions.code),
        });
        expect(result.type).toBe(`${type}; charset=utf-8`);
      }
      expect(answers).toEqual(
        accepts.map(([accept, type]) => ({ accept, type: `${type}; charset=utf-8`, status, codes: [code] })),
      );
      const refused = await post(url(), body, { ...headers, accept: 'text/html' });
      // Refusals made before Apollo are answered 406 by the guard; Apollo's own refuse the same way.
      expect({ status: refused.status, type: refused.type }).toEqual({
        status: 406,
        type: 'application/json; charset=utf-8',
      });
      expect(refused.body.errors?.[0]?.extensions?.code ?? 'BAD_REQUEST').toMatch(/^(NOT_ACCEPTABLE|BAD_REQUEST)$/);
    },
  );

  it('keeps a 401’s WWW-Authenticate and a 429’s Retry-After in the graphql-response+json answer', async () => {
    const invalid = await post(api.url, health, { ...bearer('not-a-key'), accept: GRAPHQL_RESPONSE });
    expect(invalid.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    await post(limited.url, health);
    const limitedAnswer = await post(limited.url, health, { accept: GRAPHQL_RESPONSE });
    expect(limitedAnswer.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
