import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { Refused, type RefusalCode } from '../guard/refusals';
import type { RequestGuard } from '../guard/requestGuard';
import type { Logger } from '../logger';
import { metrics } from '../telemetry/metrics';

/** The most a request body may weigh. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The media types of a GraphQL response (GraphQL over HTTP), in Apollo's order of preference. */
const GRAPHQL_MEDIA_TYPES = ['application/json', 'application/graphql-response+json'];

/**
 * A refusal answered over HTTP, in the media type the request accepts (no Accept header, or * / *:
 * application/json, as Apollo does), or 406 when it accepts neither GraphQL response type.
 */
export function sendRefusal(req: Request, res: Response, refused: Refused): void {
  const type = req.accepts(GRAPHQL_MEDIA_TYPES);
  const answer = type
    ? refused
    : new Refused(
        'NOT_ACCEPTABLE',
        `the request accepts neither ${GRAPHQL_MEDIA_TYPES.join(' nor ')} (${refused.message})`,
      );
  for (const error of answer.body().errors) metrics.errors.inc({ code: error.extensions.code });
  res
    .status(answer.status)
    .set(answer.headers)
    .type(`${type || 'application/json'}; charset=utf-8`)
    .send(JSON.stringify(answer.body()));
}

const refuse = (req: Request, res: Response, code: RefusalCode, message: string) =>
  sendRefusal(req, res, new Refused(code, message));

/** The guard's admission (credentials, then rate) before the body is read: `res.locals.principal` is a Principal or null. */
export const admit =
  (guard: RequestGuard): RequestHandler =>
  (req, res, next) => {
    guard.admit({ authorization: req.get('authorization'), ip: req.ip ?? '' }).then(
      (principal) => {
        res.locals.principal = principal;
        next();
      },
      (error: unknown) => (error instanceof Refused ? sendRefusal(req, res, error) : next(error)),
    );
  };

/** express.json()'s failures (body too large, malformed JSON) as GraphQL errors, not HTML pages. */
const bodyErrors: ErrorRequestHandler = (error: { type?: string; limit?: number }, req, res, next) => {
  if (res.headersSent) return next(error);
  if (error.type === 'entity.too.large')
    return refuse(req, res, 'PAYLOAD_TOO_LARGE', `the request body is larger than ${error.limit} bytes`);
  if (error.type === 'entity.parse.failed')
    return refuse(req, res, 'BAD_REQUEST', 'the request body is not valid JSON');
  if (error.type) return refuse(req, res, 'BAD_REQUEST', 'the request body cannot be read');
  return next(error);
};

/** Apollo's allowBatchedHttpRequests stays off: one operation per request, one cost and rate check each. */
const refuseBatches: RequestHandler = (req, res, next) => {
  if (Array.isArray(req.body))
    return refuse(
      req,
      res,
      'BATCH_NOT_SUPPORTED',
      'batched operations are not accepted: send one operation per request',
    );
  next();
};

/**
 * Values nested too deep for graphql-js's recursive parsing and coercion, refused before either
 * runs: a POST's body, or a GET's query string (whose variables and extensions are JSON text).
 */
const refuseDeepInput =
  (guard: RequestGuard): RequestHandler =>
  (req, res, next) => {
    try {
      if (req.method === 'POST') guard.checkInput((req.body ?? {}) as Record<string, unknown>);
      else
        guard.checkInput({
          query: req.query.query,
          variables: parsedJson(req.query.variables),
          extensions: parsedJson(req.query.extensions),
        });
    } catch (error) {
      if (error instanceof Refused) return sendRefusal(req, res, error);
      return next(error);
    }
    next();
  };

/** A GET parameter's JSON value, or undefined when it is not JSON (Apollo then refuses it). */
function parsedJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The guard in front of the GraphQL endpoint, cheapest refusals first: credentials and rate before
 * reading the body, then the body's size and syntax, then batches and nesting. Apollo applies the rest
 * (../guard/apollo.ts).
 */
export function guardHttp(guard: RequestGuard): (RequestHandler | ErrorRequestHandler)[] {
  return [admit(guard), express.json({ limit: BODY_LIMIT_BYTES }), bodyErrors, refuseBatches, refuseDeepInput(guard)];
}

/** Anything that failed on the way to Apollo answers as a GraphQL error without internals, not as Express's HTML page. */
export const graphqlFailure =
  (logger: Logger): ErrorRequestHandler =>
  (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const requestId = res.locals.requestId as string | undefined;
    logger.error({ err: error, path: req.path, requestId }, 'request failed before GraphQL');
    const type = req.accepts(GRAPHQL_MEDIA_TYPES) || 'application/json';
    metrics.errors.inc({ code: 'INTERNAL_SERVER_ERROR' });
    res
      .status(500)
      .type(`${type}; charset=utf-8`)
      .send(
        JSON.stringify({
          errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }],
        }),
      );
  };
