import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { Conflict, DomainError, InvalidInput, NotFound, UnknownOutcome } from '../errors';

/** The GraphQL face of a domain error: its code, and the argument or input field at fault. */
function domainErrorExtensions(error: DomainError): Record<string, unknown> {
  const argument =
    error instanceof InvalidInput || error instanceof Conflict || error instanceof NotFound ? error.path : undefined;
  const id =
    error instanceof Conflict || error instanceof NotFound || error instanceof UnknownOutcome ? error.id : undefined;
  return { code: error.code, ...(argument ? { argument } : {}), ...(id ? { id } : {}) };
}

/** Maps a domain error thrown in a resolver onto the formatted GraphQL error; others pass through. */
export function mapDomainError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const cause = unwrapResolverError(error);
  if (!(cause instanceof DomainError)) return formatted;
  return {
    ...formatted,
    message: cause.message,
    extensions: { ...formatted.extensions, ...domainErrorExtensions(cause) },
  };
}
