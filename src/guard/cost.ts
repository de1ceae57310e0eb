import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { operationShapes } from './documentShape';
import { refusalError } from './refusals';
import { DEFAULT_PAGE } from '../graphql/common/pageSize';

/**
 * What a root field costs by itself, from the Cypher it runs: a name look-up is an index seek;
 * the selections walk the graph breadth first (cypher/queries/subgraph.cypher) and the path and
 * flow queries expand many relationships. Other fields cost 1.
 */
export const FIELD_COSTS: Record<string, number> = {
  'Query.search': 5,
  'Query.entities': 5,
  'Query.events': 5,
  'Query.timeline': 5,
  'Query.talentMoves': 5,
  'Query.acquisitions': 5,
  'Query.shortestPath': 100,
  'Query.neighborhood': 100,
  'Query.graph': 200,
  'Query.talentFlow': 100,
  // eventStats reads tallies: each field one index read of at most kinds × periods entries.
  'EventStats.byKind': 5,
  'EventStats.byPeriod': 5,
  'EventStats.movesByDestination': 5,
  'Mutation.addSource': 50,
  'Mutation.addEntity': 50,
  'Mutation.addRelationship': 50,
  'Mutation.addEvent': 50,
  'Mutation.corroborate': 50,
  'Mutation.withdrawCitations': 50,
  // An index seek per participant and compatible date range (cypher/queries/facts.cypher similarEvents).
  'Query.similarEvents': 5,
  // An index range per target or kind (cypher/queries/changes.cypher); a subscription holds a place in the tailer's fan-out.
  'Query.changes': 5,
  'Subscription.changes': 10,
};

/**
 * Default most cost an operation may have. The explorer's whole-graph query (graph(limit: 2000)
 * with its node and edge fields and metrics) costs 36,200; 1,000 aliased neighbourhoods cost at least 500,000.
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
