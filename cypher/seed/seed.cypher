// Idempotent loading of the seed data (cypher/seed/data/*.json, shaped by src/seed/seedData.ts).
// Everything MERGEs on `id`, so loading twice changes nothing. Labels and relationship types come
// from the fixed vocabulary in src/model/vocabulary.ts, checked before they get here.

// @query upsertSources
// :param rows => [{id: 'source/x', props: {title: 'T', publisher: 'P'}}]
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s += row.props;

// @query upsertEntities
// :param rows => [{id: 'person/x', label: 'Person', props: {name: 'X'}, sourceId: 'source/x', quote: 'X'}]
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:$(row.label)
SET n += row.props, n.label = row.label
WITH n, row
MATCH (s:Source {id: row.sourceId})
MERGE (n)-[m:MENTIONED_IN {quote: row.quote}]->(s);

// @query upsertRelationships
// :param rows => [{id: 'rel/x', type: 'FOUNDED', from: 'person/x', to: 'org/y', props: {}, sourceId: 'source/x', quote: 'Q'}]
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r += row.props, r.sourceId = row.sourceId, r.quote = row.quote;

// @query upsertEvents
// :param rows => [{id: 'event/x', label: 'Acquisition', props: {kind: 'ACQUISITION', summary: 'S'}, participants: [], quotes: ['Q'], sourceId: 'source/x'}]
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
SET e:$(row.label)
SET e += row.props, e.label = row.label
WITH e, row
CALL (e, row) {
  UNWIND range(0, size(row.participants) - 1) AS n
  WITH e, row.participants[n] AS p, n
  MATCH (x:Entity {id: p.id})
  MERGE (e)-[i:INVOLVES {role: p.role}]->(x)
  SET i.id = e.id + '#' + p.role + '#' + x.id, i.position = n
}
CALL (e, row) {
  MATCH (s:Source {id: row.sourceId})
  UNWIND range(0, size(row.quotes) - 1) AS n
  MERGE (e)-[c:CITES {quote: row.quotes[n]}]->(s)
  SET c.position = n
}
RETURN count(e) AS events;

// @query seedState
MATCH (s:SeedState {id: 'seed'})
RETURN s.checksum AS checksum;

// @query recordSeedState
// :param checksum => 'abc'
MERGE (s:SeedState {id: 'seed'})
SET s.checksum = $checksum, s.loadedAt = datetime();
