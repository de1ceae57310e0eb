import { GraphQLError } from 'graphql';
import neo4j, { type Driver, Neo4jError, type ManagedTransaction } from 'neo4j-driver';
import type { NamedQuery } from '../cypher/cypherFiles';
import type { Logger } from '../logger';
import { sharedBookmarks } from './bookmarks';
import { toDriverValue, toNative } from './toNative';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Maps Neo4j failures to GraphQL errors with a stable code and no internals. */
export function toGraphQLError(error: unknown, query: string): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const code = error instanceof Neo4jError ? error.code : undefined;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new GraphQLError('the graph database is unavailable', { extensions: { code: 'DATABASE_UNAVAILABLE' } });
  }
  if (code?.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code?.includes('TransactionTimedOut')) {
    return new GraphQLError('the query took too long and was stopped', { extensions: { code: 'TIMEOUT' } });
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new GraphQLError('the write conflicts with an existing fact', { extensions: { code: 'CONFLICT' } });
  }
  return new GraphQLError(`internal error in query ${query}`, {
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
    originalError: error instanceof Error ? error : undefined,
  });
}

/**
 * The one place that talks to Neo4j: a session per call, reads routed as reads, a timeout on every
 * transaction, native values out, typed errors, and the Cypher with its parameters logged at debug.
 * It also counts round trips, so tests can prove a request's cost does not grow with its result.
 */
export class Executor {
  roundTrips = 0;

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly logger: Logger,
    private readonly txTimeoutMs: number,
  ) {}

  /** The same connection settings with a fresh round-trip counter (one per GraphQL request). */
  forRequest(): Executor {
    return new Executor(this.driver, this.database, this.logger, this.txTimeoutMs);
  }

  read(query: NamedQuery, params: Params = {}): Promise<Row[]> {
    return this.run('READ', query.name, (tx) => this.runIn(tx, query, params));
  }

  write(query: NamedQuery, params: Params = {}): Promise<Row[]> {
    return this.run('WRITE', query.name, (tx) => this.runIn(tx, query, params));
  }

  /**
   * A read whose rows go to `onRow` one by one as the database sends them (the driver pulls more
   * only as `onRow`'s promises resolve), for answers too large to hold whole. An explicit
   * transaction, not a retried transaction function: rows already handed out cannot be taken back.
   * Resolves to the number of rows.
   */
  async stream(query: NamedQuery, params: Params, onRow: (row: Row) => void | Promise<void>): Promise<number> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: sharedBookmarks(this.driver) });
    this.roundTrips += 1;
    this.logger.debug({ query: query.name, cypher: query.cypher, params }, 'cypher (stream)');
    let rows = 0;
    let sinkFailed = false;
    try {
      const tx = session.beginTransaction({ timeout: this.txTimeoutMs });
      try {
        for await (const record of tx.run(query.cypher, toDriverValue(params) as Params)) {
          rows += 1;
          const row = toNative(record.toObject()) as Row;
          sinkFailed = true;
          await onRow(row);
          sinkFailed = false;
        }
        await tx.commit();
      } finally {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      }
      return rows;
    } catch (error) {
      if (sinkFailed) throw error; // the consumer's own failure (e.g. the client went away), not the database's
      throw this.failure(error, query.name);
    } finally {
      await session.close();
    }
  }

  /** Several statements in one write transaction: all or nothing. */
  writeAll<T>(label: string, work: (run: (query: NamedQuery, params?: Params) => Promise<Row[]>) => Promise<T>): Promise<T> {
    return this.run('WRITE', label, (tx) => work((query, params = {}) => this.runIn(tx, query, params)));
  }

  /**
   * A schema command (constraint, index, procedure call) from a file of ours, in an auto-commit
   * transaction: Neo4j does not allow schema changes inside transaction functions with writes.
   */
  async schema(statement: string): Promise<void> {
    const session = this.driver.session({ database: this.database, bookmarkManager: sharedBookmarks(this.driver) });
    this.roundTrips += 1;
    this.logger.debug({ cypher: statement }, 'schema cypher');
    try {
      await session.run(statement);
    } finally {
      await session.close();
    }
  }

  private async run<T>(mode: 'READ' | 'WRITE', label: string, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      // One bookmark manager for every session behind a cluster (./bookmarks.ts): a read sees the writes before it.
      bookmarkManager: sharedBookmarks(this.driver),
    });
    const config = { timeout: this.txTimeoutMs };
    try {
      // Errors are mapped outside the transaction function so the driver can still retry transient ones.
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw this.failure(error, label);
    } finally {
      await session.close();
    }
  }

  /** Logs a database failure (ours are already GraphQL errors) and maps it for the caller. */
  private failure(error: unknown, label: string): GraphQLError {
    if (!(error instanceof GraphQLError)) this.logger.warn({ query: label, err: error }, 'cypher failed');
    return toGraphQLError(error, label);
  }

  private async runIn(tx: ManagedTransaction, query: NamedQuery, params: Params): Promise<Row[]> {
    this.roundTrips += 1;
    this.logger.debug({ query: query.name, cypher: query.cypher, params }, 'cypher');
    const result = await tx.run(query.cypher, toDriverValue(params) as Params);
    return result.records.map((record) => toNative(record.toObject()) as Row);
  }
}
