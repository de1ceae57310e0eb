import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoPath } from '../paths';
import { staleTypeLists } from './stableTypes';

export const CYPHER_DIR = repoPath('cypher');

const BLOCK_MARKER = /^\/\/\s*@query\s+([A-Za-z][A-Za-z0-9_]*)\s*$/;

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/**
 * What a named block takes and gives: its parameters (every `$name` the block uses, and nothing
 * else) and the shape of one row it returns (its properties are the columns of the block's last
 * top-level RETURN, none for NoRow): test/unit/cypherContracts.test.ts checks both against the text. Each store declares the contracts of its file's blocks once, as the type
 * argument of loadCypherFile; the executor's run/read then make the compiler check every call.
 * Parameters are type literals (`type X = {…}`, not interfaces), which are Params.
 */
export interface Contract<P extends object = Params, R = Row> {
  params: P;
  row: R;
}

/** A block that takes no parameters. */
export type NoParams = Record<never, never>;

/** The row of a block that returns none (a write without RETURN). */
export type NoRow = Record<never, never>;

/** A Cypher text with the name of its block, for logs and errors, typed by its contract. */
export interface NamedQuery<P extends object = Params, R = Row> {
  name: string;
  cypher: string;
  /**
   * The list parameter the statement starts by unwinding (`UNWIND $rows AS row`), if it does: with
   * an empty list it has nothing to do and the executor does not send it (no rows come back).
   */
  unwinds?: string;
  /** Types only: never set at run time. */
  readonly contract?: Contract<P, R>;
}

/** The typed queries of one file, from the contracts of its blocks. */
export type Queries<C> = {
  readonly [N in keyof C]: C[N] extends Contract<infer P, infer R> ? NamedQuery<P, R> : never;
};

/** `params` exactly as the contract declares them: a missing one or one more is a compile error. */
export type ExactParams<P, A> = A & { [K in Exclude<keyof A, keyof P>]: never };

/** The parameters argument of a call: required unless the block takes none. */
export type ParamsArg<P, A> = NoParams extends P ? [params?: ExactParams<P, A>] : [params: ExactParams<P, A>];

const LEADING_UNWIND = /^\s*UNWIND\s+\$([A-Za-z_][A-Za-z0-9_]*)\s+AS\s/i;

/** The parameter a block starts by unwinding, comments skipped. */
export function leadingUnwind(cypher: string): string | undefined {
  const code = cypher
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return LEADING_UNWIND.exec(code)?.[1];
}

export class CypherFileError extends Error {
  override name = 'CypherFileError';
}

/**
 * Splits a .cypher file into named blocks. A block starts at a `// @query name` line and runs to
 * the next marker; comments stay in (Neo4j ignores them) and a trailing `;` is dropped, so each
 * block can be pasted into Neo4j Browser as it is.
 */
export function parseCypherBlocks(text: string, file: string): Map<string, string> {
  const blocks = new Map<string, string>();
  let name: string | undefined;
  let lines: string[] = [];
  const close = () => {
    if (name === undefined) return;
    const body = lines.join('\n').trim().replace(/;\s*$/, '');
    if (!body.split('\n').some((l) => l.trim() && !l.trim().startsWith('//'))) {
      throw new CypherFileError(`${file}: query "${name}" is empty`);
    }
    blocks.set(name, body);
  };
  for (const line of text.split(/\r?\n/)) {
    const marker = BLOCK_MARKER.exec(line);
    if (marker) {
      close();
      name = marker[1]!;
      if (blocks.has(name)) throw new CypherFileError(`${file}: duplicate query name "${name}"`);
      lines = [];
    } else if (name !== undefined) {
      lines.push(line);
    }
  }
  close();
  return blocks;
}

/**
 * Loads the named blocks of one file under cypher/, once, at import time of the module that asks.
 * Fails fast when a name the code needs is missing, or when the file has a block nobody uses.
 */
export function loadCypherFile<C extends { [N in keyof C]: Contract<object, unknown> }>(
  relativePath: string,
  names: readonly (keyof C & string)[],
): Queries<C> {
  type N = keyof C & string;
  const file = path.join(CYPHER_DIR, relativePath);
  const blocks = parseCypherBlocks(readFileSync(file, 'utf8'), relativePath);
  const missing = names.filter((n) => !blocks.has(n));
  if (missing.length)
    throw new CypherFileError(`${relativePath}: missing query ${missing.map((m) => `"${m}"`).join(', ')}`);
  const unused = [...blocks.keys()].filter((n) => !names.includes(n as N));
  if (unused.length) throw new CypherFileError(`${relativePath}: query ${unused.join(', ')} is not used by the code`);
  const queries = {} as Record<N, NamedQuery<object, unknown>>;
  for (const n of names) {
    const cypher = blocks.get(n)!;
    const stale = staleTypeLists(cypher);
    if (stale.length)
      throw new CypherFileError(
        `${relativePath}: query "${n}" spells the stable relationship types as ${stale[0]}, not as the registry does: run npm run cypher:types`,
      );
    const unwinds = leadingUnwind(cypher);
    queries[n] = unwinds ? { name: n, cypher, unwinds } : { name: n, cypher };
  }
  return queries as Queries<C>;
}
