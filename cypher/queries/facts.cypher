// Writing facts: used by the seed loader and by the API's mutations alike (src/store/facts.store.ts,
// driven by src/facts/factWriter.ts). Nothing is overwritten silently: the writer compares what
// exists (checkFacts) with what it is asked to write, refuses or records a Revision, and writes
// only what changed. Labels and relationship types arrive as parameters but come from the fixed
// vocabulary (src/model/registry.ts), checked before they get here.

// @query lockNames
// Takes the write lock of every name form a write gives an entity, creating the :Name node when
// new. Held until the transaction ends, it makes concurrent writers of the same name wait, so the
// duplicate check that follows (checkFacts.sameNames) sees what the other one committed.
// :param keys => ['月之暗面']
UNWIND $keys AS key
MERGE (k:Name {key: key})
SET k.key = key;

// @query checkFacts
// What the writer must know before it writes, in one round trip: references that do not resolve,
// quotes that are not verbatim spans of their source's text, the labels of referenced entities
// (for the registry's role and endpoint rules), ids used by a node of another label, the stored
// state of every fact the write names (to tell a repeat from a change), and entities of the same
// label that already bear a name the write gives an entity (names it already bears are its own).
// :param entityIds => ['person/yang-zhilin']
// :param newEntityIds => []
// :param citations => [{sourceId: 'source/techxingqiu-2024-12-llm-shakeout', quote: '月之暗面'}]
// :param newSources => []
// :param sourceIds => []
// :param nodes => [{id: 'org/moonshot-ai', label: 'Organization'}]
// :param relationshipIds => []
// :param names => [{id: 'org/moonshot-2', label: 'Organization', keys: ['月之暗面']}]
RETURN
  [id IN $entityIds WHERE NOT id IN $newEntityIds AND NOT EXISTS { MATCH (:Entity {id: id}) }] AS missingEntities,
  [c IN $citations WHERE NOT c.sourceId IN [s IN $newSources | s.id] AND NOT EXISTS { MATCH (:Source {id: c.sourceId}) } | c.sourceId] AS missingSources,
  [c IN $citations WHERE
     NOT coalesce([s IN $newSources WHERE s.id = c.sourceId | s.text][0], COLLECT { MATCH (s:Source {id: c.sourceId}) RETURN s.text }[0], '') CONTAINS c.quote
   | c.quote] AS unquotable,
  COLLECT { UNWIND $entityIds AS id MATCH (n:Entity {id: id}) RETURN {id: id, label: n.label} } AS entityLabels,
  [k IN $nodes WHERE EXISTS { MATCH (n {id: k.id}) WHERE (n:Entity OR n:Event OR n:RetractedFact) AND n.label <> k.label } | k.id] AS labelConflicts,
  COLLECT { UNWIND $sourceIds AS id MATCH (s:Source {id: id})
            RETURN {id: id, props: s {.title, .publisher, .date, .language, .file, .text},
                    cited: EXISTS { (s)<-[:CITES|MENTIONED_IN]-() }} } AS sources,
  COLLECT { UNWIND $nodes AS k MATCH (n:Entity {id: k.id})
            RETURN {id: k.id, props: n {.label, .name, .aliases, .description, .categories, .anonymous}} } AS entities,
  COLLECT { UNWIND $nodes AS k MATCH (e:Event {id: k.id})
            RETURN {id: k.id, props: properties(e),
                    participants: [(e)-[i:INVOLVES]->(x) | {role: i.role, id: x.id}],
                    quotes: [(e)-[c:CITES]->(:Source) | c.quote]} } AS events,
  COLLECT { UNWIND $relationshipIds AS id MATCH ()-[r {id: id}]->() WHERE r.sourceId IS NOT NULL
            RETURN {id: id, props: r {.role, .roleEn, .since, .until, .current, .inferred, .inferredBasis, .quote, .sourceId}} } AS relationships,
  COLLECT { UNWIND $nodes AS k MATCH (n {id: k.id}) WHERE n:RetractedFact RETURN k.id } AS retracted,
  [e IN $names | {id: e.id, existing: COLLECT {
     UNWIND e.keys AS key MATCH (k:Name {key: key})<-[:NAMED]-(n:Entity)
     WHERE n.label = e.label AND n.id <> e.id AND NOT EXISTS { (k)<-[:NAMED]-(:Entity {id: e.id}) }
     RETURN DISTINCT n.id }}]
    AS sameNames;

