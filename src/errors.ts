/**
 * Domain errors: what the store, the model and the writer throw. They know nothing of GraphQL or
 * HTTP; each edge maps them (src/graphql/errorMapping.ts for GraphQL, the export routes for HTTP).
 * `code` is the stable code clients see in `extensions.code`.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** A caller mistake; `path` names the argument or input field at fault (`input.participants.0.entity`). */
export class InvalidInput extends DomainError {
  override name = 'InvalidInput';
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

/** A write that would change or duplicate an existing fact (create-only ids, a changed cited text…). */
export class Conflict extends DomainError {
  override name = 'Conflict';
  readonly code = 'CONFLICT';
  constructor(
    readonly id: string,
    readonly detail: string,
    readonly path?: string,
  ) {
    super(`${id}: ${detail}`);
  }
}

export class NotFound extends DomainError {
  override name = 'NotFound';
  readonly code = 'NOT_FOUND';
  constructor(
    readonly id: string,
    readonly path?: string,
  ) {
    super(`${id}: no such fact`);
  }
}

export class DatabaseUnavailable extends DomainError {
  override name = 'DatabaseUnavailable';
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor() {
    super('the graph database is unavailable');
  }
}

export class QueryTimeout extends DomainError {
  override name = 'QueryTimeout';
  readonly code = 'TIMEOUT';
  constructor(message = 'the query took too long and was stopped') {
    super(message);
  }
}

/**
 * A write whose outcome nobody knows: the database stopped answering (hung, or the connection
 * broke) after the write was sent, so it may yet be committed, or not. Not a failure: the caller
 * reads `id` (or history(id)) to learn which, and retries only if it is not there.
 */
export class UnknownOutcome extends DomainError {
  override name = 'UnknownOutcome';
  readonly code = 'UNKNOWN_OUTCOME';
  constructor(readonly id?: string) {
    super(
      `the database stopped answering after the write${id ? ` of ${id}` : ''} was sent: it may or may not have been committed; ` +
        `read ${id ?? 'the fact'} (or history(id)) once the database answers, and write again only if it is not there`,
    );
  }
}

/** The database's disk is (nearly) full: writes are refused until space is freed; reads go on. */
export class StorageFull extends DomainError {
  override name = 'StorageFull';
  readonly code = 'STORAGE_FULL';
  constructor(status?: { path: string; freeBytes: number | null; minFreeBytes: number }, message?: string) {
    super(
      message ??
        (status
          ? `the graph database's disk is full (${status.freeBytes ?? '?'} bytes free in ${status.path}, ${status.minFreeBytes} needed): writes are refused until space is freed`
          : 'the graph database ran out of disk space: writes are refused until space is freed'),
    );
  }
}

/** A search that stopped at its bound before it found an answer (a shortest path through hubs). */
export class SearchBounded extends DomainError {
  override name = 'SearchBounded';
  readonly code = 'SEARCH_LIMIT_REACHED';
}

/** Anything else the database reported; the message names the query, never its internals. */
export class StoreFailure extends DomainError {
  override name = 'StoreFailure';
  readonly code = 'INTERNAL_SERVER_ERROR';
  constructor(query: string, cause: unknown) {
    super(`internal error in query ${query}`, { cause });
  }
}

/** A transaction that outgrew Neo4j's transaction memory: still a store failure to an API client; the import says what to change. */
export class TransactionMemoryExceeded extends StoreFailure {
  override name = 'TransactionMemoryExceeded';
}

/** A subscriber that fell too far behind the live changes: it resumes from its last cursor (replayed from the log). */
export class SubscriberTooSlow extends DomainError {
  override name = 'SubscriberTooSlow';
  readonly code = 'SUBSCRIBER_TOO_SLOW';
  constructor(queued: number) {
    super(
      `more than ${queued} changes waited for this subscriber; subscribe again with after: the last cursor received`,
    );
  }
}

/** Any value as text for a message or a log line: strings as they are, errors by message, the rest as JSON. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.message;
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value) ?? typeof value;
}

/** A thrown value as an Error (anything can be thrown; only Errors keep a stack and a name). */
export function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(textOf(value));
}
