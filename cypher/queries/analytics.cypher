// Who sits at the centre: entities ranked by the events and stable relationships they take part in.

// @query centrality
// An entity's score is its events (one per role it plays: INVOLVES edges) plus, without a kinds
// filter, its stable relationships (either direction). Two exclusive ways, chosen by $kinds:
//   no kinds → entities in the order of the entity_degree index (n.degree, kept by the writer:
//              facts.cypher refreshEntityStats), highest first, filtered by label as they come: the
//              $limit-th degree is the threshold, and a range seek takes every entity at or above
//              it, so ties at the threshold are ordered by id like the rest;
//   kinds    → the latest $cap events of those kinds (event_kind_sort, newest first, per kind),
//              their participants counted per entity: the centre of the recent acquisitions, say.
// Both are bounded whatever the graph's size; the counts shown come from the degree store.
// :param labels => null
// :param kinds => null
// :param limit => 20
// :param cap => 2000
CALL () {
  // The UNWIND yields no row when kinds are given, so the degree index is not read at all then.
  UNWIND CASE WHEN $kinds IS NULL THEN [1] ELSE [] END AS _
  CALL () {
    MATCH (n:Entity) WHERE n.degree >= 0
    WITH n ORDER BY n.degree DESC
    WHERE $labels IS NULL OR n.label IN $labels
    WITH n.degree AS degree LIMIT $limit
    RETURN min(degree) AS threshold
  }
  MATCH (n:Entity) WHERE n.degree >= threshold AND ($labels IS NULL OR n.label IN $labels)
  RETURN n, COUNT { (n)<-[:INVOLVES]-() } AS events,
    COUNT { (n)-[:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]-() } AS relationships
  UNION ALL
  UNWIND coalesce($kinds, []) AS kind
  CALL (kind) {
    MATCH (e:Event) WHERE e.kind = kind AND e.sortKey > ''
    RETURN e ORDER BY e.kind DESC, e.sortKey DESC LIMIT $cap
  }
  WITH e ORDER BY e.sortKey DESC LIMIT $cap
  MATCH (e)-[:INVOLVES]->(n:Entity)
  WHERE $labels IS NULL OR n.label IN $labels
  RETURN n, count(*) AS events, 0 AS relationships
}
WITH n, events, relationships, events + relationships AS score
ORDER BY score DESC, n.id
LIMIT $limit
RETURN n {.*} AS entity, events, relationships, score;
