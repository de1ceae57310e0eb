// Bookkeeping of the schema migrations in cypher/schema/: each file is applied once and recorded.

// @query appliedMigrations
MATCH (m:Migration)
RETURN m.id AS id, m.checksum AS checksum
ORDER BY m.id;

// @query recordMigration
// :param id => '001-constraints.cypher'
// :param checksum => 'abc'
MERGE (m:Migration {id: $id})
SET m.checksum = $checksum, m.appliedAt = datetime();
