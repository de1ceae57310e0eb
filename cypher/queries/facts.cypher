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

// @query lockFacts
// Takes the write lock of every fact id a write creates or changes (sources, entities, events,
// relationships, corroborated facts), creating its :FactLock node when new (migration 008). Held
// until the transaction ends, it makes concurrent writers of one id wait, so the check that
// follows sees what the other committed: one creator wins, the others find the fact (CONFLICT or
// UNCHANGED), and an update's `before` is the value it replaces. Ids come sorted (no deadlock
// between two writers of the same ids). For the ids in $revisionOf (an update's expected
// revision), returns the id of the fact's latest revision (from the revision_target index).
// :param ids => ['event/statement/x']
// :param revisionOf => ['event/statement/x']
UNWIND $ids AS id
MERGE (l:FactLock {fact: id})
SET l.fact = id
WITH id WHERE id IN $revisionOf
RETURN id, COLLECT {
  MATCH (r:Revision) USING INDEX SEEK r:Revision(targetId, at) WHERE r.targetId = id AND r.at IS NOT NULL
  RETURN r.id ORDER BY r.targetId DESC, r.at DESC LIMIT 1
}[0] AS revision;

// @query checkFacts
// What the writer must know before it writes, in one round trip: references that do not resolve,
// where each quote is in its source's text (null: not a verbatim span), the labels of referenced
// entities (for the registry's role and endpoint rules), ids used by a node of another label, the
// stored state of every fact the write names (to tell a repeat from a change), the citations each
// fact already has from the sources the write cites (from the citation indexes: a hub cited a
// million times costs what its own citations from those sources cost: one seek per fact and
// source, with the index named: planned on the statistics of a graph with few citations (the first
// transactions of an import), the planner scanned a citation index whole for every fact, 40M rows
// for 5,000 facts; every citation look-up in cypher/ forces a seek of its index for that reason), and entities of the same
// label that already bear a name the write gives an entity (names it already bears are its own).
// The offset of a quote is the length of the text before its first occurrence.
// The inputs come in one map ($check): Neo4j keys a cached plan on the size bucket of every top-level
// list, so chunks of an import with differently sized lists (no relationships, 5,000 events) each
// paid a new plan of this statement, the costliest to plan in cypher/ (seconds).
// :param check => {entityIds: ['person/yang-zhilin'], newEntityIds: [], citations: [{key: 0, sourceId: 'source/techxingqiu-2024-12-llm-shakeout', quote: '月之暗面'}], newSources: [], sourceIds: [], nodes: [{id: 'org/moonshot-ai', label: 'Organization'}], relationships: [{id: 'rel/founded/person/yang-zhilin/org/moonshot-ai', from: 'person/yang-zhilin', to: 'org/moonshot-ai'}], facts: [{key: 0, kind: 'ENTITY', id: 'org/moonshot-ai', from: null, to: null, sourceIds: ['source/techxingqiu-2024-12-llm-shakeout']}], names: [{id: 'org/moonshot-2', label: 'Organization', keys: ['月之暗面']}]}
RETURN
  COLLECT { UNWIND $check.entityIds AS id WITH id WHERE NOT id IN $check.newEntityIds
            OPTIONAL MATCH (n:Entity {id: id}) WITH id, n WHERE n IS NULL RETURN id } AS missingEntities,
  COLLECT { UNWIND $check.citations AS c WITH c WHERE NOT c.sourceId IN [s IN $check.newSources | s.id]
            OPTIONAL MATCH (s:Source {id: c.sourceId}) WITH c, s WHERE s IS NULL RETURN c.sourceId } AS missingSources,
  COLLECT {
    UNWIND $check.citations AS c
    OPTIONAL MATCH (s:Source {id: c.sourceId})
    WITH c, coalesce([n IN $check.newSources WHERE n.id = c.sourceId | n.text][0], s.text, '') AS text
    RETURN {key: c.key, offset: CASE WHEN text CONTAINS c.quote THEN size(split(text, c.quote)[0]) END}
  } AS quoted,
  COLLECT { UNWIND $check.entityIds AS id MATCH (n:Entity {id: id}) RETURN {id: id, label: n.label} } AS entityLabels,
  COLLECT { UNWIND $check.nodes AS k MATCH (n {id: k.id}) WHERE (n:Entity OR n:Event OR n:RetractedFact) AND n.label <> k.label
            RETURN DISTINCT k.id } AS labelConflicts,
  COLLECT { UNWIND $check.sourceIds AS id MATCH (s:Source {id: id})
            RETURN {id: id, props: s {.title, .publisher, .date, .language, .file, .text},
                    cited: EXISTS { (s)<-[:CITES|MENTIONED_IN|RELATIONSHIP_CITED_IN]-() }} } AS sources,
  COLLECT { UNWIND $check.nodes AS k MATCH (n:Entity {id: k.id})
            RETURN {id: k.id, props: n {.label, .name, .aliases, .description, .categories, .anonymous}} } AS entities,
  COLLECT { UNWIND $check.nodes AS k MATCH (e:Event {id: k.id})
            RETURN {id: k.id, props: properties(e),
                    participants: [(e)-[i:INVOLVES]->(x) | {role: i.role, id: x.id}]} } AS events,
  COLLECT { UNWIND $check.relationships AS k
            MATCH (a:Entity {id: k.from})-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]->(b:Entity {id: k.to}) USING INDEX SEEK a:Entity(id) USING INDEX SEEK b:Entity(id) WHERE r.id = k.id
            RETURN {id: k.id, props: r {.role, .roleEn, .since, .until, .current, .inferred, .inferredBasis}} } AS relationships,
  COLLECT { UNWIND $check.nodes AS k MATCH (n:RetractedFact {id: k.id}) RETURN k.id } AS retracted,
  COLLECT {
    UNWIND $check.facts AS f
    CALL (f) {
      WITH f WHERE f.kind = 'ENTITY'
      OPTIONAL MATCH (n:Entity {id: f.id})
      RETURN n IS NOT NULL AS exists, n.citationCount AS citationCount,
             COLLECT { UNWIND f.sourceIds AS sourceId MATCH ()-[c:MENTIONED_IN]->() USING INDEX SEEK c:MENTIONED_IN(factId, sourceId) WHERE c.factId = f.id AND c.sourceId = sourceId
                       RETURN {sourceId: c.sourceId, quote: c.quote} } AS citations
      UNION
      WITH f WHERE f.kind = 'EVENT'
      OPTIONAL MATCH (e:Event {id: f.id})
      RETURN e IS NOT NULL AS exists, e.citationCount AS citationCount,
             COLLECT { UNWIND f.sourceIds AS sourceId MATCH ()-[c:CITES]->() USING INDEX SEEK c:CITES(factId, sourceId) WHERE c.factId = f.id AND c.sourceId = sourceId
                       RETURN {sourceId: c.sourceId, quote: c.quote} } AS citations
      UNION
      WITH f WHERE f.kind = 'RELATIONSHIP'
      OPTIONAL MATCH (a:Entity {id: f.from})-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]->(b:Entity {id: f.to}) USING INDEX SEEK a:Entity(id) USING INDEX SEEK b:Entity(id) WHERE r.id = f.id
      RETURN r IS NOT NULL AS exists, r.citationCount AS citationCount,
             COLLECT { UNWIND f.sourceIds AS sourceId MATCH ()-[c:RELATIONSHIP_CITED_IN]->() USING INDEX SEEK c:RELATIONSHIP_CITED_IN(factId, sourceId) WHERE c.factId = f.id AND c.sourceId = sourceId
                       RETURN {sourceId: c.sourceId, quote: c.quote} } AS citations
    }
    RETURN {key: f.key, exists: exists, citationCount: coalesce(citationCount, 0), citations: citations}
  } AS facts,
  COLLECT {
    UNWIND $check.names AS e
    RETURN {id: e.id, existing: COLLECT {
      UNWIND e.keys AS key MATCH (k:Name {key: key})<-[:NAMED]-(n:Entity)
      WHERE n.label = e.label AND n.id <> e.id AND NOT EXISTS { (k)<-[:NAMED]-(:Entity {id: e.id}) }
      RETURN DISTINCT n.id }}
  } AS sameNames;

