import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '../errors';
import { mapDomainError } from '../graphql/errorMapping';
import { metrics } from '../telemetry/metrics';
import { REFUSAL_MARK, type RefusalCode } from './refusals';

interface ValidationFailure {
  property: string;
  value?: unknown;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

/** class-validator failures, nested ones included, as (dotted path, problems) pairs. */
function flattenFailures(
  failures: ValidationFailure[],
  prefix = '',
): { argument: string; value: unknown; problems: string[] }[] {
  return failures.flatMap((f) => {
    const argument = prefix ? `${prefix}.${f.property}` : f.property;
    const own = f.constraints ? [{ argument, value: f.value, problems: Object.values(f.constraints) }] : [];
    return [...own, ...flattenFailures(f.children ?? [], argument)];
  });
}

/** Refusals made inside Apollo or graphql-js without a code of their own, by their fixed message. */
const REFUSALS_BY_MESSAGE: [RegExp, RefusalCode][] = [
  [/^provided sha does not match query$/, 'PERSISTED_QUERY_HASH_MISMATCH'],
  // Apollo sends it with HTTP 400 but no code, which would read as INTERNAL_SERVER_ERROR: the client's mistake.
  [/^Unsupported persisted query version$/, 'PERSISTED_QUERY_VERSION_UNSUPPORTED'],
  // graphql-js 16 spells it 'more that N tokens'.
  [/^Syntax Error: Document contains more tha[nt] \d+ tokens/, 'TOKEN_LIMIT_EXCEEDED'],
];

/**
 * Errors leave without stack traces. Domain errors get their code and path (src/graphql/errorMapping.ts).
 * Argument validation failures (class-validator) name the argument — or the field inside an input, as a
 * dotted path — in the message and in `extensions.argument` (bad scalar literals get the same treatment
 * in ./inputErrors.ts). Refusals get their own code back (./refusals.ts) and lose the locations they do
 * not need.
 */
export function formatError(raw: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const formatted = mapDomainError(raw, error);
  const {
    stacktrace: _stacktrace,
    validationErrors,
    [REFUSAL_MARK]: refusal,
    ...extensions
  } = formatted.extensions ?? {};
  const byMessage = REFUSALS_BY_MESSAGE.find(([pattern]) => pattern.test(formatted.message))?.[1];
  if (byMessage && !refusal) metrics.refusals.inc({ reason: byMessage });
  if (refusal || byMessage)
    return { message: formatted.message, extensions: { ...extensions, code: refusal ?? byMessage } };
  if (Array.isArray(validationErrors) && validationErrors.length) {
    const failures = flattenFailures(validationErrors as ValidationFailure[]);
    const message = failures.map((f) => `${f.argument}: ${f.problems.join('; ')}`).join('; ');
    return { ...formatted, message, extensions: { ...extensions, argument: failures[0]?.argument, failures } };
  }
  // Unexpected: the message may hold internals (it is logged with the request id, src/http/requestId.ts).
  if (
    (extensions.code ?? 'INTERNAL_SERVER_ERROR') === 'INTERNAL_SERVER_ERROR' &&
    !(unwrapResolverError(error) instanceof DomainError)
  ) {
    return { ...formatted, message: 'internal error', extensions: { ...extensions, code: 'INTERNAL_SERVER_ERROR' } };
  }
  return { ...formatted, extensions };
}
