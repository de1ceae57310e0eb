import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context as TraceContext,
} from '@opentelemetry/api';
import express, { type RequestHandler, type Router } from 'express';
import type { Context } from '../graphql/context';
import { metrics, operationLabel, registry } from '../telemetry/metrics';
import { tracer } from '../telemetry/tracing';
import { textOf } from '../errors';

const TRACE = 'traceContext';

/**
 * The HTTP server span of each request (OpenTelemetry's HTTP conventions: `POST /graphql`, method,
 * path, route, status), a child of the caller's `traceparent` when there is one. The trace context is
 * kept on the response, because the body parser's callbacks run outside it: `inRequestTrace` enters
 * it again before GraphQL runs.
 */
export const httpSpans: RequestHandler = (req, res, next) => {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer().startSpan(
    `${req.method} ${req.path}`,
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': req.method, 'url.path': req.path, 'url.scheme': req.protocol },
    },
    parent,
  );
  const traceContext = trace.setSpan(parent, span);
  res.locals[TRACE] = traceContext;
  res.once('finish', () => {
    const route = (req.route as { path?: string } | undefined)?.path ?? (req.baseUrl || undefined);
    if (route) {
      span.setAttribute('http.route', route);
      span.updateName(`${req.method} ${route}`);
    }
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(traceContext, next);
};

/** Re-enters the request's trace context (see httpSpans), so GraphQL's spans are children of the HTTP span. */
export const inRequestTrace: RequestHandler = (_req, res, next) => {
  const traceContext = res.locals[TRACE] as TraceContext | undefined;
  if (!traceContext) return next();
  context.with(traceContext, next);
};

function phaseSpan(name: string, parent: TraceContext, request: GraphQLRequestContext<Context>): Span {
  const attributes: Record<string, string> = {};
  if (request.operationName) attributes['graphql.operation.name'] = request.operationName;
  if (request.operation) attributes['graphql.operation.type'] = request.operation.operation;
  return tracer().startSpan(name, { attributes }, parent);
}

function endSpan(span: Span, error?: unknown): void {
  if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: textOf(error) });
  span.end();
}

/**
 * Per GraphQL operation: spans for parse, validate and execute (the named Cypher blocks' spans are
 * children of execute, through the executor's scope); the operation name on every Neo4j transaction
 * it sends; graphql_requests_total and graphql_request_duration_seconds by operation name and type;
 * graphql_errors_total by code.
 */
export const graphqlTelemetry: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    const started = process.hrtime.bigint();
    const parent = context.active();
    return {
      async parsingDidStart(request) {
        const span = phaseSpan('graphql.parse', parent, request);
        return async (error) => endSpan(span, error);
      },
      async validationDidStart(request) {
        const span = phaseSpan('graphql.validate', parent, request);
        return async (errors) => endSpan(span, errors?.[0]);
      },
      async didResolveOperation({ operationName, contextValue }) {
        contextValue.db.scope.operation = operationName ?? undefined;
      },
      async executionDidStart(request) {
        const span = phaseSpan('graphql.execute', parent, request);
        request.contextValue.db.scope.trace = trace.setSpan(parent, span);
        return { executionDidEnd: async (error) => endSpan(span, error) };
      },
      async willSendResponse({ operationName, request, operation, response }) {
        const labels = {
          operation: operationLabel(operationName ?? request.operationName),
          type: operation?.operation ?? 'unknown',
        };
        metrics.requests.inc(labels);
        metrics.requestDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? [])
          metrics.errors.inc({ code: textOf(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
      },
    };
  },
};

/** GET /metrics: the Prometheus text exposition of src/telemetry/metrics.ts. */
export function metricsRouter(): Router {
  const router = express.Router();
  router.get('/metrics', (_req, res, next) => {
    registry.metrics().then((text) => res.set('Content-Type', registry.contentType).send(Buffer.from(text)), next);
  });
  return router;
}
