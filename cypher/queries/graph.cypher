// Traversals for paths, neighbourhoods and flows. They walk the stable relationships and the
// event role edges (INVOLVES), never the provenance edges to the Source (which would join
// everything in two hops). Cypher quantifiers cannot be parameters, so the API's maxima are
// literal here (10 hops, 3 levels) and the caller's smaller values apply as predicates.

// @query shortestPath
// :param from => 'person/zhu-xiaohu'
// :param to => 'person/yang-zhilin'
// :param maxHops => 6
MATCH (a {id: $from}) WHERE a:Entity OR a:Event
MATCH (b {id: $to}) WHERE b:Entity OR b:Event
MATCH p = SHORTEST 1 (a)-[:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF|INVOLVES]-{0,10}(b)
WHERE length(p) <= $maxHops
RETURN length(p) AS length,
  [n IN nodes(p) | n {.id, .label, .kind, .date, name: coalesce(n.name, n.summary)}] AS nodes,
  [r IN relationships(p) | {
    id: coalesce(r.id, elementId(r)), source: startNode(r).id, target: endNode(r).id,
    type: type(r), role: r.role, quote: r.quote
  }] AS edges;

// @query neighborhood
// Breadth first, one level at a time (each level only from the previous one's new nodes), so the
// work grows with the edges touched, not with the number of paths; levels beyond $depth walk
// from an empty list.
// :param id => 'org/moonshot-ai'
// :param depth => 1
// :param limit => 200
MATCH (a {id: $id}) WHERE a:Entity OR a:Event
CALL (a) {
  MATCH (a)-[:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF|INVOLVES]-(n)
  WHERE n <> a
  RETURN collect(DISTINCT n) AS level1
}
CALL (a, level1) {
  UNWIND CASE WHEN $depth >= 2 THEN level1 ELSE [] END AS x
  MATCH (x)-[:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF|INVOLVES]-(n)
  WHERE n <> a AND NOT n IN level1
  RETURN collect(DISTINCT n) AS level2
}
CALL (a, level1, level2) {
  UNWIND CASE WHEN $depth >= 3 THEN level2 ELSE [] END AS x
  MATCH (x)-[:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF|INVOLVES]-(n)
  WHERE n <> a AND NOT n IN level1 AND NOT n IN level2
  RETURN collect(DISTINCT n) AS level3
}
CALL (level1, level2, level3) {
  UNWIND [[level1, 1], [level2, 2], [level3, 3]] AS level
  UNWIND level[0] AS n
  WITH n, level[1] AS distance
  ORDER BY distance, n.id
  LIMIT $limit - 1
  RETURN collect(n) AS others
}
WITH [a] + others AS ns
CALL (ns) {
  UNWIND ns AS x
  MATCH (x)-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF|INVOLVES]->(y)
  WHERE y IN ns
  RETURN collect(DISTINCT r) AS rs
}
RETURN
  [n IN ns | n {.id, .label, .kind, .date, name: coalesce(n.name, n.summary)}] AS nodes,
  [r IN rs | {
    id: coalesce(r.id, elementId(r)), source: startNode(r).id, target: endNode(r).id,
    type: type(r), role: r.role, quote: r.quote
  }] AS edges;

// @query talentFlow
// Moves aggregated from organization to organization, for Sankey and chord diagrams.
// :param from => null
// :param to => null
MATCH (e:TalentMove)-[:INVOLVES {role: 'to'}]->(dest:Entity)
WHERE ($from IS NULL OR e.date >= $from) AND ($to IS NULL OR e.date <= $to)
OPTIONAL MATCH (e)-[:INVOLVES {role: 'from'}]->(origin:Entity)
MATCH (e)-[:INVOLVES {role: 'mover'}]->(mover:Entity)
WITH origin, dest, collect(DISTINCT e.id) AS events,
     collect(DISTINCT mover {.id, .name, .label}) AS movers
RETURN origin {.id, .name} AS origin, dest {.id, .name} AS dest, size(events) AS count, movers, events
ORDER BY count DESC, dest.id, origin.id;
