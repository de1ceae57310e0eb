import { createApp } from '../../src/http/app';
import { logger } from '../../src/logger';
import { bearer, startTestApp, TEST_KEYS } from '../support/app';

/** Abuse that costs nothing (issue 17, part 6): failed authentication is rate limited, every page carries security headers. */
describe('abuse', () => {
  let api: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    // Behind a proxy on loopback, so X-Forwarded-For stands for many client addresses.
    api = await startTestApp({
      RATE_LIMIT_AUTH_FAILURES_BURST: 5,
      RATE_LIMIT_AUTH_FAILURES_PER_SECOND: 0.01,
      TRUST_PROXY: 'loopback',
    });
  });
  afterAll(() => api.close());

  const health = (headers: Record<string, string>) =>
    fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ health { status } }' }),
    }).then(async (r) => ({
      status: r.status,
      retryAfter: r.headers.get('retry-after'),
      code: ((await r.json()) as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code ?? 'OK',
    }));

  it('limits failed authentications per IP address: past the burst, 429 before the credential is even checked', async () => {
    const from = { 'x-forwarded-for': '203.0.113.7' };
    const answers = [];
    for (let i = 0; i < 8; i += 1) answers.push(await health({ ...from, ...bearer(`wrong-key-${i}-aaaaaaaaaaaa`) }));
    expect(answers.map((a) => a.code)).toEqual([...Array(5).fill('UNAUTHENTICATED'), ...Array(3).fill('RATE_LIMITED')]);
    expect(Number(answers[7]!.retryAfter)).toBeGreaterThan(0);
    // Even the right key from that address waits: a guess that happens to be right is not told so.
    expect((await health({ ...from, ...bearer(TEST_KEYS.admin) })).code).toBe('RATE_LIMITED');
    // Another address, anonymous or with the right key, is served.
    expect((await health({ 'x-forwarded-for': '203.0.113.8' })).code).toBe('OK');
    expect((await health({ 'x-forwarded-for': '203.0.113.8', ...bearer(TEST_KEYS.admin) })).code).toBe('OK');
  });

  it('limits failed authentications per key prefix, whatever the address', async () => {
    const answers = [];
    for (let i = 0; i < 8; i += 1)
      answers.push(
        await health({ 'x-forwarded-for': `198.51.100.${i + 1}`, ...bearer(`guess0-${i}-bbbbbbbbbbbbbbbb`) }),
      );
    expect(answers.map((a) => a.code)).toEqual([...Array(5).fill('UNAUTHENTICATED'), ...Array(3).fill('RATE_LIMITED')]);
    // A key with another prefix, from a fresh address, is not affected.
    expect((await health({ 'x-forwarded-for': '198.51.100.200', ...bearer(TEST_KEYS.editor) })).code).toBe('OK');
  });

  it('puts the export routes behind the same admission: a bad credential is refused there too', async () => {
    const base = api.url.replace(/\/graphql$/, '');
    const response = await fetch(`${base}/export/graph.json`, {
      headers: { 'x-forwarded-for': '192.0.2.50', ...bearer('not-a-key-at-all-xxxxxxxx') },
    });
    expect(response.status).toBe(401);
  });

  it('sends security headers on every page (helmet), and no X-Powered-By', async () => {
    const app = await createApp({ db: api.graph.db, logger, ide: true });
    const url = await app.listen(0, '127.0.0.1');
    const base = url.replace(/\/graphql$/, '');
    try {
      for (const [path, accept] of [
        ['/graphql', 'text/html'],
        ['/explore', 'text/html'],
        ['/healthz', 'application/json'],
        ['/graphql?query=%7Bhealth%7Bstatus%7D%7D', 'application/json'],
        ['/export/graph.json?limit=1', '*/*'],
        ['/no-such-page', '*/*'],
      ] as const) {
        const response = await fetch(`${base}${path}`, { headers: { accept, 'apollo-require-preflight': 'true' } });
        const csp = response.headers.get('content-security-policy') ?? '';
        // Express's own 404 page replaces the policy with a stricter one (default-src 'none').
        const strict =
          path === '/no-such-page'
            ? csp === "default-src 'none'"
            : /script-src 'self'/.test(csp) &&
              /frame-ancestors 'none'/.test(csp) &&
              !/upgrade-insecure-requests/.test(csp);
        expect({ path, csp: strict }).toEqual({ path, csp: true });
        expect({
          path,
          frame: response.headers.get('x-frame-options'),
          sniff: response.headers.get('x-content-type-options'),
          powered: response.headers.get('x-powered-by'),
        }).toEqual({
          path,
          frame: 'DENY',
          sniff: 'nosniff',
          powered: null,
        });
        await response.arrayBuffer();
      }
    } finally {
      await app.close();
    }
  });
});
