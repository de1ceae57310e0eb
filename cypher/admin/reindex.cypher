// Deriving what the writer keeps for facts written by other tools (plain Cypher, another loader,
// an older writer): src/db/reindex.ts, `npm run reindex` and the start-up. The contract a writer
// must keep is in docs/model.md, "Writing the graph with other tools". Facts carry the version
// of their derivation (`derivedVersion`, indexed by migration 007); those without the current one
// are derived here, in batches, each batch in its own transaction, so a re-run resumes.

// @query derivedCounts
// How many facts of each kind exist (the count store) and how many carry the current derivation
// (an index seek on derivedVersion): the difference is what is not yet derived. No node or
// relationship is scanned.
// :param version => 1
RETURN COUNT { (:Entity) } AS entities,
       COUNT { MATCH (n:Entity) WHERE n.derivedVersion = $version } AS derivedEntities,
       COUNT { (:Event) } AS events,
       COUNT { MATCH (e:Event) WHERE e.derivedVersion = $version } AS derivedEvents,
       COUNT { ()-[:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]->() } AS relationships,
       COUNT { MATCH ()-[r:FOUNDED]->() WHERE r.derivedVersion = $version } + COUNT { MATCH ()-[r:WORKS_AT]->() WHERE r.derivedVersion = $version }
       + COUNT { MATCH ()-[r:PARTNER_AT]->() WHERE r.derivedVersion = $version } + COUNT { MATCH ()-[r:SUBSIDIARY_OF]->() WHERE r.derivedVersion = $version }
       + COUNT { MATCH ()-[r:INVESTED_IN]->() WHERE r.derivedVersion = $version } + COUNT { MATCH ()-[r:MAKES]->() WHERE r.derivedVersion = $version }
       + COUNT { MATCH ()-[r:MEMBER_OF]->() WHERE r.derivedVersion = $version } AS derivedRelationships;

// @query underivedEntities
// The next entities, in id order from $after, that lack the current derivation (read from the
// id constraint's index in order, $scan entries at most).
// :param after => ''
// :param scan => 1000
// :param version => 1
MATCH (n:Entity) WHERE n.id > $after
WITH n ORDER BY n.id LIMIT $scan
WITH collect(n) AS page
RETURN [n IN page WHERE n.derivedVersion IS NULL OR n.derivedVersion <> $version | n {.id, .label, .name, .aliases, .description, .categories, .anonymous, labels: labels(n)}] AS entities,
       CASE WHEN size(page) = $scan THEN page[-1].id END AS next;

// @query deriveEntities
// An entity's name forms and keys (computed by src/model/factRows.ts entityValues), its :Name nodes,
// its mentions' keys and offsets, its citation counts and its derivation version.
// :param rows => [{id: 'org/x', label: 'Organization', props: {name: 'X', names: ['X'], namesText: 'X', key: 'x', keys: ['x'], derivedVersion: 1}}]
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n += row.props, n.label = row.label
WITH n, row
CALL (n, row) {
  UNWIND row.props.keys AS key
  MERGE (k:Name {key: key})
  MERGE (n)-[:NAMED]->(k)
}
CALL (n) {
  MATCH (n)-[m:MENTIONED_IN]->(s:Source)
  WITH m, s ORDER BY coalesce(m.position, 1000000), m.quote
  WITH collect({m: m, s: s}) AS cs
  UNWIND range(0, size(cs) - 1) AS i
  WITH cs[i].m AS m, cs[i].s AS s, i
  SET m.factId = startNode(m).id, m.sourceId = s.id, m.position = coalesce(m.position, i),
      m.offset = CASE WHEN s.text CONTAINS m.quote THEN size(split(s.text, m.quote)[0]) END
}
SET n.citationCount = COUNT { (n)-[:MENTIONED_IN]->(:Source) },
    n.sourceCount = COUNT { MATCH (n)-[:MENTIONED_IN]->(s:Source) RETURN DISTINCT s };

// @query underivedEvents
// The next events, in id order from $after, that lack the current derivation.
// :param after => ''
// :param scan => 1000
// :param version => 1
MATCH (e:Event) WHERE e.id > $after
WITH e ORDER BY e.id LIMIT $scan
WITH collect(e) AS page
RETURN [e IN page WHERE e.derivedVersion IS NULL OR e.derivedVersion <> $version | e {.id, .kind, .date}] AS events,
       CASE WHEN size(page) = $scan THEN page[-1].id END AS next;

