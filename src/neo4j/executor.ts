import type { Context as TraceContext } from '@opentelemetry/api';
import neo4j, { type Driver, Neo4jError, type ManagedTransaction, type Session } from 'neo4j-driver';
import type { ExactParams, NamedQuery, Params, ParamsArg, Row } from '../cypher/cypherFiles';
import {
  Conflict,
  DatabaseUnavailable,
  DomainError,
  QueryTimeout,
  StorageFull,
  StoreFailure,
  TransactionMemoryExceeded,
  UnknownOutcome,
  textOf,
} from '../errors';
import type { Logger } from '../logger';
import { metrics } from '../telemetry/metrics';
import { inSpan } from '../telemetry/tracing';
import { sharedBookmarks } from './bookmarks';
import { gateOf, type SessionGate } from './gate';
import { toDriverValue, toNative } from './toNative';

export type { Params, Row };

/** Runs one statement inside an open write transaction (Executor.writeAll). */
export type Run = <P extends Params = Params, R = Row, A extends P = P>(
  query: NamedQuery<P, R>,
  ...params: ParamsArg<P, A>
) => Promise<R[]>;

/** The untyped view of a typed query, for the code below that only passes it to the driver. */
const untyped = <P extends Params, R>(query: NamedQuery<P, R>) => query as unknown as NamedQuery<Params, R>;

/**
 * What the store's read functions take: `executor.reader` (one read transaction per call) or a
 * write transaction's Run (so a mutation reads back inside its own transaction).
 */
export type Reader = Run;

/**
 * What the request an executor serves says about itself: its GraphQL operation name (sent as
 * transaction metadata, so Neo4j's SHOW TRANSACTIONS and query log name it) and the trace context
 * its Cypher spans belong to. Set once the operation is known (src/http/observability.ts).
 */
export interface RequestScope {
  operation?: string;
  trace?: TraceContext;
}

type LastStep = (run: Run) => Promise<unknown>;
const lastSteps = new WeakMap<Run, LastStep[]>();

/**
 * Runs `step` as the last statement of `run`'s transaction, after all of writeAll's work and just
 * before it commits (the change log takes its lock there, src/store/changes.store.ts); at once when
 * `run` is not a writeAll transaction's. Returns whether it was deferred.
 */
export async function beforeCommit(run: Run, step: LastStep): Promise<boolean> {
  const last = lastSteps.get(run);
  if (last) return Boolean(last.push(step));
  await step(run);
  return false;
}

/** Names this API in every transaction's metadata. */
export const TX_APP = 'llm-shakeout-kg';

/** Maps Neo4j failures to domain errors with a stable code and no internals. */
export function toDomainError(error: unknown, query: string): DomainError {
  if (error instanceof DomainError) return error;
  const code = error instanceof Neo4jError ? error.code : undefined;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') return new DatabaseUnavailable();
  // A database starting (a restarted Neo4j recovering its store) or stopping: unavailable, not our failure.
  if (code === 'Neo.TransientError.General.DatabaseUnavailable') return new DatabaseUnavailable();
  // Every pooled connection busy for the whole acquisition timeout: the database cannot take more now.
  if (error instanceof Neo4jError && error.message.startsWith('Connection acquisition timed out'))
    return new DatabaseUnavailable();
  if (code?.includes('TransactionTimedOut') || code === 'Neo.ClientError.Transaction.LockClientStopped')
    return new QueryTimeout();
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed')
    return new Conflict(query, 'the write conflicts with an existing fact');
  if (code && /MemoryPoolOutOfMemoryError|TransactionMemoryLimit/.test(code))
    return new TransactionMemoryExceeded(query, error);
  // The transaction could not be appended to the log (a full or failing disk): not committed.
  if (code === 'Neo.DatabaseError.Transaction.TransactionLogError')
    return new StorageFull(
      undefined,
      'the graph database could not write its transaction log (its disk is full or failing): the write was not committed; writes are refused until space is freed',
    );
  // Neo4j out of disk space (an IOException in the cause chain of whatever code it reports).
  if (
    error instanceof Error &&
    /No space left on device|not enough disk space|disk space/i.test(
      `${error.message} ${textOf((error as { cause?: unknown }).cause ?? '')}`,
    )
  )
    return new StorageFull();
  // A database that hit a fatal error (DatabaseHealth panic) refuses everything until restarted:
  // unavailable (503), not a failure of this query; the probe restarts a local one (src/main.ts).
  if (error instanceof Error && /needs to be restarted|has encountered a critical error/i.test(error.message))
    return new DatabaseUnavailable();
  return new StoreFailure(query, error);
}

/**
 * The one place that talks to Neo4j: a session per call, reads routed as reads, a timeout on every
 * transaction, native values out, typed errors, and the Cypher with its parameters logged at debug.
 * Each transaction carries metadata (operation, block); each named block gets a span and its time in
 * neo4j_query_duration_seconds. It also counts round trips, so tests can prove a request's cost does not grow with its result.
 */
