import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR } from '../cypher/cypherFiles';
import { kindSchemaStatements } from '../model/kindSchema';
import { adminStore } from '../store/admin.store';
import type { Executor } from '../neo4j/executor';
import type { Logger } from '../logger';

const SCHEMA_DIR = path.join(CYPHER_DIR, 'schema');

export interface Migration {
  id: string;
  checksum: string;
  statements: string[];
  /** Derived from the registry: applied again whenever its statements change (all are idempotent). */
  derived?: boolean;
}

/** The id under which the registry's per-kind statements are recorded (src/model/kindSchema.ts). */
export const KIND_SCHEMA_MIGRATION = 'registry-event-kinds';

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

/** The per-kind constraints of the registry, as a migration that follows the files. */
export function kindSchemaMigration(): Migration {
  const statements = kindSchemaStatements();
  const checksum = createHash('sha256').update(statements.join(';\n')).digest('hex');
  return { id: KIND_SCHEMA_MIGRATION, checksum, statements, derived: true };
}

/** Every migration in the order it is applied: the files of cypher/schema/, then the registry's. */
export function allMigrations(dir = SCHEMA_DIR): Migration[] {
  return [...readMigrations(dir), kindSchemaMigration()];
}

/**
 * Applies the migrations not yet recorded in the graph, in file order. Schema commands cannot share
 * a transaction with writes, so each statement runs on its own; all use IF NOT EXISTS, so a run that
 * stopped half way is simply repeated. The registry's migration runs again when a kind is added.
 */
export async function migrate(db: Executor, logger: Logger): Promise<string[]> {
  const applied = new Map((await adminStore.appliedMigrations(db)).map((r) => [r.id, r.checksum]));
  const done: string[] = [];
  for (const migration of allMigrations()) {
    const previous = applied.get(migration.id);
    const unchanged = previous === migration.checksum;
    if (previous !== undefined && (unchanged || !migration.derived)) {
      if (!unchanged) {
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