// @query similarEvents
// Events that may report the same thing as a new one (docs/model.md, "One event, many sources"):
// the same kind, involving the new event's least connected participant (its degree) in a
// compatible date range: the sortKey ranges of its date's year, month and day prefixes plus the
// year-only and undated keys. At most $limit candidates each; the writer compares participants.
// :param reports => [{key: 0, kind: 'ACQUISITION', entityIds: ['org/oppo', 'org/wave-intelligence'], ranges: [{lower: '2024-10', upper: '2024-10\uffff'}, {lower: '2024 ', upper: '2024 \uffff'}, {lower: '~ ', upper: '~ \uffff'}]}]
// :param limit => 50
UNWIND $reports AS report
CALL (report) {
  UNWIND report.entityIds AS id
  MATCH (n:Entity {id: id})
  RETURN n.id AS anchor ORDER BY n.degree, n.id LIMIT 1
}
CALL (report, anchor) {
  UNWIND report.ranges AS range
  CALL (report, anchor, range) {
    MATCH ()-[i:INVOLVES]->() USING INDEX SEEK i:INVOLVES(entityId, kind, sortKey) WHERE i.entityId = anchor AND i.kind = report.kind AND i.sortKey >= range.lower AND i.sortKey < range.upper
    RETURN i ORDER BY i.entityId, i.kind, i.sortKey LIMIT $limit
  }
  WITH DISTINCT startNode(i) AS e
  WHERE e:Event
  RETURN e LIMIT $limit
}
RETURN report.key AS key, collect(e {.*,
  participants: [(e)-[i:INVOLVES]->(x) | {role: i.role, id: x.id}]}) AS candidates;

