import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { operationShapes } from './documentShape';
import { refusalError } from './refusals';
import { DEFAULT_PAGE } from '../graphql/common/pageSize';

/**
 * What a root field costs by itself, calibrated against measured CPU time (API + Neo4j, `npm run
 * bench:cost`, README "Limits"): one unit is about 20 µs of CPU, so QUERY_MAX_COST's 50,000 is
 * about 1 CPU-second, the most a document may cost. A field's own cost covers its fixed work (a
 * neighbourhood's walk from a hub, a page's count and probe); its rows (first/last/limit) times its
 * selection's cost come on top. Each own cost is the largest CPU time measured for the field on the
 * article's graph and on the 50k-node one, over 20 µs, rounded up. Fields not listed cost 1.
 */
export const FIELD_COSTS: Record<string, number> = {
  // ~20-190 ms each measured (the higher figures at load average 20-28): an index seek or range, a count, a page probe.
  'Query.search': 2_500,
  'Query.entities': 6_000,
  'Query.events': 12_000,
  'Query.timeline': 10_000,
  'Query.talentMoves': 9_000,
  'Query.acquisitions': 12_000,
  'Query.centrality': 5_000,
  // Bounded by PATH_SEARCH_MS (1 s of wall time, src/store/graph.store.ts): one a document.
  'Query.shortestPath': 45_000,
  // A hub's neighbourhood: ~230-490 ms at depth 1 on the 50k graph, whatever the limit: one a document.
  'Query.neighborhood': 26_000,
  // The 500 widest links of the latest 2,000 moves: ~380-575 ms on the 50k graph.
  'Query.talentFlow': 30_000,
  // graph(limit) with metrics: ~240 ms at limit 500 (two), ~370-430 ms at 2000 (46,000, one a document) on the 50k graph (costLimit.test, median of 3).
  'Query.graph': 10_000,
  // eventStats reads tallies: each field one index read of at most kinds × periods entries.
  'EventStats.byKind': 2_500,
  'EventStats.byPeriod': 2_500,
  'EventStats.movesByDestination': 2_500,
  // Writes (not calibrated: the rate limiter counts them too, RATE_LIMIT_MUTATION_COST).
  'Mutation.addSource': 2_000,
  'Mutation.addEntity': 2_000,
  'Mutation.addRelationship': 2_000,
  'Mutation.addEvent': 2_000,
  'Mutation.corroborate': 2_000,
  'Mutation.withdrawCitations': 2_000,
  // An index seek per participant and compatible date range (cypher/queries/facts.cypher similarEvents).
  'Query.similarEvents': 1_000,
  // An index range per target or kind (cypher/queries/changes.cypher); a subscription holds a place in the tailer's fan-out.
  'Query.changes': 1_000,
  'Subscription.changes': 10,
};

/**
 * Default most cost an operation may have: about 1 CPU-second (see FIELD_COSTS). The explorer's
 * whole-graph query (graph(limit: 2000) with its node and edge fields and metrics) costs 46,000;
 * 30 aliased hub neighbourhoods (depth 3, limit 500) cost 840,000 and are refused.
 */
export const DEFAULT_MAX_COST = 50_000;

/**
 * A field's cost plus its selections' cost, multiplied by the rows it may return: its `first` or
 * `last` or `limit` argument (with the schema's default when omitted; a connection paged both ways
 * has none in the schema and reads DEFAULT_PAGE).
 */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const own = FIELD_COSTS[`${type.name}.${field.name}`];
  const rows =
    [args.first, args.last, args.limit].find((n) => typeof n === 'number') ??
    (field.args.some((a) => a.name === 'last') ? DEFAULT_PAGE : 1);
  if (own === undefined && rows === 1) return undefined; // simpleEstimator: 1 + children
  return (own ?? 1) + Math.max(rows, 1) * childComplexity;
};

/** The operation's cost, before anything runs. */
export function costOf(options: Parameters<typeof getComplexity>[0]): number {
  return getComplexity(options);
}

export interface OperationToCheck {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * A check refusing an operation whose estimated cost exceeds `maxCost`, before execution (so the
 * database sees nothing). Run after validation, with the request's variables. The expanded field
 * count, computed in linear time, is a lower bound of the cost: when it alone is over the limit the
 * estimator (which expands every spread) is not run at all.
 */
export function costCheck(maxCost = DEFAULT_MAX_COST): (operation: OperationToCheck) => void {
  // Apollo hands the same DocumentNode to every request of a cached document: the verdict for a
  // document, operation and variables is computed once (a few per document, the oldest dropped).
  const passed = new WeakMap<object, string[]>();
  return (request) => {
    const key = JSON.stringify([request.operationName ?? null, request.variables ?? {}]);
    const known = passed.get(request.document) ?? [];
    if (known.includes(key)) return;
    checkCost(request);
    passed.set(request.document, [key, ...known].slice(0, 16));
  };

  function checkCost({ schema, document, operation, operationName, variables }: OperationToCheck): void {
    const fields = operationShapes(document).get(operation)?.fields ?? 0;
    let cost = fields;
    if (fields <= maxCost) {
      try {
        cost = costOf({
          schema,
          query: document,
          operationName: operationName ?? undefined,
          variables: variables ?? {},
          estimators: [costEstimator, simpleEstimator({ defaultComplexity: 1 })],
          // Fragments and inline fragments count as nodes too; fields alone are bounded above.
          maxQueryNodes: 4 * maxCost,
        });
      } catch (error) {
        // Bad variables: execution refuses them (BAD_USER_INPUT) before any resolver runs.
        if (!/number of nodes/.test((error as Error).message)) return;
        cost = Infinity;
      }
    }
    if (cost > maxCost) {
      const amount = cost === Infinity || fields > maxCost ? `more than ${maxCost}` : String(cost);
      throw refusalError(
        'COST_LIMIT_EXCEEDED',
        `the operation would cost ${amount}; at most ${maxCost} is allowed (lists count once per row they may return)`,
      );
    }
  }
}
