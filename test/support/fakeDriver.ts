import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { CYPHER_DIR, parseCypherBlocks } from '../../src/cypher/cypherFiles';
import { logger } from '../../src/logger';
import { Executor } from '../../src/neo4j/executor';
import { toNative } from '../../src/neo4j/toNative';

/** The name of every Cypher block in cypher/queries, by its text. */
const NAMES = new Map<string, string>();
for (const file of readdirSync(path.join(CYPHER_DIR, 'queries'))) {
  for (const [name, cypher] of parseCypherBlocks(readFileSync(path.join(CYPHER_DIR, 'queries', file), 'utf8'), file)) {
    NAMES.set(cypher, `${file}#${name}`);
  }
}

export interface SentQuery {
  query: string;
  params: unknown;
}

/**
 * A driver that records what would be sent to Neo4j (block name and parameters, in plain values)
 * and answers from `rows` by block name. For unit tests of the Cypher resolvers generate; the real
 * answers are tested against Neo4j in test/integration and test/e2e.
 */
export type FakeRows = Record<string, Record<string, unknown>[] | ((params: any) => Record<string, unknown>[])>;

export function fakeExecutor(rows: FakeRows = {}) {
  const sent: SentQuery[] = [];
  const tx = {
    run: async (cypher: string, params: Record<string, unknown>) => {
      const query = NAMES.get(cypher) ?? `unknown: ${cypher.slice(0, 40)}`;
      const plain = toNative(params);
      sent.push({ query, params: plain });
      const answer = rows[query.split('#')[1]!] ?? [];
      return {
        records: (typeof answer === 'function' ? answer(plain) : answer).map((row) => ({ toObject: () => row })),
      };
    },
  };
  const session = {
    executeRead: (work: (t: typeof tx) => unknown) => work(tx),
    executeWrite: (work: (t: typeof tx) => unknown) => work(tx),
    close: async () => undefined,
  };
  const driver = { session: () => session } as unknown as Driver;
  return { db: new Executor(driver, 'neo4j', logger, 1000), sent };
}
