// Entities (Person, Organization, Product, Group), their stable relationships and their mentions.
// An entity is projected with all its properties (`n {.*}`, its `label` included); what hangs off
// it (relationships, mentions, events) is fetched for many entities at once by DataLoaders, and
// capped per entity ($perEntity) so that a hub with 100k employees costs what a small one does.

// @query entityById
// :param id => 'org/moonshot-ai'
MATCH (n:Entity {id: $id})
RETURN n {.*} AS entity;

// @query entityList
// In id order, read from the uniqueness index on Entity.id; the filters are checked along the way
// and the read stops once the page is full (the offset is capped by the API).
// :param label => 'Organization'
// :param category => 'AI_STARTUP'
// :param offset => 0
// :param limit => 50
MATCH (n:Entity) WHERE n.id > ''
WITH n ORDER BY n.id
WHERE ($label IS NULL OR n.label = $label) AND ($category IS NULL OR $category IN coalesce(n.categories, []))
RETURN n {.*} AS entity
SKIP $offset
LIMIT $limit;

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
RETURN n {.*} AS entity, rank;

// @query relationshipsOf
// The stable relationships of many entities at once, at most $perEntity each.
// :param ids => ['org/moonshot-ai', 'person/yang-zhilin']
// :param perEntity => 500
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
  citation: {quote: r.quote, source: COLLECT { MATCH (s:Source {id: r.sourceId}) RETURN s {.id, .title, .publisher, .date, .language} }[0]},
  other: other {.*}
}) AS relationships;

// @query relationshipById
// One stable relationship between two entities, in the shape of relationshipsOf seen from its
// start: both ends by index seek, then an Expand(Into) from the end with fewer edges, so a hub in
// 100k relationships costs what a leaf does (relationshipsOf caps a hub's list at $perEntity).
// :param id => 'rel/founded/person/yang-zhilin/org/moonshot-ai'
// :param from => 'person/yang-zhilin'
// :param to => 'org/moonshot-ai'
MATCH (n:Entity {id: $from})
MATCH (other:Entity {id: $to})
MATCH (n)-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]->(other)
WHERE r.id = $id
RETURN {
  id: r.id, type: type(r), outgoing: true,
  role: r.role, roleEn: r.roleEn, since: r.since, until: r.until, current: r.current,
  citation: {quote: r.quote, source: COLLECT { MATCH (s:Source {id: r.sourceId}) RETURN s {.id, .title, .publisher, .date, .language} }[0]},
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
RETURN id, collect({quote: m.quote, source: s {.id, .title, .publisher, .date, .language}}) AS mentions;

// @query entitiesByName
// Exact look-up of a name in any of its forms (traditional, simplified, English, alias) by its
// normalised key: one :Name node, the entities that bear it.
// :param key => '杨植麟'
// :param limit => 100
MATCH (:Name {key: $key})<-[:NAMED]-(n:Entity)
RETURN n {.*} AS entity
ORDER BY n.id
LIMIT $limit;
