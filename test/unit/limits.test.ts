import { readFileSync } from 'node:fs';
import { parse, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { simpleEstimator } from 'graphql-query-complexity';
import { buildGraphQLSchema } from '../../src/graphql/schema';
import { costEstimator, costOf, DEFAULT_MAX_COST, FIELD_COSTS } from '../../src/guard/cost';
import { documentLimits } from '../../src/guard/documentLimits';
import { operationShapes } from '../../src/guard/documentShape';
import { TokenBuckets } from '../../src/guard/rateLimit';
import { repoPath } from '../../src/paths';

const onlyShape = (source: string) => [...operationShapes(parse(source)).values()][0]!;

describe('the expanded shape of an operation', () => {
  it('follows a chain of 10,000 fragments without overflowing the stack', () => {
    const chain = Array.from(
      { length: 10_000 },
      (_, i) => `fragment F${i} on Query { ${i === 9_999 ? 'health { status }' : `...F${i + 1}`} }`,
    );
    expect(onlyShape(`{ ...F0 } ${chain.join(' ')}`)).toEqual({ depth: 2, fields: 2, aliases: 0, directives: 0 });
  });

  it('computes each fragment once: 60 nested fragments each spread twice expand to 2^61 fields', () => {
    // Expanded spread by spread this would take 2^60 steps and never finish; memoised it is 60.
    const fragments = ['fragment F0 on Query { health { status } }'];
    for (let i = 1; i <= 60; i += 1) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
    expect(onlyShape(`{ ...F60 } ${fragments.join(' ')}`)).toEqual({
      depth: 2,
      fields: 2 ** 61,
      aliases: 0,
      directives: 0,
    });
  });

  it('counts aliases and directives at every spread, and survives fragment cycles', () => {
    expect(onlyShape('{ ...A ...A } fragment A on Query { a: health { s: status @include(if: true) } }')).toEqual({
      depth: 2,
      fields: 4,
      aliases: 4,
      directives: 2,
    });
    expect(onlyShape('{ ...A } fragment A on Query { health { status } ...B } fragment B on Query { ...A }')).toEqual({
      depth: 2,
      fields: 2,
      aliases: 0,
      directives: 0,
    });
  });
});

describe('request limits', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGraphQLSchema();
  });
  const codes = (source: string) =>
    validate(schema, parse(source), [documentLimits({ maxDepth: 3, maxAliases: 2, maxDirectives: 1 })]).map(
      (e) => e.extensions.code,
    );
  const cost = (source: string, variables: Record<string, unknown> = {}) =>
    costOf({
      schema,
      query: parse(source),
      variables,
      estimators: [costEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });

  it('refuses depth, aliases and directives over their limits, each with its own code', () => {
    expect(codes('{ health { status } }')).toEqual([]);
    expect(codes('{ entity(id: "x") { relationships { to { id } } } }')).toEqual(['DEPTH_LIMIT_EXCEEDED']);
    expect(codes('{ a: health { status } b: health { status } c: health { status } }')).toEqual([
      'ALIAS_LIMIT_EXCEEDED',
    ]);
    expect(codes('{ health { status @skip(if: false) entities @skip(if: false) } }')).toEqual([
      'DIRECTIVE_LIMIT_EXCEEDED',
    ]);
  });

  it('costs the graph walks far more than a name, and lists by the rows they may return', () => {
    expect(cost('{ entity(id: "x") { name } }')).toBe(2);
    const own = (field: string) => FIELD_COSTS[`Query.${field}`]!;
    expect(cost('{ search(text: "x") { name } }')).toBe(own('search') + 10 * 1);
    expect(cost('{ search(text: "x", limit: 50) { name } }')).toBe(own('search') + 50 * 1);
    expect(cost('query($n: Int) { events(first: $n) { totalCount } }', { n: 100 })).toBe(own('events') + 100 * 1);
    expect(cost('{ neighborhood(id: "x") { nodes { nodeId } } }')).toBe(own('neighborhood') + 200 * 2);
    expect(cost('{ shortestPath(from: "a", to: "b") { length } }')).toBe(own('shortestPath') + 1);
    expect(cost('{ talentFlow { links { count } } }')).toBe(own('talentFlow') + 2);
    expect(cost('{ eventStats { byKind { count } movesByDestination(limit: 100) { moves } } }')).toBe(
      1 + (FIELD_COSTS['EventStats.byKind']! + 1) + (FIELD_COSTS['EventStats.movesByDestination']! + 100 * 1),
    );
    // The calibrated costs (about 20 µs of CPU a unit): a hub's neighbourhood or the talent flow is
    // a large share of the limit, a shortest path (bounded by 1 s of search) one a document.
    expect(
      cost('{ a: shortestPath(from: "a", to: "b") { length } b: shortestPath(from: "a", to: "c") { length } }'),
    ).toBeGreaterThan(DEFAULT_MAX_COST);
  });

  it('lets the explorer and every example through, and refuses 1,000 aliased neighbourhoods', () => {
    const explore = readFileSync(repoPath('web', 'explore', 'api.js'), 'utf8');
    const fields = /GRAPH_FIELDS =\s*'([^']+)'/.exec(explore)![1]!;
    expect(cost(`query Whole { graph(limit: 2000) { totalNodes truncated ${fields} } }`)).toBe(46_000); // with the metrics the explorer asks for (degree, pagerank, community)
    const examples = parse(readFileSync(repoPath('schema', 'examples.graphql'), 'utf8'));
    const worst = Math.max(
      ...examples.definitions.map((d) =>
        costOf({
          schema,
          query: examples,
          operationName: (d as OperationDefinitionNode).name!.value,
          variables: {},
          estimators: [costEstimator, simpleEstimator({ defaultComplexity: 1 })],
        }),
      ),
    );
    expect(worst).toBeLessThanOrEqual(DEFAULT_MAX_COST);
    const aliases = Array.from(
      { length: 1_000 },
      (_, i) => `n${i}: neighborhood(id: "org/moonshot-ai") { nodes { nodeId } }`,
    ).join(' ');
    expect(cost(`{ ${aliases} }`)).toBe(1_000 * (FIELD_COSTS['Query.neighborhood']! + 200 * 2));
    // The abuse: 30 aliased hub neighbourhoods (depth 3, limit 500) took 4.5 CPU-seconds.
    const hubs = Array.from(
      { length: 30 },
      (_, i) => `n${i}: neighborhood(id: "org/bytedance", depth: 3, limit: 500) { nodes { nodeId label name } }`,
    ).join(' ');
    expect(cost(`{ ${hubs} }`)).toBeGreaterThan(DEFAULT_MAX_COST);
  });
});

describe('token buckets', () => {
  it('allow a burst, then one request per refill, and say how long to wait', () => {
    let now = 0;
    const buckets = new TokenBuckets(1, 2, () => now);
    expect([buckets.take('a', 1), buckets.take('a', 1), buckets.take('a', 1)]).toEqual([0, 0, 1]);
    expect(buckets.take('b', 1)).toBe(0); // another caller has its own bucket
    expect(buckets.take('a', 10)).toBe(10);
    now = 1_000;
    expect([buckets.take('a', 1), buckets.take('a', 1)]).toEqual([0, 1]);
  });
});
