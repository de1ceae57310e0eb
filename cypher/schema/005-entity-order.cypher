// The orders of `entities` (cypher/queries/entities.cypher), each one string per entity kept by the
// writer (facts.cypher refreshEntityStats) so that a range index serves both the order and the cursor.
CREATE INDEX entity_name_sort IF NOT EXISTS FOR (n:Entity) ON (n.nameSort);
CREATE INDEX entity_degree_sort IF NOT EXISTS FOR (n:Entity) ON (n.degreeSort);
CREATE INDEX entity_latest_sort IF NOT EXISTS FOR (n:Entity) ON (n.latestSort);
