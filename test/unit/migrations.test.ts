import { readdirSync } from 'node:fs';
import { allMigrations, KIND_SCHEMA_MIGRATION, splitStatements } from '../../src/db/migrations';
import { kindSchemaStatements } from '../../src/model/kindSchema';
import { EVENT_KIND_LIST } from '../../src/model/registry';
import { repoPath } from '../../src/paths';

describe('schema migrations', () => {
  it('splits a file into statements, dropping comment lines', () => {
    expect(
      splitStatements(
        '// c\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\nCREATE CONSTRAINT b IF NOT EXISTS\nFOR (n:B) REQUIRE n.id IS UNIQUE;\n',
      ),
    ).toEqual([
      'CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)',
      'CREATE CONSTRAINT b IF NOT EXISTS\nFOR (n:B) REQUIRE n.id IS UNIQUE',
    ]);
  });

  it("reads every file of cypher/schema in numbered order, then the registry's per-kind statements, each idempotent", () => {
    const files = readdirSync(repoPath('cypher', 'schema')).filter((f) => f.endsWith('.cypher'));
    const migrations = allMigrations();
    expect(migrations.map((m) => m.id)).toEqual([...files.sort(), KIND_SCHEMA_MIGRATION]);
    // numbered 001, 002… without a gap or a repeat
    expect(files.map((f) => Number(f.slice(0, 3)))).toEqual(files.map((_, i) => i + 1));
    expect(migrations.at(-1)).toMatchObject({ derived: true, statements: kindSchemaStatements() });
    expect(kindSchemaStatements()).toHaveLength(EVENT_KIND_LIST.length);
    for (const statement of migrations.flatMap((m) => m.statements)) {
      expect(statement).toMatch(/IF NOT EXISTS/);
    }
  });
});
