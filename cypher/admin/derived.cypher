// Bookkeeping of derived data (src/db/derived.ts): values the writer keeps up to date on every
// write (entity degrees and sort keys, event tallies), recomputed over the whole graph once when
// their formula's version changes or a bulk load skipped the writer.

// @query derivedState
MATCH (d:DerivedState {id: 'derived'})
RETURN d.versions AS versions;

// @query recordDerivedState
// :param versions => '{"entityStats":1}'
MERGE (d:DerivedState {id: 'derived'})
SET d.versions = $versions, d.computedAt = datetime();
