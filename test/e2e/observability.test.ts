import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TX_APP } from '../../src/neo4j/executor';
import { startTestApp } from '../support/app';
import { freePort, postGraphQL, startMain, waitForUrl } from '../support/process';

type Api = Awaited<ReturnType<typeof startTestApp>>;

/** One sample of the Prometheus text: the value of `name{labels}` (labels in any order), or 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return 0;
}

const ENTITY = 'query OneEntity { entity(id: "org/moonshot-ai") { id name } }';
const DEEP = `query TooDeep { entity(id: "org/oppo") { ${'relationships { to { '.repeat(8)}id${' } }'.repeat(8)} } }`;

describe('GET /metrics', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  const scrape = async () => {
    const response = await fetch(api.url.replace('/graphql', '/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it('counts named operations, their latency, errors by code, refusals by reason, Neo4j time per block and the pool', async () => {
    const before = await scrape();
    for (let i = 0; i < 3; i += 1) expect((await api.gql(ENTITY)).data.entity.name).toBeTruthy();
    await api.gql('query Health { health { status } }');
    await postGraphQL(api.url, DEEP);
    await postGraphQL(api.url, '{ health { status } }', undefined, { authorization: 'Bearer not-a-key' });
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) =>
      sample(after, name, labels) - sample(before, name, labels);

    expect(delta('graphql_requests_total', { operation: 'OneEntity', type: 'query' })).toBe(3);
    expect(delta('graphql_request_duration_seconds_count', { operation: 'OneEntity', type: 'query' })).toBe(3);
    expect(delta('graphql_request_duration_seconds_sum', { operation: 'OneEntity', type: 'query' })).toBeGreaterThan(0);
    expect(delta('graphql_requests_total', { operation: 'Health', type: 'query' })).toBe(1);
    expect(delta('graphql_refusals_total', { reason: 'DEPTH_LIMIT_EXCEEDED' })).toBe(1);
    expect(delta('graphql_refusals_total', { reason: 'UNAUTHENTICATED' })).toBe(1);
    expect(delta('graphql_errors_total', { code: 'DEPTH_LIMIT_EXCEEDED' })).toBe(1);
    expect(delta('graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(1);
    // Each entity look-up runs the named block entityById once; health runs `health`.
    expect(delta('neo4j_query_duration_seconds_count', { block: 'entityById', mode: 'READ' })).toBe(3);
    expect(delta('neo4j_query_duration_seconds_count', { block: 'health', mode: 'READ' })).toBe(1);
    expect(sample(after, 'neo4j_pool_max_connections')).toBe(50);
    expect(after).toMatch(/^neo4j_pool_connections_in_use \d+$/m);
    expect(after).toMatch(/^# TYPE graphql_request_duration_seconds histogram$/m);
    expect(after).toMatch(/^process_cpu_seconds_total /m);
  });
});

describe('transaction metadata', () => {
  it('names the API, the GraphQL operation and the Cypher block on the transaction, as Neo4j’s SHOW TRANSACTIONS sees it', async () => {
    const api = await startTestApp();
    try {
      const db = api.graph.db.forRequest();
      db.scope.operation = 'MetadataProbe';
      const probe = { name: 'metadataProbe', cypher: 'RETURN 1 AS one' };
      const seen = await db.writeAll('probe.block', async (run) => {
        await run(probe);
        const session = api.graph.driver.session();
        try {
          const result = await session.run('SHOW TRANSACTIONS YIELD metaData RETURN metaData');
          return result.records.map((r) => r.get('metaData') as Record<string, unknown>);
        } finally {
          await session.close();
        }
      });
      expect(seen).toContainEqual({ app: TX_APP, operation: 'MetadataProbe', block: 'probe.block' });
    } finally {
      await api.close();
    }
  });
});

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
}

/** An OTLP/HTTP receiver in this process: collects the spans POSTed to /v1/traces. */
async function otlpReceiver() {
  const spans: OtlpSpan[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const payload = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
        for (const rs of payload.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise((r) => server.close(r)),
  };
}

describe('OpenTelemetry traces', () => {
  it('exports HTTP, parse, validate, execute and named Cypher spans over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set, in the caller’s trace', async () => {
    const receiver = await otlpReceiver();
    const started = startMain({
      NEO4J_URI: process.env.TEST_NEO4J_URI!,
      PORT: String(await freePort()),
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_SERVICE_NAME: 'kg-trace-test',
    });
    try {
      const url = await waitForUrl(started);
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      const callerSpan = '00f067aa0ba902b7';
      const result = await postGraphQL(url, ENTITY, undefined, { traceparent: `00-${traceId}-${callerSpan}-01` });
      expect(result.body.data.entity.id).toBe('org/moonshot-ai');
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && !receiver.spans.some((s) => s.name === 'POST /graphql'))
        await new Promise((r) => setTimeout(r, 100));

      const ours = receiver.spans.filter((s) => s.traceId === traceId);
      const byName = (name: string) => ours.find((s) => s.name === name);
      const httpSpan = byName('POST /graphql');
      expect(httpSpan?.parentSpanId).toBe(callerSpan);
      for (const phase of ['graphql.parse', 'graphql.validate', 'graphql.execute'])
        expect(byName(phase)?.parentSpanId).toBe(httpSpan!.spanId);
      const cypher = byName('entityById');
      expect(cypher?.parentSpanId).toBe(byName('graphql.execute')!.spanId);
      const attributes = Object.fromEntries((cypher!.attributes ?? []).map((a) => [a.key, a.value.stringValue]));
      expect(attributes).toMatchObject({ 'db.system.name': 'neo4j', 'db.query.summary': 'entityById' });
      const executeAttributes = Object.fromEntries(
        (byName('graphql.execute')!.attributes ?? []).map((a) => [a.key, a.value.stringValue]),
      );
      expect(executeAttributes).toMatchObject({
        'graphql.operation.name': 'OneEntity',
        'graphql.operation.type': 'query',
      });
    } finally {
      started.child.kill('SIGTERM');
      await started.exited;
      await receiver.close();
    }
  });
});
