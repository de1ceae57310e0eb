import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { metrics } from '../telemetry/metrics';

/**
 * Every refusal, whichever layer makes it (the HTTP adapter, Apollo's pipeline, a validation rule,
 * a plugin), leaves in the same shape: `{"errors":[{"message","extensions":{"code"}}]}` with its
 * own code and HTTP status. Nothing here knows a transport: adapters turn a Refused into their
 * own answer (src/http/guard.http.ts for HTTP; a WebSocket adapter into an error message).
 */
export const Refusal = {
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  BATCH_NOT_SUPPORTED: 400,
  DEPTH_LIMIT_EXCEEDED: 400,
  ALIAS_LIMIT_EXCEEDED: 400,
  DIRECTIVE_LIMIT_EXCEEDED: 400,
  TOKEN_LIMIT_EXCEEDED: 400,
  INPUT_TOO_DEEP: 400,
  COST_LIMIT_EXCEEDED: 400,
  PERSISTED_QUERY_HASH_MISMATCH: 400,
  PERSISTED_QUERY_VERSION_UNSUPPORTED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_ACCEPTABLE: 406,
  RATE_LIMITED: 429,
  SUBSCRIPTION_LIMIT_EXCEEDED: 429,
} as const;
export type RefusalCode = keyof typeof Refusal;

/**
 * Apollo re-codes validation errors as GRAPHQL_VALIDATION_FAILED; the refusal's own code travels
 * in this extension and formatError puts it back.
 */
export const REFUSAL_MARK = 'refusal';

/** A request the guard will not run: its code, message and the headers its answer carries (Retry-After…). */
export class Refused extends Error {
  override name = 'Refused';
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    metrics.refusals.inc({ reason: code });
  }

  get status(): number {
    return Refusal[this.code];
  }

  /** The GraphQL response body of this refusal. */
  body(): { errors: { message: string; extensions: { code: RefusalCode } }[] } {
    return { errors: [{ message: this.message, extensions: { code: this.code } }] };
  }
}

/** A refusal made inside GraphQL processing (validation, a plugin): Apollo answers it with its status and headers. */
export function refusalError(code: RefusalCode, message: string, headers: Record<string, string> = {}): GraphQLError {
  metrics.refusals.inc({ reason: code });
  return new GraphQLError(message, {
    extensions: {
      code,
      [REFUSAL_MARK]: code,
      http: { status: Refusal[code], headers: new HeaderMap(Object.entries(headers)) },
    },
  });
}
