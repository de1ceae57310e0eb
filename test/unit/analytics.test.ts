import { computeMetrics, withMetrics } from '../../src/graph/analytics';
import { toGraphNodes } from '../../src/graphql/graph/graphView';

const ids = (...list: string[]) => list.map((id) => ({ id }));
const edge = (source: string, target: string) => ({ source, target });

describe('selection metrics (degree, PageRank, Louvain community)', () => {
  it('degree counts every edge of the selection at a node, parallel ones too, and ignores edges leaving it', () => {
    const metrics = computeMetrics(ids('a', 'b', 'c'), [
      edge('a', 'b'),
      edge('a', 'b'),
      edge('c', 'a'),
      edge('a', 'outside'),
    ]);
    expect([...metrics].map(([id, m]) => [id, m.degree])).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', 1],
    ]);
  });

  it('PageRank follows the edges’ direction (damping 0.85, dangling nodes spread evenly) and sums to 1', () => {
    // a → b: x_a = 0.075 + 0.425 x_b and x_a + x_b = 1, so x_a = 0.5 / 1.425
    const metrics = computeMetrics(ids('a', 'b'), [edge('a', 'b')]);
    expect(metrics.get('a')!.pagerank).toBeCloseTo(0.5 / 1.425, 6);
    expect(metrics.get('b')!.pagerank).toBeCloseTo(1 - 0.5 / 1.425, 6);
  });

  it('communities: two cliques joined by one edge are two communities, the larger numbered 0; the same input gives the same answer', () => {
    const big = ['p1', 'p2', 'p3', 'p4'];
    const small = ['q1', 'q2', 'q3'];
    const clique = (list: string[]) => list.flatMap((a, i) => list.slice(i + 1).map((b) => edge(a, b)));
    const nodes = ids(...small, ...big);
    const edges = [...clique(big), ...clique(small), edge('p1', 'q1')];
    const metrics = computeMetrics(nodes, edges);
    expect(Object.fromEntries([...metrics].map(([id, m]) => [id, m.community]))).toEqual({
      p1: 0,
      p2: 0,
      p3: 0,
      p4: 0,
      q1: 1,
      q2: 1,
      q3: 1,
    });
    for (let i = 0; i < 5; i++) expect(computeMetrics(nodes, edges)).toEqual(metrics);
  });

  it('an empty selection has no metrics; lone nodes each get their own community', () => {
    expect(computeMetrics([], []).size).toBe(0);
    const metrics = computeMetrics(ids('b', 'a'), []);
    expect(metrics.get('a')).toEqual({ degree: 0, pagerank: 0.5, community: 0 });
    expect(metrics.get('b')).toEqual({ degree: 0, pagerank: 0.5, community: 1 });
  });

  it('are computed only when read: a selection’s nodes as GraphQL serves them keep them unread until a query selects one', () => {
    const nodes = toGraphNodes(withMetrics(ids('a', 'b'), [edge('a', 'b')]));
    const unread = (n: object, key: string) => typeof Object.getOwnPropertyDescriptor(n, key)?.get === 'function';
    expect(nodes.map((n) => [n.nodeId, unread(n, 'degree'), unread(n, 'pagerank'), unread(n, 'community')])).toEqual([
      ['a', true, true, true],
      ['b', true, true, true],
    ]);
    expect(nodes.map((n) => n.degree)).toEqual([1, 1]);
  });
});
