// Bookkeeping of the seed load (src/seed/seed.ts): the checksum of the data files last loaded.
// The facts themselves are written by the same Cypher as the API's writes (cypher/queries/facts.cypher).

// @query seedState
MATCH (s:SeedState {id: 'seed'})
RETURN s.checksum AS checksum;

// @query recordSeedState
// :param checksum => 'abc'
MERGE (s:SeedState {id: 'seed'})
SET s.checksum = $checksum, s.loadedAt = datetime();
