// Centrality in index order: every entity's degree (its INVOLVES and stable relationships, kept by
// the writer: cypher/queries/facts.cypher refreshDegrees), read highest first.
CREATE INDEX entity_degree IF NOT EXISTS FOR (n:Entity) ON (n.degree);
