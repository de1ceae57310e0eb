// Indexes that keep every root query bounded on a graph of millions of nodes (docs/performance.md).

// One entity's events in (date, id) order, read from the index: INVOLVES carries the event's
// sortKey and kind and its entity's id (written by src/facts/facts.ts).
CREATE INDEX involves_entity_sort IF NOT EXISTS FOR ()-[i:INVOLVES]-() ON (i.entityId, i.sortKey);
CREATE INDEX involves_entity_kind_sort IF NOT EXISTS FOR ()-[i:INVOLVES]-() ON (i.entityId, i.kind, i.sortKey);
CREATE INDEX involves_entity_role_sort IF NOT EXISTS FOR ()-[i:INVOLVES]-() ON (i.entityId, i.role, i.sortKey);

// Event pages by kind and by date range, in (date, id) order.
CREATE INDEX event_sort IF NOT EXISTS FOR (e:Event) ON (e.sortKey);
CREATE INDEX event_kind_sort IF NOT EXISTS FOR (e:Event) ON (e.kind, e.sortKey);

// Every normalised name form is a :Name node shared by the entities that bear it: prefix search
// (one character and up) seeks its range index in key order, and MERGE on it serialises writers
// of the same name, which makes the duplicate-name check atomic.
CREATE CONSTRAINT name_key IF NOT EXISTS FOR (k:Name) REQUIRE k.key IS UNIQUE;

// Revisions: the history of a fact, newest first; retracted facts keep their id.
CREATE CONSTRAINT revision_id IF NOT EXISTS FOR (n:Revision) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT retracted_fact_id IF NOT EXISTS FOR (n:RetractedFact) REQUIRE n.id IS UNIQUE;
CREATE INDEX revision_target IF NOT EXISTS FOR (r:Revision) ON (r.targetId, r.at);