// @query writeSources
// :param rows => [{id: 'source/x', props: {title: 'T', publisher: 'P', text: 'T says X.'}}]
// :param principal => 'seed'
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
ON CREATE SET s.createdBy = $principal, s.createdAt = datetime()
ON MATCH SET s.updatedBy = $principal, s.updatedAt = datetime()
SET s += row.props;

// @query writeEntities
// Creates or updates entities with their name forms (:Name, locked by lockNames); their
// citations are written by addCitations.
// :param rows => [{id: 'person/x', label: 'Person', props: {name: 'X', keys: ['x']}}]
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
};

// @query writeRelationships
// Creates or updates stable relationships; their citations are written by addCitations. One MERGE
// per stable type, written out: a MERGE on a dynamic type ($(row.type)) was planned as a scan of
// every relationship, and a MATCH-then-CREATE would let two concurrent writers of one id both
// create it (MERGE locks both ends, so the second one finds the first's).
// :param rows => [{id: 'rel/x', type: 'FOUNDED', from: 'person/x', to: 'org/y', props: {}}]
// :param principal => 'seed'
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CALL (row, a, b) {
  WITH row, a, b WHERE row.type = 'FOUNDED'
  MERGE (a)-[r:FOUNDED {id: row.id}]->(b)
  ON CREATE SET r.createdBy = $principal, r.createdAt = datetime()
  ON MATCH SET r.updatedBy = $principal, r.updatedAt = datetime()
  RETURN r
  UNION
  WITH row, a, b WHERE row.type = 'WORKS_AT'
  MERGE (a)-[r:WORKS_AT {id: row.id}]->(b)
  ON CREATE SET r.createdBy = $principal, r.createdAt = datetime()
  ON MATCH SET r.updatedBy = $principal, r.updatedAt = datetime()
  RETURN r
  UNION
  WITH row, a, b WHERE row.type = 'PARTNER_AT'
  MERGE (a)-[r:PARTNER_AT {id: row.id}]->(b)
  ON CREATE SET r.createdBy = $principal, r.createdAt = datetime()
  ON MATCH SET r.updatedBy = $principal, r.updatedAt = datetime()
  RETURN r
  UNION
  WITH row, a, b WHERE row.type = 'SUBSIDIARY_OF'
  MERGE (a)-[r:SUBSIDIARY_OF {id: row.id}]->(b)
  ON CREATE SET r.createdBy = $principal, r.createdAt = datetime()
  ON MATCH SET r.updatedBy = $principal, r.updatedAt = datetime()
  RETURN r
  UNION
  WITH row, a, b WHERE row.type = 'INVESTED_IN'
  MERGE (a)-[r:INVESTED_IN {id: row.id}]->(b)
  ON CREATE SET r.createdBy = $principal, r.createdAt = datetime()
  ON MATCH SET r.updatedBy = $principal, r.updatedAt = datetime()
  RETURN r
  UNION
  WITH row, a, b WHERE row.type = 'MAKES'
  MERGE (a)-[r:MAKES {id: row.id}]->(b)
  ON CREATE SET r.createdBy = $principal, r.createdAt = datetime()
  ON MATCH SET r.updatedBy = $principal, r.updatedAt = datetime()
  RETURN r
  UNION
  WITH row, a, b WHERE row.type = 'MEMBER_OF'
  MERGE (a)-[r:MEMBER_OF {id: row.id}]->(b)
  ON CREATE SET r.createdBy = $principal, r.createdAt = datetime()
  ON MATCH SET r.updatedBy = $principal, r.updatedAt = datetime()
  RETURN r
}
SET r += row.props;

