import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR } from '../cypher/cypherFiles';
import { adminStore } from '../store/admin.store';
import type { Executor } from '../neo4j/executor';
import type { Logger } from '../logger';

const SCHEMA_DIR = path.join(CYPHER_DIR, 'schema');

export interface Migration {
  id: string;
  checksum: string;
  statements: string[];
}

/** Splits a schema file into statements: `;` at a line end closes one; `//` comment lines are dropped. */
export function splitStatements(text: string): string[] {
  const body = text
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return body
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function readMigrations(dir = SCHEMA_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((id) => {
      const text = readFileSync(path.join(dir, id), 'utf8');
      return { id, checksum: createHash('sha256').update(text).digest('hex'), statements: splitStatements(text) };
    });
}

/**
 * Applies the migrations not yet recorded in the graph, in file order. Schema commands cannot share
 * a transaction with writes, so each statement runs on its own; all use IF NOT EXISTS, so a run that
 * stopped half way is simply repeated.
 */
export async function migrate(db: Executor, logger: Logger): Promise<string[]> {
  const applied = new Map((await adminStore.appliedMigrations(db)).map((r) => [r.id, r.checksum]));
  const done: string[] = [];
  for (const migration of readMigrations()) {
    const previous = applied.get(migration.id);
    if (previous !== undefined) {
      if (previous !== migration.checksum) {
        logger.warn(
          { migration: migration.id },
          'applied migration has changed since; add a new migration file instead',
        );
      }
      continue;
    }
    for (const statement of migration.statements) await db.schema(statement);
    await adminStore.recordMigration(db, migration.id, migration.checksum);
    logger.info({ migration: migration.id }, 'migration applied');
    done.push(migration.id);
  }
  await db.schema('CALL db.awaitIndexes(120)');
  return done;
}
