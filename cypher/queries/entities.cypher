// Entities (Person, Organization, Product, Group), their stable relationships and their mentions.
// An entity is projected with all its properties (`n {.*}`, its `label` included); what hangs off
// it (relationships, mentions, events) is fetched for many entities at once by DataLoaders, and
// capped per entity ($perEntity) so that a hub with 100k employees costs what a small one does.

// @query entityById
// :param id => 'org/moonshot-ai'
MATCH (n:Entity {id: $id})
RETURN n {.*} AS entity;

// @query entitiesByIds
// Many entities at once (the `node` of a selection's nodes), one unique-index seek each.
// :param ids => ['org/moonshot-ai', 'person/yang-zhilin']
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*} AS entity;

// @query entityPage
// A page of `entities` in one of three orders, each a string per entity kept by the writer
// (facts.cypher refreshEntityStats) and read from its range index between two cursors:
//   NAME          n.nameSort "<name key> <id>", ascending; with a name prefix, the :Name keys
//                 starting with it in key order instead, each entity at its first such name;
//   DEGREE        n.degreeSort "<degree, 10 digits> <id>", highest first;
//   LATEST_EVENT  n.latestSort "<date of its latest event> <id>", newest first.
// The page lies strictly between the sort keys $lo and $hi and is read from one end of that range:
// $ascending reads the index upwards from $lo (a forward page in name order, a backward page,
// Relay's `last`/`before`, in the descending orders), otherwise downwards from $hi. Cypher cannot
// take the direction of an ORDER BY as a parameter, hence one branch per order and direction.
// First, the selective filters are asked for their entities ($sets: false on a walk's
// continuation, which needs none): the :Name keys starting with the prefix ($prefixNames: not for
// a page in name order, which walks them in its own order) and the events of the kinds in the date
// range, at most $cap + 1 index entries each. When one of them is complete (at most $cap), its
// entities are sorted instead of walking the order; when only counting ($countOnly), an incomplete
// one is counted in place of the walk (its first $cap + 1 entries hold matches the order's first
// entries may not). Otherwise the walk reads at most $scan entries of the order's index and checks
// the filters entry by entry until $first + 1 pass: a page costs at most $scan + 2 × ($cap + 1)
// index entries whatever the graph's size. `scanned` and `lastRead` tell whether a walk stopped at
// its cap (the next page starts after lastRead); `walked` is false when a complete set stood in.
// :param order => 'DEGREE'
// :param ascending => false
// :param lo => ''
// :param hi => '\uffff'
// :param nameFrom => ''
// :param nameTo => '\uffff'
// :param label => 'Organization'
// :param category => null
// :param prefix => null
// :param prefixNames => true
// :param sets => true
// :param byEvents => true
// :param kinds => ['ACQUISITION']
// :param lower => '2024'
// :param upper => '2024-12\uffff'
// :param cap => 5000
// :param scan => 2000
// :param first => 20
// :param countOnly => false
CALL () {
  WITH $prefix AS prefix WHERE prefix IS NOT NULL AND $prefixNames AND $sets
  MATCH (k:Name) WHERE k.key STARTS WITH prefix
  WITH k ORDER BY k.key LIMIT $cap + 1
  WITH collect(k) AS found WHERE $prefix IS NOT NULL AND $prefixNames AND $sets // an aggregate of no rows is still a row
  RETURN 'names' AS source, found
  UNION ALL
  WITH $byEvents AS byEvents WHERE byEvents AND $sets
  CALL () {
    WITH $kinds AS kinds WHERE kinds IS NULL
    MATCH (e:Event) WHERE e.sortKey > $lower AND e.sortKey < $upper
    WITH e ORDER BY e.sortKey LIMIT $cap + 1
    RETURN e
    UNION ALL
    UNWIND coalesce($kinds, []) AS kind
    CALL (kind) {
      MATCH (e:Event) WHERE e.kind = kind AND e.sortKey > $lower AND e.sortKey < $upper
      WITH e ORDER BY e.kind, e.sortKey LIMIT $cap + 1
      RETURN e
    }
    RETURN e
  }
  WITH collect(e) AS found WHERE $byEvents AND $sets
  RETURN 'events' AS source, found
}
WITH collect({source: source, found: found}) AS sets
WITH sets, [c IN sets WHERE size(c.found) <= $cap] AS complete
WITH reduce(best = null, c IN complete | CASE WHEN best IS NULL OR size(c.found) < size(best.found) THEN c ELSE best END) AS small,
     CASE WHEN $countOnly AND size(complete) = 0 AND size(sets) > 0 THEN sets[0] END AS partial