// @query writeEvents
// Creates or updates events; participants become exactly the given ones. Their citations are
// written by addCitations.
// :param rows => [{id: 'event/x/y', label: 'Acquisition', props: {kind: 'ACQUISITION', summary: 'S', sortKey: '~ event/x/y'}, participants: []}]
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
RETURN count(e) AS events;

// @query addCitations
// Adds citations: an event's are CITES edges to the source, an entity's MENTIONED_IN edges, a
// stable relationship's RELATIONSHIP_CITED_IN edges from its start entity (a relationship cannot
// have edges of its own). Each carries the fact's id and the source's id (for the citation
// indexes, migration 007), the quote, its offset in the source's text, its position among the
// fact's citations, and who added it when. MERGE on (fact, source, quote): the same quote twice is one citation.
// :param rows => [{kind: 'EVENT', factId: 'event/x/y', from: null, sourceId: 'source/x', quote: 'Q', offset: 0, position: 0}]
// :param principal => 'seed'
UNWIND $rows AS row
MATCH (s:Source {id: row.sourceId})
CALL (row, s) {
  WITH row WHERE row.kind = 'EVENT'
  MATCH (x:Event {id: row.factId})
  MERGE (x)-[c:CITES {quote: row.quote}]->(s)
  RETURN c
  UNION
  WITH row WHERE row.kind = 'ENTITY'
  MATCH (x:Entity {id: row.factId})
  MERGE (x)-[c:MENTIONED_IN {quote: row.quote}]->(s)
  RETURN c
  UNION
  WITH row WHERE row.kind = 'RELATIONSHIP'
  MATCH (x:Entity {id: row.from})
  MERGE (x)-[c:RELATIONSHIP_CITED_IN {factId: row.factId, quote: row.quote}]->(s)
  RETURN c
}
SET c.factId = row.factId, c.sourceId = row.sourceId, c.offset = row.offset, c.position = row.position,
    c.citedBy = coalesce(c.citedBy, $principal), c.citedAt = coalesce(c.citedAt, datetime());