// @query writeSources
// :param rows => [{id: 'source/x', props: {title: 'T', publisher: 'P', text: 'T says X.'}}]
// :param principal => 'seed'
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
ON CREATE SET s.createdBy = $principal, s.createdAt = datetime()
ON MATCH SET s.updatedBy = $principal, s.updatedAt = datetime()
SET s += row.props;

// @query writeEntities
// Creates or updates entities with their name forms (:Name, locked by lockNames) and a mention.
// :param rows => [{id: 'person/x', label: 'Person', props: {name: 'X', keys: ['x']}, sourceId: 'source/x', quote: 'X'}]
// :param principal => 'seed'
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
ON CREATE SET n.createdBy = $principal, n.createdAt = datetime()
ON MATCH SET n.updatedBy = $principal, n.updatedAt = datetime()
SET n:$(row.label)
SET n += row.props, n.label = row.label
WITH n, row
CALL (n, row) {
  MATCH (n)-[old:NAMED]->(k:Name) WHERE NOT k.key IN row.props.keys
  DELETE old
}
CALL (n, row) {
  UNWIND row.props.keys AS key
  MATCH (k:Name {key: key})
  MERGE (n)-[:NAMED]->(k)
}
MATCH (s:Source {id: row.sourceId})
MERGE (n)-[m:MENTIONED_IN {quote: row.quote}]->(s);

// @query writeRelationships
// :param rows => [{id: 'rel/x', type: 'FOUNDED', from: 'person/x', to: 'org/y', props: {}, sourceId: 'source/x', quote: 'Q'}]
// :param principal => 'seed'
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
ON CREATE SET r.createdBy = $principal, r.createdAt = datetime()
ON MATCH SET r.updatedBy = $principal, r.updatedAt = datetime()
SET r += row.props, r.sourceId = row.sourceId, r.quote = row.quote;

// @query writeEvents
// Creates or updates events; participants and quotes become exactly the given ones.
// :param rows => [{id: 'event/x/y', label: 'Acquisition', props: {kind: 'ACQUISITION', summary: 'S', sortKey: '~ event/x/y'}, participants: [], quotes: ['Q'], sourceId: 'source/x'}]
// :param principal => 'seed'
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
ON CREATE SET e.createdBy = $principal, e.createdAt = datetime()
ON MATCH SET e.updatedBy = $principal, e.updatedAt = datetime()
SET e:$(row.label)
SET e += row.props, e.label = row.label
WITH e, row
CALL (e, row) {
  MATCH (e)-[old:INVOLVES]->() WHERE NOT old.id IN [p IN row.participants | p.props.id]
  DELETE old
}
CALL (e, row) {
  UNWIND row.participants AS p
  MATCH (x:Entity {id: p.entity})
  MERGE (e)-[i:INVOLVES {id: p.props.id}]->(x)
  SET i += p.props
}
CALL (e, row) {
  MATCH (e)-[old:CITES]->() WHERE NOT old.quote IN row.quotes
  DELETE old
}
CALL (e, row) {
  MATCH (s:Source {id: row.sourceId})
  UNWIND range(0, size(row.quotes) - 1) AS n
  MERGE (e)-[c:CITES {quote: row.quotes[n]}]->(s)
  SET c.position = n
}
RETURN count(e) AS events;