// @query deriveEvents
// An event's sort key and date precision (src/model/sortKeys.ts, src/model/factRows.ts), its kind label and `label`, the
// scope keys of its INVOLVES edges (positions kept, else the registry's order of roles: $rows.roles), its citations' keys and
// offsets, its citation counts and its derivation version.
// :param rows => [{id: 'event/x/y', label: 'Acquisition', roles: ['acquirer', 'target'], props: {sortKey: '2024 event/x/y', datePrecision: 'YEAR', derivedVersion: 1}}]
UNWIND $rows AS row
MATCH (e:Event {id: row.id})
SET e:$(row.label)
SET e += row.props, e.label = row.label
WITH e, row
CALL (e, row) {
  MATCH (e)-[i:INVOLVES]->(x:Entity)
  WITH i, x ORDER BY coalesce(i.position, 1000000), coalesce([k IN range(0, size(row.roles) - 1) WHERE row.roles[k] = i.role][0], 1000), x.id
  WITH collect({i: i, x: x}) AS ps
  UNWIND range(0, size(ps) - 1) AS n
  WITH ps[n].i AS i, ps[n].x AS x, n
  SET i.entityId = x.id, i.kind = e.kind, i.sortKey = row.props.sortKey, i.position = coalesce(i.position, n),
      i.id = coalesce(i.id, e.id + '#' + i.role + '#' + x.id)
}
CALL (e) {
  MATCH (e)-[c:CITES]->(s:Source)
  WITH c, s ORDER BY coalesce(c.position, 1000000), c.quote
  WITH collect({c: c, s: s}) AS cs
  UNWIND range(0, size(cs) - 1) AS n
  WITH cs[n].c AS c, cs[n].s AS s, n
  SET c.factId = startNode(c).id, c.sourceId = s.id, c.position = coalesce(c.position, n),
      c.offset = CASE WHEN s.text CONTAINS c.quote THEN size(split(s.text, c.quote)[0]) END
}
SET e.citationCount = COUNT { (e)-[:CITES]->(:Source) },
    e.sourceCount = COUNT { MATCH (e)-[:CITES]->(s:Source) RETURN DISTINCT s };

// @query underivedRelationships
// Stable relationships that lack the current derivation, $scan at most; each batch sets the
// version, so the next call finds the next ones.
// :param scan => 1000
// :param version => 1
MATCH (a:Entity)-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]->(b:Entity)
WHERE r.derivedVersion IS NULL OR r.derivedVersion <> $version
RETURN elementId(r) AS ref, type(r) AS type, a.id AS from, b.id AS to, r.id AS id
LIMIT $scan;

// @query deriveRelationships
// A relationship's id when it has none (rel/<type>/<from>/<to>, src/model/factRows.ts), its
// citation edge from its primary citation (sourceId + quote, as a writer of the contract gives
// it) when it has none, its citation counts and its derivation version.
// :param rows => [{ref: '5:abc:1', id: 'rel/founded/person/x/org/y', from: 'person/x'}]
// :param version => 1
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.ref
SET r.id = row.id, r.derivedVersion = $version
WITH r, row
CALL (r, row) {
  MATCH (a:Entity {id: row.from}), (s:Source {id: r.sourceId})
  WHERE r.quote IS NOT NULL AND NOT EXISTS { MATCH ()-[c:RELATIONSHIP_CITED_IN]->() USING INDEX SEEK c:RELATIONSHIP_CITED_IN(factId, sourceId) WHERE c.factId = row.id AND c.sourceId IS NOT NULL }
  MERGE (a)-[c:RELATIONSHIP_CITED_IN {factId: row.id, quote: r.quote}]->(s)
  SET c.sourceId = s.id, c.position = 0, c.offset = CASE WHEN s.text CONTAINS r.quote THEN size(split(s.text, r.quote)[0]) END
}
SET r.citationCount = COUNT { MATCH ()-[c:RELATIONSHIP_CITED_IN]->() USING INDEX SEEK c:RELATIONSHIP_CITED_IN(factId, sourceId) WHERE c.factId = row.id AND c.sourceId IS NOT NULL },
    r.sourceCount = size(COLLECT { MATCH ()-[c:RELATIONSHIP_CITED_IN]->() USING INDEX SEEK c:RELATIONSHIP_CITED_IN(factId, sourceId) WHERE c.factId = row.id AND c.sourceId IS NOT NULL RETURN DISTINCT c.sourceId });