// @query removeCitations
// Removes citations (an update that restates what a source says, or a withdrawn source), found
// from the citation indexes by fact and source.
// :param rows => [{kind: 'EVENT', factId: 'event/x/y', sourceId: 'source/x', quote: 'Q'}]
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.kind = 'EVENT'
  MATCH ()-[c:CITES]->() USING INDEX SEEK c:CITES(factId, sourceId) WHERE c.factId = row.factId AND c.sourceId = row.sourceId AND c.quote = row.quote
  DELETE c
  UNION
  WITH row WHERE row.kind = 'ENTITY'
  MATCH ()-[c:MENTIONED_IN]->() USING INDEX SEEK c:MENTIONED_IN(factId, sourceId) WHERE c.factId = row.factId AND c.sourceId = row.sourceId AND c.quote = row.quote
  DELETE c
  UNION
  WITH row WHERE row.kind = 'RELATIONSHIP'
  MATCH ()-[c:RELATIONSHIP_CITED_IN]->() USING INDEX SEEK c:RELATIONSHIP_CITED_IN(factId, sourceId) WHERE c.factId = row.factId AND c.sourceId = row.sourceId AND c.quote = row.quote
  DELETE c
};

// @query refreshCitationCounts
// How many citations and distinct sources each written fact has (from the citation indexes), kept
// on the fact for reads (`sourceCount`) and for the next citation's position; a relationship's
// first citation (lowest position) is also kept on it as `sourceId` and `quote`: its primary one.
// :param rows => [{kind: 'RELATIONSHIP', factId: 'rel/founded/person/yang-zhilin/org/moonshot-ai', from: 'person/yang-zhilin', to: 'org/moonshot-ai'}]
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.kind = 'EVENT'
  MATCH (x:Event {id: row.factId})
  SET x.citationCount = COUNT { MATCH ()-[c:CITES]->() USING INDEX SEEK c:CITES(factId, sourceId) WHERE c.factId = row.factId AND c.sourceId IS NOT NULL },
      x.sourceCount = size(COLLECT { MATCH ()-[c:CITES]->() USING INDEX SEEK c:CITES(factId, sourceId) WHERE c.factId = row.factId AND c.sourceId IS NOT NULL RETURN DISTINCT c.sourceId })
  UNION
  WITH row WHERE row.kind = 'ENTITY'
  MATCH (x:Entity {id: row.factId})
  SET x.citationCount = COUNT { MATCH ()-[c:MENTIONED_IN]->() USING INDEX SEEK c:MENTIONED_IN(factId, sourceId) WHERE c.factId = row.factId AND c.sourceId IS NOT NULL },
      x.sourceCount = size(COLLECT { MATCH ()-[c:MENTIONED_IN]->() USING INDEX SEEK c:MENTIONED_IN(factId, sourceId) WHERE c.factId = row.factId AND c.sourceId IS NOT NULL RETURN DISTINCT c.sourceId })
  UNION
  WITH row WHERE row.kind = 'RELATIONSHIP'
  MATCH (a:Entity {id: row.from})-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]->(b:Entity {id: row.to}) USING INDEX SEEK a:Entity(id) USING INDEX SEEK b:Entity(id) WHERE r.id = row.factId
  WITH r, row, COLLECT { MATCH ()-[c:RELATIONSHIP_CITED_IN]->() USING INDEX SEEK c:RELATIONSHIP_CITED_IN(factId, sourceId) WHERE c.factId = row.factId AND c.sourceId IS NOT NULL
                         RETURN c {.sourceId, .quote} ORDER BY c.position LIMIT 1 }[0] AS primary
  SET r.citationCount = COUNT { MATCH ()-[c:RELATIONSHIP_CITED_IN]->() USING INDEX SEEK c:RELATIONSHIP_CITED_IN(factId, sourceId) WHERE c.factId = row.factId AND c.sourceId IS NOT NULL },
      r.sourceCount = size(COLLECT { MATCH ()-[c:RELATIONSHIP_CITED_IN]->() USING INDEX SEEK c:RELATIONSHIP_CITED_IN(factId, sourceId) WHERE c.factId = row.factId AND c.sourceId IS NOT NULL RETURN DISTINCT c.sourceId }),
      r.sourceId = primary.sourceId, r.quote = primary.quote
};