// The walk of the order, guarded by parameters only (a guard on a computed value lets the planner
// seek the whole range): it reads at most $scan entries even when a complete set replaces it.
CALL () {
  CALL () {
    WITH $order AS order WHERE order = 'NAME' AND $prefix IS NULL AND $ascending
    MATCH (n:Entity) WHERE n.nameSort > $lo AND n.nameSort < $hi
    WITH n ORDER BY n.nameSort LIMIT $scan
    RETURN n, n.nameSort AS key
    UNION ALL
    WITH $order AS order WHERE order = 'NAME' AND $prefix IS NULL AND NOT $ascending
    MATCH (n:Entity) WHERE n.nameSort > $lo AND n.nameSort < $hi
    WITH n ORDER BY n.nameSort DESC LIMIT $scan
    RETURN n, n.nameSort AS key
    UNION ALL
    WITH $order AS order WHERE order = 'NAME' AND $prefix IS NOT NULL AND $ascending
    MATCH (k:Name) WHERE k.key STARTS WITH $prefix AND k.key >= $nameFrom AND k.key <= $nameTo
    WITH k ORDER BY k.key LIMIT $scan
    MATCH (k)<-[:NAMED]-(n:Entity)
    WITH n, k.key + ' ' + n.id AS key ORDER BY key
    RETURN n, key
    UNION ALL
    WITH $order AS order WHERE order = 'NAME' AND $prefix IS NOT NULL AND NOT $ascending
    MATCH (k:Name) WHERE k.key STARTS WITH $prefix AND k.key >= $nameFrom AND k.key <= $nameTo
    WITH k ORDER BY k.key DESC LIMIT $scan
    MATCH (k)<-[:NAMED]-(n:Entity)
    WITH n, k.key + ' ' + n.id AS key ORDER BY key DESC
    RETURN n, key
    UNION ALL
    WITH $order AS order WHERE order = 'DEGREE' AND NOT $ascending
    MATCH (n:Entity) WHERE n.degreeSort > $lo AND n.degreeSort < $hi
    WITH n ORDER BY n.degreeSort DESC LIMIT $scan
    RETURN n, n.degreeSort AS key
    UNION ALL
    WITH $order AS order WHERE order = 'DEGREE' AND $ascending
    MATCH (n:Entity) WHERE n.degreeSort > $lo AND n.degreeSort < $hi
    WITH n ORDER BY n.degreeSort LIMIT $scan
    RETURN n, n.degreeSort AS key
    UNION ALL
    WITH $order AS order WHERE order = 'LATEST_EVENT' AND NOT $ascending
    MATCH (n:Entity) WHERE n.latestSort > $lo AND n.latestSort < $hi
    WITH n ORDER BY n.latestSort DESC LIMIT $scan
    RETURN n, n.latestSort AS key
    UNION ALL
    WITH $order AS order WHERE order = 'LATEST_EVENT' AND $ascending
    MATCH (n:Entity) WHERE n.latestSort > $lo AND n.latestSort < $hi
    WITH n ORDER BY n.latestSort LIMIT $scan
    RETURN n, n.latestSort AS key
  }
  RETURN collect({n: n, key: key}) AS walk
}
// A complete set's entities (or, counting, an incomplete one's), sorted in the direction read:
// those bearing the names, or taking part in the events.
CALL (small, partial) {
  WITH coalesce(small, partial) AS chosen WHERE chosen IS NOT NULL
  UNWIND chosen.found AS item
  MATCH (item)-[:NAMED|INVOLVES]-(n:Entity)
  WITH DISTINCT n
  WITH n, CASE $order WHEN 'NAME' THEN n.nameSort WHEN 'DEGREE' THEN n.degreeSort ELSE n.latestSort END AS key
  WITH n, key ORDER BY CASE WHEN $ascending THEN key ELSE '' END, key DESC
  RETURN collect({n: n, key: key}) AS set
}
// What the rows' source already guarantees is not checked again: a set's entities bear its names
// or take part in its events.
WITH small IS NULL AS walked, partial IS NOT NULL AS sampled, coalesce(small, partial).source AS source,
     CASE WHEN small IS NULL AND partial IS NULL THEN walk ELSE set END AS scanned
