// Event tallies (cypher/queries/stats.cypher): one :Tally per (kind, period) of events and per
// talent-move destination, kept by the writer, so that eventStats reads counts instead of events.
// The writer locks a tally by MERGE on its id (the constraint makes that atomic), then recounts it.
CREATE CONSTRAINT tally_id IF NOT EXISTS FOR (t:Tally) REQUIRE t.id IS UNIQUE;
// Counts by kind and by period: the tallies of the asked kinds in a range of periods.
CREATE INDEX tally_kind_period IF NOT EXISTS FOR (t:Tally) ON (t.measure, t.kind, t.period);
// The top destinations, highest count first (rank: the count's complement, then the id).
CREATE INDEX tally_rank IF NOT EXISTS FOR (t:Tally) ON (t.measure, t.rank);
