// @query health
CALL dbms.components() YIELD versions
RETURN versions[0] AS neo4jVersion,
       COUNT { (:Entity) } AS entities,
       COUNT { (:Event) } AS events;
