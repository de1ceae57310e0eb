import { HeaderMap } from '@apollo/server';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';

/**
 * Every refusal, whichever layer makes it (Express, Apollo's pipeline, a validation rule, a plugin),
 * leaves in the same shape: `{"errors":[{"message","extensions":{"code"}}]}` with its own code and
 * HTTP status.
 */
export const Refusal = {
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  BATCH_NOT_SUPPORTED: 400,
  DEPTH_LIMIT_EXCEEDED: 400,
  ALIAS_LIMIT_EXCEEDED: 400,
  DIRECTIVE_LIMIT_EXCEEDED: 400,
  TOKEN_LIMIT_EXCEEDED: 400,
  COST_LIMIT_EXCEEDED: 400,
  PERSISTED_QUERY_HASH_MISMATCH: 400,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
} as const;
export type RefusalCode = keyof typeof Refusal;

/**
 * Apollo re-codes validation errors as GRAPHQL_VALIDATION_FAILED; the refusal's own code travels
 * in this extension and formatError puts it back.
 */
export const REFUSAL_MARK = 'refusal';

export function refusalError(code: RefusalCode, message: string, headers: Record<string, string> = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, [REFUSAL_MARK]: code, http: { status: Refusal[code], headers: new HeaderMap(Object.entries(headers)) } },
  });
}

/** The same refusal answered by Express, before Apollo sees the request. */
export function sendRefusal(res: Response, code: RefusalCode, message: string, headers: Record<string, string> = {}): void {
  res.status(Refusal[code]).set(headers).json({ errors: [{ message, extensions: { code } }] });
}

/** express.json()'s failures (body too large, malformed JSON) as GraphQL JSON errors, not HTML pages. */
export const bodyErrors: ErrorRequestHandler = (error: { type?: string; limit?: number }, _req, res, next) => {
  if (res.headersSent) return next(error);
  if (error.type === 'entity.too.large') return sendRefusal(res, 'PAYLOAD_TOO_LARGE', `the request body is larger than ${error.limit} bytes`);
  if (error.type === 'entity.parse.failed') return sendRefusal(res, 'BAD_REQUEST', 'the request body is not valid JSON');
  if (error.type) return sendRefusal(res, 'BAD_REQUEST', 'the request body cannot be read');
  return next(error);
};

/** Apollo's allowBatchedHttpRequests stays off: one operation per request, one cost and rate check each. */
export const refuseBatches: RequestHandler = (req, res, next) => {
  if (Array.isArray(req.body)) return sendRefusal(res, 'BATCH_NOT_SUPPORTED', 'batched operations are not accepted: send one operation per request');
  next();
};
