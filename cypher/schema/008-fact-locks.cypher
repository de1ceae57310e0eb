// One :FactLock node per fact id a write creates or changes (cypher/queries/facts.cypher lockFacts):
// the writer takes its write lock before checking what exists, so two concurrent creators of one
// id are serialised and the second sees the first's commit. Unique, so a MERGE of it is one seek.
// The fact's id is kept as `fact`, not `id`, so look-ups of facts by id never find a lock.
CREATE CONSTRAINT fact_lock_fact IF NOT EXISTS FOR (l:FactLock) REQUIRE l.fact IS UNIQUE;