CALL (walked, sampled, source, scanned) {
  UNWIND scanned AS row
  WITH row.n AS n, row.key AS key, coalesce(source = 'names', false) AS named, coalesce(source = 'events', false) AS involved
  WHERE key > $lo AND key < $hi
    AND ($label IS NULL OR n.label = $label)
    AND ($category IS NULL OR $category IN coalesce(n.categories, []))
    AND ($prefix IS NULL OR named OR n.key STARTS WITH $prefix OR EXISTS { (n)-[:NAMED]->(k:Name) WHERE k.key STARTS WITH $prefix })
    // with a prefix walked in name order, an entity is listed at the first of its names that has it
    AND NOT ($prefix IS NOT NULL AND $order = 'NAME' AND walked AND NOT sampled
             AND EXISTS { (n)-[:NAMED]->(k:Name) WHERE k.key STARTS WITH $prefix AND k.key < split(key, ' ')[0] })
    // an event in the date range (one seek in date order), of the kinds if given (one seek per
    // kind); each check is written `NOT guard OR EXISTS` so that the planner skips it unless needed
    AND (NOT $byEvents OR $kinds IS NOT NULL OR involved
         OR EXISTS { MATCH ()-[i:INVOLVES]->() WHERE i.entityId = n.id AND i.sortKey > $lower AND i.sortKey < $upper })
    AND ($kinds IS NULL OR involved
         OR EXISTS { UNWIND $kinds AS kind MATCH ()-[i:INVOLVES]->() WHERE i.entityId = n.id AND i.kind = kind AND i.sortKey > $lower AND i.sortKey < $upper })
  WITH n, key LIMIT $first + 1
  RETURN count(*) AS matched, collect(CASE WHEN $countOnly THEN null ELSE {entity: n {.*}, key: key} END) AS rows
}
RETURN rows, matched, walked, sampled, size(scanned) AS scanned, scanned[-1].key AS lastRead;

// @query entityCount
// How many entities there are, or of one label, from the count store (no entity is read). A
// retracted entity keeps its own label (only :Entity gives way to :RetractedFact), so those of the
// label are taken off: as many as were retracted, never the graph's size.
// :param label => 'Person'
RETURN CASE $label
  WHEN 'Person' THEN COUNT { (:Person) }
  WHEN 'Organization' THEN COUNT { (:Organization) }
  WHEN 'Product' THEN COUNT { (:Product) }
  WHEN 'Group' THEN COUNT { (:Group) }
  ELSE COUNT { (:Entity) }
END - CASE WHEN $label IS NULL THEN 0 ELSE COUNT { (r:RetractedFact) WHERE r.label = $label } END AS count;

// @query searchEntities
// Prefix matches of the normalised name (one character and up, any script: keys are simplified)
// from the :Name index in key order, so the exact name comes first; then full-text hits (words
// and two-character runs anywhere in a name) below them. At most $scan names are read.
// :param key => '杨'
// :param query => '杨'
// :param scan => 50
// :param limit => 10
CALL () {
  MATCH (k:Name) WHERE k.key STARTS WITH $key
  WITH k ORDER BY k.key LIMIT $scan
  MATCH (k)<-[:NAMED]-(n:Entity)
  RETURN n, CASE WHEN k.key = $key THEN 3.0 ELSE 2.0 END AS rank, size(k.key) AS length
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $scan}) YIELD node AS n, score
  WHERE $query <> '' AND n:Entity
  RETURN n, score / (score + 1.0) AS rank, 1000 AS length
}
WITH n, max(rank) AS rank, min(length) AS length
ORDER BY rank DESC, length, n.id
LIMIT $limit
RETURN n {.*} AS entity;

