import { ApiError, readGraphqlAnswer } from '../../../web/explore/api.js';
import { flowElements, graphElements, FLOW_UNKNOWN } from '../../../web/explore/elements.js';

function failure(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('explorer API answers', () => {
  it('a proxy page is a sentence, not a JSON parser message', () => {
    const error = failure(() => readGraphqlAnswer(502, 'text/html', '<html><body>Bad Gateway</body></html>'));
    expect(error.kind).toBe('proxy');
    expect(error.message).toBe(
      'The server answered HTTP 502 with a web page instead of GraphQL. A proxy or gateway in front of the server may be down; try again in a moment.',
    );
    expect(error.message).not.toMatch(/Unexpected token/);
    expect(error.retryable).toBe(true);
  });

  it('an outage says so and can be retried; a bad request cannot', () => {
    const outage = failure(() =>
      readGraphqlAnswer(
        503,
        'application/json',
        JSON.stringify({ errors: [{ message: 'Neo4j unavailable', extensions: { code: 'DATABASE_UNAVAILABLE' } }] }),
      ),
    );
    expect(outage.kind).toBe('outage');
    expect(outage.message).toContain('not answering');
    expect(outage.retryable).toBe(true);
    const bad = failure(() =>
      readGraphqlAnswer(
        400,
        'application/graphql-response+json',
        JSON.stringify({ errors: [{ message: 'depth must be 1 to 3', extensions: { code: 'BAD_USER_INPUT' } }] }),
      ),
    );
    expect(bad.kind).toBe('input');
    expect(bad.retryable).toBe(false);
    expect(readGraphqlAnswer(200, 'application/json; charset=utf-8', '{"data":{"a":1}}')).toEqual({ a: 1 });
  });

  it('elements come in id order whatever order the API sends', () => {
    const node = (id: string) => ({ id, label: 'Person', name: id, degree: 1, pagerank: 0.5, community: 0 });
    const one = graphElements({
      nodes: [node('b'), node('a')],
      edges: [
        { id: '2', source: 'a', target: 'b', type: 'KNOWS' },
        { id: '1', source: 'b', target: 'a', type: 'KNOWS' },
      ],
    });
    const two = graphElements({
      nodes: [node('a'), node('b')],
      edges: [
        { id: '1', source: 'b', target: 'a', type: 'KNOWS' },
        { id: '2', source: 'a', target: 'b', type: 'KNOWS' },
      ],
    });
    expect(one).toEqual(two);
    expect(one.nodes.map((n) => n.data.id)).toEqual(['a', 'b']);
    expect(one.edges.map((e) => e.data.id)).toEqual(['e:1', 'e:2']);
  });

  it('talent flow: moves with no stated origin come from one stand-in node', () => {
    const { nodes, edges } = flowElements({
      nodes: [{ id: 'org/a', name: 'A' }],
      links: [{ from: null, to: { id: 'org/a', name: 'A' }, count: 2, movers: [{ name: 'x' }, { name: 'y' }] }],
    });
    expect(nodes.map((n) => n.data.id)).toEqual([FLOW_UNKNOWN, 'org/a']);
    expect(edges[0]!.data).toMatchObject({ source: FLOW_UNKNOWN, target: 'org/a', count: 2, caption: '2 · x、y' });
  });
});
