import { readMigrations, splitStatements } from '../../src/db/migrations';

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

  it('reads cypher/schema in file order, each idempotent', () => {
    const migrations = readMigrations();
    expect(migrations.map((m) => m.id)).toEqual([
      '001-constraints.cypher',
      '002-indexes.cypher',
      '003-scale-indexes.cypher',
      '004-entity-degree.cypher',
      '005-entity-order.cypher',
      '006-event-tallies.cypher',
      '007-citations.cypher',
      '008-fact-locks.cypher',
      '009-change-log.cypher',
    ]);
    for (const statement of migrations.flatMap((m) => m.statements)) {
      expect(statement).toMatch(/IF NOT EXISTS/);
    }
  });
});