// @query relationshipsOf
// The stable relationships of many entities at once, at most $perEntity each, each with its
// citations (at most $perFact, from the relationship_cited_in_fact index) and its primary one when
// $withCitations (a selection that reads none, such as `people { id }`, skips them: on a hub in 500
// relationships that is most of the statement's cost). The other end carries the properties the
// Entity types expose, not every stored one (test/unit/entityProjection.test.ts keeps them equal).
// :param ids => ['org/moonshot-ai', 'person/yang-zhilin']
// :param perEntity => 500
// :param perFact => 100
// :param withCitations => true
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]-(other:Entity)
  RETURN r, other LIMIT $perEntity
}
WITH id, n, r, other ORDER BY type(r), other.id
RETURN id, collect({
  id: r.id, type: type(r), outgoing: startNode(r) = n,
  role: r.role, roleEn: r.roleEn, since: r.since, until: r.until, current: r.current,
  inferred: coalesce(r.inferred, false), inferredBasis: r.inferredBasis,
  citation: CASE WHEN $withCitations THEN {quote: r.quote, source: COLLECT { MATCH (s:Source {id: r.sourceId}) RETURN s {.id, .title, .publisher, .date, .language} }[0]} END,
  citations: CASE WHEN $withCitations THEN COLLECT { MATCH ()-[c:RELATIONSHIP_CITED_IN]->(s:Source) USING INDEX SEEK c:RELATIONSHIP_CITED_IN(factId, sourceId) WHERE c.factId = r.id AND c.sourceId IS NOT NULL
                       RETURN {quote: c.quote, position: c.position, offset: c.offset, source: s {.id, .title, .publisher, .date, .language}}
                       ORDER BY c.position LIMIT $perFact } ELSE [] END,
  sourceCount: r.sourceCount,
  other: other {.id, .label, .name, .names, .description, .categories, .anonymous, .degree, .latestEvent, .sourceCount}
}) AS relationships;

// @query relationshipsByIds
// Stable relationships by id and ends (one or many, e.g. a page of a source's facts), in the shape of relationshipsOf seen from its
// start: both ends by index seek, then an Expand(Into) from the end with fewer edges, so a hub in
// 100k relationships costs what a leaf does (relationshipsOf caps a hub's list at $perEntity).
// :param keys => [{id: 'rel/founded/person/yang-zhilin/org/moonshot-ai', from: 'person/yang-zhilin', to: 'org/moonshot-ai'}]
// :param perFact => 100
UNWIND $keys AS key
MATCH (n:Entity {id: key.from})
MATCH (other:Entity {id: key.to})
MATCH (n)-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]->(other)
WHERE r.id = key.id
RETURN n {.*} AS from, {
  id: r.id, type: type(r), outgoing: true,
  role: r.role, roleEn: r.roleEn, since: r.since, until: r.until, current: r.current,
  inferred: coalesce(r.inferred, false), inferredBasis: r.inferredBasis,
  citation: {quote: r.quote, source: COLLECT { MATCH (s:Source {id: r.sourceId}) RETURN s {.id, .title, .publisher, .date, .language} }[0]},
  citations: COLLECT { MATCH ()-[c:RELATIONSHIP_CITED_IN]->(s:Source) USING INDEX SEEK c:RELATIONSHIP_CITED_IN(factId, sourceId) WHERE c.factId = r.id AND c.sourceId IS NOT NULL
                       RETURN {quote: c.quote, position: c.position, offset: c.offset, source: s {.id, .title, .publisher, .date, .language}}
                       ORDER BY c.position LIMIT $perFact },
  sourceCount: r.sourceCount,
  other: other {.*}
} AS relationship;

// @query mentionsOf
// Where the sources mention many entities at once, at most $perEntity each.
// :param ids => ['org/moonshot-ai']
// :param perEntity => 500
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[m:MENTIONED_IN]->(s:Source)
  RETURN m, s LIMIT $perEntity
}
WITH id, m, s ORDER BY m.position
RETURN id, collect({quote: m.quote, position: m.position, offset: m.offset, source: s {.id, .title, .publisher, .date, .language}}) AS mentions;

// @query entitiesByName
// Exact look-up of a name in any of its forms (traditional, simplified, English, alias) by its
// normalised key: one :Name node, the entities that bear it.
// :param key => '杨植麟'
// :param limit => 100
MATCH (:Name {key: $key})<-[:NAMED]-(n:Entity)
RETURN n {.*} AS entity
ORDER BY n.id
LIMIT $limit;
