import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics (served at GET /metrics, src/http/observability.ts), named by
 * Prometheus conventions: counters end in `_total`, durations are histograms in seconds. Every
 * label has a bounded set of values: operation names are the client's choice, so only the first
 * OPERATION_NAMES_KEPT distinct ones get their own label value.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

/** Seconds: from a cached index seek (~1 ms) to the API's transaction timeout (15 s). */
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30];

export const metrics = {
  requests: new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations answered, by operation name and type (query, mutation)',
    labelNames: ['operation', 'type'] as const,
    registers: [registry],
  }),
  requestDuration: new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its response, by operation name and type',
    labelNames: ['operation', 'type'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  }),
  errors: new Counter({
    name: 'graphql_errors_total',
    help: 'Errors in GraphQL responses, by extensions.code (refusals included)',
    labelNames: ['code'] as const,
    registers: [registry],
  }),
  refusals: new Counter({
    name: 'graphql_refusals_total',
    help: 'Requests refused by the request guard before running, by reason (the error code)',
    labelNames: ['reason'] as const,
    registers: [registry],
  }),
  cypherDuration: new Histogram({
    name: 'neo4j_query_duration_seconds',
    help: 'Time Neo4j took to answer one named Cypher block (cypher/*.cypher), by block and access mode',
    labelNames: ['block', 'mode'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  }),
  cypherFailures: new Counter({
    name: 'neo4j_query_failures_total',
    help: 'Named Cypher blocks that failed, by block',
    labelNames: ['block'] as const,
    registers: [registry],
  }),
  sessionsInUse: new Gauge({
    name: 'neo4j_pool_connections_in_use',
    help: 'Neo4j sessions open now; each holds one pooled connection while its transaction runs',
    registers: [registry],
  }),
  sessionsWaiting: new Gauge({
    name: 'neo4j_sessions_waiting',
    help: 'Calls waiting for a free Neo4j session (every pooled connection in use), src/neo4j/gate.ts',
    registers: [registry],
  }),
  poolSize: new Gauge({
    name: 'neo4j_pool_max_connections',
    help: 'The most connections the driver pools (maxConnectionPoolSize)',
    registers: [registry],
  }),
};

export const OPERATION_NAMES_KEPT = 200;
const operationNames = new Set<string>();

/** The label value for an operation name: `(anonymous)`, the name itself, or `(other)` once the set is full. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return '(anonymous)';
  if (operationNames.has(name)) return name;
  if (operationNames.size >= OPERATION_NAMES_KEPT) return '(other)';
  operationNames.add(name);
  return name;
}