// @query factCitations
// One fact's citations from one source, and whether another source states it too (both from the
// citation indexes, seeking by fact id): what withdrawing that source would leave.
// :param fact => {kind: 'ENTITY', id: 'org/moonshot-ai', from: null, to: null}
// :param sourceId => 'source/techxingqiu-2024-12-llm-shakeout'
CALL () {
  WITH $fact AS f WHERE f.kind = 'ENTITY'
  OPTIONAL MATCH (n:Entity {id: f.id})
  RETURN n IS NOT NULL AS exists,
         COLLECT { MATCH ()-[c:MENTIONED_IN]->() USING INDEX SEEK c:MENTIONED_IN(factId, sourceId) WHERE c.factId = f.id AND c.sourceId = $sourceId RETURN {sourceId: c.sourceId, quote: c.quote} } AS citations,
         EXISTS { MATCH ()-[c:MENTIONED_IN]->() USING INDEX SEEK c:MENTIONED_IN(factId, sourceId) WHERE c.factId = f.id AND c.sourceId IS NOT NULL AND c.sourceId <> $sourceId } AS otherSources
  UNION
  WITH $fact AS f WHERE f.kind = 'EVENT'
  OPTIONAL MATCH (e:Event {id: f.id})
  RETURN e IS NOT NULL AS exists,
         COLLECT { MATCH ()-[c:CITES]->() USING INDEX SEEK c:CITES(factId, sourceId) WHERE c.factId = f.id AND c.sourceId = $sourceId RETURN {sourceId: c.sourceId, quote: c.quote} } AS citations,
         EXISTS { MATCH ()-[c:CITES]->() USING INDEX SEEK c:CITES(factId, sourceId) WHERE c.factId = f.id AND c.sourceId IS NOT NULL AND c.sourceId <> $sourceId } AS otherSources
  UNION
  WITH $fact AS f WHERE f.kind = 'RELATIONSHIP'
  OPTIONAL MATCH (a:Entity {id: f.from})-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]->(b:Entity {id: f.to}) USING INDEX SEEK a:Entity(id) USING INDEX SEEK b:Entity(id) WHERE r.id = f.id
  RETURN r IS NOT NULL AS exists,
         COLLECT { MATCH ()-[c:RELATIONSHIP_CITED_IN]->() USING INDEX SEEK c:RELATIONSHIP_CITED_IN(factId, sourceId) WHERE c.factId = f.id AND c.sourceId = $sourceId RETURN {sourceId: c.sourceId, quote: c.quote} } AS citations,
         EXISTS { MATCH ()-[c:RELATIONSHIP_CITED_IN]->() USING INDEX SEEK c:RELATIONSHIP_CITED_IN(factId, sourceId) WHERE c.factId = f.id AND c.sourceId IS NOT NULL AND c.sourceId <> $sourceId } AS otherSources
}
RETURN exists, citations, otherSources;

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
    MATCH ()-[i:INVOLVES]->() USING INDEX SEEK i:INVOLVES(entityId, sortKey) WHERE i.entityId = n.id AND i.sortKey < '~'
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
// before and after (JSON), and why. Never updated or deleted. Returns their ids, in row order
// (each is a change in the change log too: src/store/changes.store.ts).
// :param rows => [{targetId: 'org/x', action: 'UPDATE', fields: ['description'], before: '{}', after: '{}'}]
// :param principal => 'seed'
// :param role => 'admin'
// :param reason => null
UNWIND $rows AS row
CREATE (r:Revision {
  id: randomUUID(), targetId: row.targetId, action: row.action, fields: row.fields,
  before: row.before, after: row.after, principal: $principal, role: $role, reason: $reason,
  at: datetime()
})
RETURN r.id AS id;

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