// @query refreshEntityStats
// What an entity's reads are ordered by, kept by the writer for every entity a write touches and
// recomputed once over a bulk-loaded graph (src/db/derived.ts):
//   degree       its events (one per role: INVOLVES edges) and stable relationships, from the
//                degree store (no edge is expanded, hubs included), as centrality ranks it;
//   nameSort     "<name key> <id>": entities in name order, one key per entity for cursors;
//   degreeSort   "<degree, 10 digits> <id>", read highest first;
//   latestEvent  the date of its latest dated event, read from the INVOLVES (entityId, sortKey)
//                index backwards (one entry); latestSort "<that date> <id>", newest first, and
//                " <id>" (below every date) for an entity without dated events.
// :param ids => ['org/moonshot-ai']
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WITH n,
  COUNT { (n)<-[:INVOLVES]-() } + COUNT { (n)-[:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]-() } AS degree,
  COLLECT {
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = n.id AND i.sortKey < '~'
    RETURN i.sortKey ORDER BY i.entityId DESC, i.sortKey DESC LIMIT 1
  }[0] AS latestKey
WITH n, degree, CASE WHEN latestKey IS NULL THEN null ELSE split(latestKey, ' ')[0] END AS latest
SET n.degree = degree,
    n.nameSort = n.key + ' ' + n.id,
    n.degreeSort = right('000000000' + toString(degree), 10) + ' ' + n.id,
    n.latestEvent = latest,
    n.latestSort = coalesce(latest, '') + ' ' + n.id;

// @query allEntityIds
// Every entity's id, for recomputing their stats over the whole graph (src/db/derived.ts).
MATCH (n:Entity)
RETURN n.id AS id;

// @query recordRevisions
// One Revision per created, changed or retracted fact: who, when, which fields, the values
// before and after (JSON), and why. Never updated or deleted.
// :param rows => [{targetId: 'org/x', action: 'UPDATE', fields: ['description'], before: '{}', after: '{}'}]
// :param principal => 'seed'
// :param role => 'admin'
// :param reason => null
UNWIND $rows AS row
CREATE (r:Revision {
  id: randomUUID(), targetId: row.targetId, action: row.action, fields: row.fields,
  before: row.before, after: row.after, principal: $principal, role: $role, reason: $reason,
  at: datetime()
});

// @query retractFacts
// Hides facts from every read while keeping them whole: the :Entity or :Event label gives way to
// :RetractedFact (every read starts from those labels or their indexes), and their INVOLVES edges
// become RETRACTED_INVOLVES with the same properties (out of the relationship indexes, the walks
// and the degrees). Returns the retracted ids, the entities whose degree changed, and what the
// event tallies must recount (cypher/queries/stats.cypher): the kind and date of each retracted
// event, and the destinations of the moves that lost an edge in role $destinationRole.
// :param ids => ['event/statement/x']
// :param principal => 'admin'
// :param reason => 'duplicate'
// :param destinationRole => 'to'
UNWIND $ids AS id
MATCH (n {id: id}) WHERE n:Entity OR n:Event
WITH n, CASE WHEN n:Event THEN 'Event' ELSE 'Entity' END AS base
REMOVE n:Entity:Event
SET n:RetractedFact, n.retractedFrom = base, n.retractedBy = $principal, n.retractedAt = datetime(), n.retractedReason = $reason
WITH n, base
CALL (n) {
  MATCH (n)-[i:INVOLVES]-()
  WITH i, startNode(i) AS event, endNode(i) AS entity
  CREATE (event)-[kept:RETRACTED_INVOLVES]->(entity)
  SET kept = properties(i)
  DELETE i
  RETURN collect(entity.id) AS touched, collect(CASE WHEN kept.role = $destinationRole THEN entity.id END) AS destinations
}
WITH collect(n.id) AS retracted, collect(touched) AS touched, collect(destinations) AS destinations,
     collect(CASE WHEN base = 'Event' THEN {kind: n.kind, date: n.date} END) AS events
RETURN retracted, [id IN reduce(acc = [], t IN touched | acc + t) WHERE id IS NOT NULL] AS touched,
       events, reduce(acc = [], d IN destinations | acc + d) AS destinations;

// @query history
// A fact's revisions, newest first.
// :param id => 'org/moonshot-ai'
// :param limit => 50
// ORDER BY names both properties of revision_target, so the index is read in order.
MATCH (r:Revision) WHERE r.targetId = $id AND r.at IS NOT NULL
WITH r ORDER BY r.targetId DESC, r.at DESC LIMIT $limit
RETURN r {.id, .action, .fields, .before, .after, .principal, .role, .reason, at: toString(r.at)} AS revision;
