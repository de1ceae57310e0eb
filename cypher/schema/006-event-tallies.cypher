// Event tallies (cypher/queries/stats.cypher): one :Tally per (kind, period) of events and per
// talent-move destination, kept by the writer, so that eventStats reads counts instead of events.
// The writer locks a tally by MERGE on its id (the constraint makes that atomic), then recounts it.
CREATE CONSTRAINT tally_id IF NOT EXISTS FOR (t:Tally) REQUIRE t.id IS UNIQUE;
// Counts by kind and by period: the tallies of the asked kinds in a range of periods.
CREATE INDEX tally_kind_period IF NOT EXISTS FOR (t:Tally) ON (t.measure, t.kind, t.period);
// The top destinations, highest count first (rank: the count's complement, then the id).
CREATE INDEX tally_rank IF NOT EXISTS FOR (t:Tally) ON (t.measure, t.rank);
// The derived data's versions (src/db/derived.ts) had no constraint on their one node's id; every
// label of the graph has one (test/integration/migrations.test.ts).
CREATE CONSTRAINT derived_state_id IF NOT EXISTS FOR (n:DerivedState) REQUIRE n.id IS UNIQUE;
