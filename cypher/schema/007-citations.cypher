// Many sources per fact (docs/model.md, "Citations"): every citation edge carries its fact's id
// and its source's id. (factId, sourceId) finds a fact's citations, those of one source first,
// without expanding a hub entity's or a source's edges; (sourceId, factId) lists what a source
// states in fact-id order (source(id:).facts). A stable relationship's citations are edges from
// its start entity (RELATIONSHIP_CITED_IN), since a relationship cannot have edges of its own.
CREATE INDEX cites_fact IF NOT EXISTS FOR ()-[c:CITES]-() ON (c.factId, c.sourceId);
CREATE INDEX cites_source IF NOT EXISTS FOR ()-[c:CITES]-() ON (c.sourceId, c.factId);
CREATE INDEX mentioned_in_fact IF NOT EXISTS FOR ()-[c:MENTIONED_IN]-() ON (c.factId, c.sourceId);
CREATE INDEX mentioned_in_source IF NOT EXISTS FOR ()-[c:MENTIONED_IN]-() ON (c.sourceId, c.factId);
CREATE INDEX relationship_cited_in_fact IF NOT EXISTS FOR ()-[c:RELATIONSHIP_CITED_IN]-() ON (c.factId, c.sourceId);
CREATE INDEX relationship_cited_in_source IF NOT EXISTS FOR ()-[c:RELATIONSHIP_CITED_IN]-() ON (c.sourceId, c.factId);
// Facts the writer has not derived (written by other tools, or by an older derivation): the
// reindex finds them by derivedVersion (src/db/reindex.ts). The count of facts with the current
// version is an index seek, compared at start-up with the count store's totals.
CREATE INDEX entity_derived IF NOT EXISTS FOR (n:Entity) ON (n.derivedVersion);
CREATE INDEX event_derived IF NOT EXISTS FOR (n:Event) ON (n.derivedVersion);
CREATE INDEX founded_derived IF NOT EXISTS FOR ()-[r:FOUNDED]-() ON (r.derivedVersion);
CREATE INDEX works_at_derived IF NOT EXISTS FOR ()-[r:WORKS_AT]-() ON (r.derivedVersion);
CREATE INDEX partner_at_derived IF NOT EXISTS FOR ()-[r:PARTNER_AT]-() ON (r.derivedVersion);
CREATE INDEX subsidiary_of_derived IF NOT EXISTS FOR ()-[r:SUBSIDIARY_OF]-() ON (r.derivedVersion);
CREATE INDEX invested_in_derived IF NOT EXISTS FOR ()-[r:INVESTED_IN]-() ON (r.derivedVersion);
CREATE INDEX makes_derived IF NOT EXISTS FOR ()-[r:MAKES]-() ON (r.derivedVersion);
CREATE INDEX member_of_derived IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.derivedVersion);
// The bulk import's progress through a file larger than one transaction (src/import/importFile.ts).
CREATE CONSTRAINT import_state_id IF NOT EXISTS FOR (n:ImportState) REQUIRE n.id IS UNIQUE;