export class Executor {
  roundTrips = 0;
  readonly scope: RequestScope = {};

  constructor(
    private readonly driver: Driver,
    private readonly database: string,
    private readonly logger: Logger,
    private readonly txTimeoutMs: number,
    /** When the request this executor serves must be done (epoch ms): no transaction outlives it. */
    private readonly deadlineAt?: number,
  ) {}

  /**
   * The same connection settings with a fresh round-trip counter (one per GraphQL request) and,
   * given `deadlineMs`, the request's deadline: each transaction's server-side timeout is what is
   * left of it, and none starts once it has passed (TIMEOUT).
   */
  forRequest(deadlineMs?: number): Executor {
    return new Executor(
      this.driver,
      this.database,
      this.logger,
      this.txTimeoutMs,
      deadlineMs ? Date.now() + deadlineMs : undefined,
    );
  }

  /** The queue in front of the driver's pool (./gate.ts), when the driver has one. */
  get gate(): SessionGate | undefined {
    return gateOf(this.driver);
  }

  /** `read`, bound: what the store's functions take (src/store/*.store.ts). */
  readonly reader: Reader = (query, ...params) => this.read(query, ...params);

  /** Rows are typed by the store module that owns the query (src/store/*.store.ts). */
  read<P extends Params = Params, R = Row, A extends P = P>(
    query: NamedQuery<P, R>,
    ...params: ParamsArg<P, A>
  ): Promise<R[]> {
    return this.run('READ', query.name, (tx) => this.runIn(tx, untyped(query), params[0] ?? {}, 'READ'));
  }

  /**
   * A read that may search far (a shortest path through hubs): stopped by the server after
   * `timeoutMs` instead of the API's transaction timeout, and not retried. Resolves to null then,
   * so the caller can say the search was bounded.
   */
  async readWithin<P extends Params = Params, R = Row, A extends P = P>(
    query: NamedQuery<P, R>,
    params: ExactParams<P, A>,
    timeoutMs: number,
  ): Promise<R[] | null> {
    try {
      return await this.run('READ', query.name, (tx) => this.runIn(tx, untyped(query), params, 'READ'), timeoutMs);
    } catch (error) {
      if (error instanceof QueryTimeout) return null;
      throw error;
    }
  }

  write<P extends Params = Params, R = Row, A extends P = P>(
    query: NamedQuery<P, R>,
    ...params: ParamsArg<P, A>
  ): Promise<R[]> {
    return this.run('WRITE', query.name, (tx) => this.runIn(tx, untyped(query), params[0] ?? {}));
  }

  /**
   * A read whose rows go to `onRow` one by one as the database sends them (the driver pulls more
   * only as `onRow`'s promises resolve), for answers too large to hold whole. An explicit
   * transaction, not a retried transaction function: rows already handed out cannot be taken back.
   * Resolves to the number of rows.
   */
  async stream<P extends Params = Params, R = Row, A extends P = P>(
    query: NamedQuery<P, R>,
    params: ExactParams<P, A>,
    onRow: (row: R) => void | Promise<void>,
  ): Promise<number> {
    const session = await this.openSession('READ');
    this.roundTrips += 1;
    this.logger.debug({ query: query.name, cypher: query.cypher, params }, 'cypher (stream)');
    let rows = 0;
    let sinkFailed = false;
    const started = process.hrtime.bigint();
    try {
      const tx = session.beginTransaction(this.txConfig(query.name));
      try {
        for await (const record of tx.run(query.cypher, toDriverValue(params) as Params)) {
          rows += 1;
          const row = toNative(record.toObject()) as R;
          sinkFailed = true;
          await onRow(row);
          sinkFailed = false;
        }
        await tx.commit();
      } finally {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      }
      metrics.cypherDuration.observe({ block: query.name, mode: 'READ' }, seconds(started));
      return rows;
    } catch (error) {
      if (sinkFailed) throw error; // the consumer's own failure (e.g. the client went away), not the database's
      metrics.cypherFailures.inc({ block: query.name });
      throw this.failure(error, query.name);
    } finally {
      await this.closeSession(session);
    }
  }

  /** Several statements in one write transaction: all or nothing; the steps given to `beforeCommit` run last. */
  writeAll<T>(label: string, work: (run: Run) => Promise<T>): Promise<T> {
    return this.run('WRITE', label, async (tx) => {
      const run: Run = (query, ...params) => this.runIn(tx, untyped(query), params[0] ?? {});
      const last: LastStep[] = [];
      lastSteps.set(run, last);
      const result = await work(run);
      for (const step of last) await step(run);
      return result;
    });
  }

