// Entities (Person, Organization, Product, Group), their stable relationships and their mentions.
// An entity is projected with all its properties (`n {.*}`, its `label` included); what hangs off
// it (relationships, mentions, events) is fetched for many entities at once by DataLoaders.

// @query entityById
// :param id => 'org/moonshot-ai'
MATCH (n:Entity {id: $id})
RETURN n {.*} AS entity;

// @query entityList
// :param label => 'Organization'
// :param category => 'AI_STARTUP'
// :param offset => 0
// :param limit => 50
MATCH (n:Entity)
WHERE ($label IS NULL OR $label IN labels(n))
  AND ($category IS NULL OR $category IN coalesce(n.categories, []))
WITH n ORDER BY n.name, n.id SKIP $offset LIMIT $limit
RETURN n {.*} AS entity;

// @query searchEntities
// Full-text search over every name form; an exact match of the normalised name ranks first.
// :param query => '杨植麟'
// :param key => '杨植麟'
// :param limit => 10
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $limit * 3}) YIELD node AS n, score
WITH n, score + CASE WHEN n.key = $key OR $key IN n.keys THEN 100.0 ELSE 0.0 END AS rank
ORDER BY rank DESC, n.id
LIMIT $limit
RETURN n {.*} AS entity, rank;

// @query relationshipsOf
// The stable relationships of many entities at once (one round trip per request, via DataLoader).
// :param ids => ['org/moonshot-ai', 'person/yang-zhilin']
UNWIND $ids AS id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (n)-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]-(other:Entity)
WITH id, n, r, other ORDER BY type(r), other.id
RETURN id, [x IN collect(CASE WHEN r IS NULL THEN NULL ELSE {
  id: r.id, type: type(r), outgoing: startNode(r) = n,
  role: r.role, roleEn: r.roleEn, since: r.since, until: r.until, current: r.current,
  citation: {quote: r.quote, source: COLLECT { MATCH (s:Source {id: r.sourceId}) RETURN s {.id, .title, .publisher, .date, .language} }[0]},
  other: other {.*}
} END) WHERE x IS NOT NULL] AS relationships;

// @query mentionsOf
// Where the sources mention many entities at once.
// :param ids => ['org/moonshot-ai']
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[m:MENTIONED_IN]->(s:Source)
RETURN id, collect({quote: m.quote, source: s {.id, .title, .publisher, .date, .language}}) AS mentions;

// @query entitiesByName
// Exact look-up of a name in any of its forms (traditional, simplified, English, alias), by the
// normalised key; the written name's key is indexed (entity_key).
// :param key => '杨植麟'
MATCH (n:Entity) WHERE n.key = $key
RETURN n {.*} AS entity
UNION
MATCH (n:Entity) WHERE $key IN n.keys
RETURN n {.*} AS entity;
