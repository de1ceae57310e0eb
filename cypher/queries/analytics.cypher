// Who sits at the centre: entities ranked by the events and stable relationships they take part in.

// @query centrality
// An entity's score is its events (one per role it plays: INVOLVES edges) plus, without a kinds
// filter, its stable relationships (either direction). Two exclusive ways, chosen by $kinds:
//   no kinds → a scan of the asked labels (all entities when $labels is null); every count comes
//              from the degree store (getDegree, no relationship is expanded, hubs cost the same as
//              leaves), kept in a top-$limit heap;
//   kinds    → from the event_kind index to those events and their participants, counted per entity.
// The UNWIND CASE … [] lines make a branch produce no rows before its scan, so only the labels
// asked for are scanned (a `WHERE $param` filter would run after the scan).
// Ties go by id, so the order is stable.
// :param labels => null
// :param kinds => null
// :param limit => 20
CALL () {
  UNWIND CASE WHEN $kinds IS NULL THEN coalesce($labels, ['Entity']) ELSE [] END AS label
  CALL (label) {
    UNWIND CASE label WHEN 'Entity' THEN [1] ELSE [] END AS _
    MATCH (n:Entity) RETURN n
    UNION ALL
    UNWIND CASE label WHEN 'Person' THEN [1] ELSE [] END AS _
    MATCH (n:Person) RETURN n
    UNION ALL
    UNWIND CASE label WHEN 'Organization' THEN [1] ELSE [] END AS _
    MATCH (n:Organization) RETURN n
    UNION ALL
    UNWIND CASE label WHEN 'Product' THEN [1] ELSE [] END AS _
    MATCH (n:Product) RETURN n
    UNION ALL
    UNWIND CASE label WHEN 'Group' THEN [1] ELSE [] END AS _
    MATCH (n:Group) RETURN n
  }
  RETURN n, COUNT { (n)<-[:INVOLVES]-() } AS events,
    COUNT { (n)-[:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF]-() } AS relationships
  UNION ALL
  MATCH (e:Event) WHERE e.kind IN $kinds
  MATCH (e)-[:INVOLVES]->(n:Entity)
  WHERE $labels IS NULL OR any(l IN labels(n) WHERE l IN $labels)
  RETURN n, count(*) AS events, 0 AS relationships
}
WITH n, events, relationships, events + relationships AS score
ORDER BY score DESC, n.id
LIMIT $limit
RETURN n {.*} AS entity, events, relationships, score;