  /**
   * A schema command (constraint, index, procedure call) from a file of ours, in an auto-commit
   * transaction: Neo4j does not allow schema changes inside transaction functions with writes.
   */
  async schema(statement: string): Promise<void> {
    const session = await this.openSession('WRITE');
    this.roundTrips += 1;
    this.logger.debug({ cypher: statement }, 'schema cypher');
    try {
      await session.run(statement, {}, this.txConfig('schema'));
    } finally {
      await this.closeSession(session);
    }
  }

  private async run<T>(
    mode: 'READ' | 'WRITE',
    label: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    timeoutMs = this.txTimeoutMs,
  ): Promise<T> {
    this.txConfig(label, timeoutMs); // none starts past the deadline, not even to wait
    const session = await this.openSession(mode);
    // After the wait for a session: the transaction gets what is left of the deadline then.
    let config;
    try {
      config = this.txConfig(label, timeoutMs);
    } catch (error) {
      await this.closeSession(session);
      throw error;
    }
    // Set once the transaction function has returned: the driver is committing.
    let committing = false;
    const tracked = async (tx: ManagedTransaction) => {
      committing = false;
      const result = await work(tx);
      committing = true;
      return result;
    };
    try {
      // Errors are mapped outside the transaction function so the driver can still retry transient ones.
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(tracked, config);
    } catch (error) {
      const mapped = this.failure(error, label);
      // The connection broke while the commit was on its way: it may have been committed.
      if (committing && mapped instanceof DatabaseUnavailable) throw new UnknownOutcome();
      throw mapped;
    } finally {
      await this.closeSession(session);
    }
  }

  /**
   * A session, once the gate in front of the pool (./gate.ts) has a place for it: a call waits
   * there at most until its request's deadline (TIMEOUT), and not at all in an outage the probe
   * declared (503, nothing sent).
   */
  private async openSession(mode: 'READ' | 'WRITE') {
    const release = (await gateOf(this.driver)?.enter(mode, this.deadlineAt)) ?? (() => undefined);
    metrics.sessionsInUse.inc();
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      // One bookmark manager for every session behind a cluster (./bookmarks.ts): a read sees the writes before it.
      bookmarkManager: sharedBookmarks(this.driver),
    });
    released.set(session, release);
    return session;
  }

  private async closeSession(session: Session): Promise<void> {
    try {
      await session.close();
    } finally {
      metrics.sessionsInUse.dec();
      released.get(session)?.();
    }
  }

  /** The transaction's timeout and its metadata: which API, GraphQL operation and named block sent it. */
  private txConfig(block: string, timeoutMs = this.txTimeoutMs) {
    const metadata: Record<string, string> = { app: TX_APP, block };
    if (this.scope.operation) metadata.operation = this.scope.operation;
    const left = this.deadlineAt === undefined ? Infinity : Math.floor(this.deadlineAt - Date.now());
    if (left <= 0) throw new QueryTimeout('the request ran past its deadline (REQUEST_DEADLINE_MS) and was stopped');
    return { timeout: Math.min(timeoutMs, left), metadata };
  }

  /**
   * Logs a database failure (ours are already domain errors) and maps it for the caller: one line
   * with the block and Neo4j's code at warn, the whole error (stack included) at debug only.
   */
  private failure(error: unknown, label: string): DomainError {
    const mapped = toDomainError(error, label);
    if (!(error instanceof DomainError)) {
      const code = error instanceof Neo4jError ? error.code : undefined;
      this.logger.warn(
        { query: label, code: mapped.code, neo4j: code },
        `cypher failed: ${textOf(error).split('\n')[0]}`,
      );
      this.logger.debug({ query: label, err: error }, 'cypher failure');
    }
    return mapped;
  }

  private runIn<T>(
    tx: ManagedTransaction,
    query: NamedQuery<Params, T>,
    params: Params,
    mode: 'READ' | 'WRITE' = 'WRITE',
  ): Promise<T[]> {
    // A statement that unwinds an empty list has nothing to do: not sent (src/cypher/cypherFiles.ts).
    const input = query.unwinds === undefined ? undefined : params[query.unwinds];
    if (Array.isArray(input) && input.length === 0) return Promise.resolve([]);
    this.roundTrips += 1;
    this.logger.debug({ query: query.name, cypher: query.cypher, params }, 'cypher');
    const attributes = { 'db.system.name': 'neo4j', 'db.namespace': this.database, 'db.query.summary': query.name };
    return inSpan(query.name, attributes, this.scope.trace, async () => {
      const started = process.hrtime.bigint();
      try {
        const result = await tx.run(query.cypher, toDriverValue(params) as Params);
        metrics.cypherDuration.observe({ block: query.name, mode }, seconds(started));
        return result.records.map((record) => toNative(record.toObject()) as T);
      } catch (error) {
        metrics.cypherFailures.inc({ block: query.name });
        throw error;
      }
    });
  }
}

/** What gives each open session's place in the gate back. */
const released = new WeakMap<Session, () => void>();

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
