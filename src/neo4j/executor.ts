import neo4j, { type Driver, Neo4jError, type ManagedTransaction } from 'neo4j-driver';
import type { NamedQuery } from '../cypher/cypherFiles';
import { Conflict, DatabaseUnavailable, DomainError, QueryTimeout, StoreFailure } from '../errors';
import type { Logger } from '../logger';
import { sharedBookmarks } from './bookmarks';
import { toDriverValue, toNative } from './toNative';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** Runs one statement inside an open write transaction (Executor.writeAll). */
export type Run = <T = Row>(query: NamedQuery, params?: Params) => Promise<T[]>;

/**
 * What the store's read functions take: `executor.reader` (one read transaction per call) or a
 * write transaction's Run (so a mutation reads back inside its own transaction).
 */
export type Reader = Run;

/** Maps Neo4j failures to domain errors with a stable code and no internals. */
export function toDomainError(error: unknown, query: string): DomainError {
  if (error instanceof DomainError) return error;
  const code = error instanceof Neo4jError ? error.code : undefined;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') return new DatabaseUnavailable();
  // Every pooled connection busy for the whole acquisition timeout: the database cannot take more now.
  if (error instanceof Neo4jError && error.message.startsWith('Connection acquisition timed out')) return new DatabaseUnavailable();
  if (code?.includes('TransactionTimedOut') || code === 'Neo.ClientError.Transaction.LockClientStopped') return new QueryTimeout();
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return new Conflict(query, 'the write conflicts with an existing fact');
  return new StoreFailure(query, error);
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

  /** `read`, bound: what the store's functions take (src/store/*.store.ts). */
  readonly reader: Reader = (query, params) => this.read(query, params);

  /** Rows are typed by the store module that owns the query (src/store/*.store.ts). */
  read<T = Row>(query: NamedQuery, params: Params = {}): Promise<T[]> {
    return this.run('READ', query.name, (tx) => this.runIn<T>(tx, query, params));
  }

  /**
   * A read that may search far (a shortest path through hubs): stopped by the server after
   * `timeoutMs` instead of the API's transaction timeout, and not retried. Resolves to null then,
   * so the caller can say the search was bounded.
   */
  async readWithin<T = Row>(query: NamedQuery, params: Params, timeoutMs: number): Promise<T[] | null> {
    try {
      return await this.run('READ', query.name, (tx) => this.runIn<T>(tx, query, params), timeoutMs);
    } catch (error) {
      if (error instanceof QueryTimeout) return null;
      throw error;
    }
  }

  write<T = Row>(query: NamedQuery, params: Params = {}): Promise<T[]> {
    return this.run('WRITE', query.name, (tx) => this.runIn<T>(tx, query, params));
  }

  /**
   * A read whose rows go to `onRow` one by one as the database sends them (the driver pulls more
   * only as `onRow`'s promises resolve), for answers too large to hold whole. An explicit
   * transaction, not a retried transaction function: rows already handed out cannot be taken back.
   * Resolves to the number of rows.
   */
  async stream<T = Row>(query: NamedQuery, params: Params, onRow: (row: T) => void | Promise<void>): Promise<number> {
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
          const row = toNative(record.toObject()) as T;
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
  writeAll<T>(label: string, work: (run: Run) => Promise<T>): Promise<T> {
    return this.run('WRITE', label, (tx) => work(<R = Row>(query: NamedQuery, params: Params = {}) => this.runIn<R>(tx, query, params)));
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

  private async run<T>(mode: 'READ' | 'WRITE', label: string, work: (tx: ManagedTransaction) => Promise<T>, timeoutMs = this.txTimeoutMs): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      // One bookmark manager for every session behind a cluster (./bookmarks.ts): a read sees the writes before it.
      bookmarkManager: sharedBookmarks(this.driver),
    });
    const config = { timeout: timeoutMs };
    try {
      // Errors are mapped outside the transaction function so the driver can still retry transient ones.
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw this.failure(error, label);
    } finally {
      await session.close();
    }
  }

  /** Logs a database failure (ours are already domain errors) and maps it for the caller. */
  private failure(error: unknown, label: string): DomainError {
    if (!(error instanceof DomainError)) this.logger.warn({ query: label, err: error }, 'cypher failed');
    return toDomainError(error, label);
  }

  private async runIn<T>(tx: ManagedTransaction, query: NamedQuery, params: Params): Promise<T[]> {
    this.roundTrips += 1;
    this.logger.debug({ query: query.name, cypher: query.cypher, params }, 'cypher');
    const result = await tx.run(query.cypher, toDriverValue(params) as Params);
    return result.records.map((record) => toNative(record.toObject()) as T);
  }
}
