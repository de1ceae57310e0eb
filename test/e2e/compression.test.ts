import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createApp, type App } from '../../src/http/app';
import { logger } from '../../src/logger';
import { openTestGraph } from '../support/graph';

/** A raw GET/POST (node:http does not decompress, unlike fetch): status, headers and the bytes on the wire. */
function request(
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: body ? 'POST' : 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.once('error', reject);
    req.end(body);
  });
}

const decode = (encoding: string | undefined, bytes: Buffer) =>
  encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : bytes;

describe('compression and caching', () => {
  let graph: Awaited<ReturnType<typeof openTestGraph>>;
  let app: App;
  let base: string;
  beforeAll(async () => {
    graph = await openTestGraph();
    app = await createApp({ db: graph.db, logger, ide: true });
    base = (await app.listen(0, '127.0.0.1')).replace('/graphql', '');
  });
  afterAll(async () => {
    await app.close();
    await graph.close();
  });

  it.each(['/ide/graphiql.js', '/ide/react-dom.js', '/explore/cytoscape.js', '/explore/scene.js'])(
    'sends %s brotli- or gzip-compressed, as asked, a fraction of its size',
    async (file) => {
      const plain = await request(base + file, { 'accept-encoding': 'identity' });
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      for (const encoding of ['br', 'gzip']) {
        const packed = await request(base + file, { 'accept-encoding': encoding });
        expect(packed.headers['content-encoding']).toBe(encoding);
        expect(packed.headers.vary).toMatch(/Accept-Encoding/i);
        expect(decode(encoding, packed.bytes).equals(plain.bytes)).toBe(true);
        expect(packed.bytes.length).toBeLessThan(plain.bytes.length * 0.5);
      }
      // A client that takes both (as browsers do) gets brotli.
      expect((await request(base + file, { 'accept-encoding': 'gzip, deflate, br' })).headers['content-encoding']).toBe(
        'br',
      );
    },
  );

  it('lets browsers keep package builds a day and revalidate the project’s own files (304 when unchanged)', async () => {
    expect((await request(`${base}/ide/graphiql.js`, {})).headers['cache-control']).toBe('public, max-age=86400');
    const own = await request(`${base}/explore/scene.js`, {});
    expect(own.headers['cache-control']).toBe('no-cache');
    expect(own.headers.etag).toBeTruthy();
    expect((await request(`${base}/explore/scene.js`, { 'if-none-match': own.headers.etag! })).status).toBe(304);
    const page = await request(`${base}/graphql`, { accept: 'text/html' });
    expect({ status: page.status, cache: page.headers['cache-control'] }).toEqual({ status: 200, cache: 'no-cache' });
  });

  it('compresses GraphQL answers the same way', async () => {
    const body = JSON.stringify({ query: '{ entities(first: 50) { edges { node { id name } } } }' });
    const headers = { 'content-type': 'application/json', 'accept-encoding': 'br' };
    const answer = await request(`${base}/graphql`, headers, body);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    const json = JSON.parse(decode('br', answer.bytes).toString()) as { data: { entities: { edges: unknown[] } } };
    expect(json.data.entities.edges.length).toBeGreaterThan(10);
  });
});
