// Writing facts: used by the seed loader and by the API's mutations alike (src/facts/factWriter.ts).
// Everything MERGEs on `id`, so writing the same facts twice changes nothing; facts are only ever
// added or updated, never removed. Labels and relationship types arrive as parameters but come
// from the fixed vocabulary in src/model/vocabulary.ts, checked before they get here.

// @query checkFacts
// What would make a write invalid, all found in one round trip: entities and sources that do
// not exist (and are not part of the same write), quotes that are not verbatim spans of their
// source's text, ids already used by a node of another kind, and new entities whose name (in any
// form) is already the name of another entity of the same label — likely the same entity twice.
// :param entityIds => ['person/yang-zhilin']
// :param newEntityIds => []
// :param citations => [{sourceId: 'source/techxingqiu-2024-12-llm-shakeout', quote: '月之暗面'}]
// :param newSources => []
// :param kinds => [{id: 'org/moonshot-ai', label: 'Organization'}]
// :param entities => [{id: 'org/moonshot-2', label: 'Organization', keys: ['月之暗面'], allowSameName: false}]
RETURN
  [id IN $entityIds WHERE NOT id IN $newEntityIds AND NOT EXISTS { MATCH (:Entity {id: id}) }] AS missingEntities,
  [c IN $citations WHERE NOT c.sourceId IN [s IN $newSources | s.id] AND NOT EXISTS { MATCH (:Source {id: c.sourceId}) } | c.sourceId] AS missingSources,
  [c IN $citations WHERE
     NOT coalesce([s IN $newSources WHERE s.id = c.sourceId | s.text][0], COLLECT { MATCH (s:Source {id: c.sourceId}) RETURN s.text }[0], '') CONTAINS c.quote
   | c.quote] AS unquotable,
  [k IN $kinds WHERE EXISTS { MATCH (n {id: k.id}) WHERE (n:Entity OR n:Event) AND n.label <> k.label } | k.id] AS conflicts,
  [e IN $entities WHERE NOT e.allowSameName | {id: e.id, existing: COLLECT {
     MATCH (n:Entity) WHERE n.label = e.label AND n.id <> e.id AND any(k IN e.keys WHERE k IN n.keys) RETURN n.id }}]
    AS sameNames;

// @query upsertSources
// :param rows => [{id: 'source/x', props: {title: 'T', publisher: 'P', text: 'T says X.'}}]
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
