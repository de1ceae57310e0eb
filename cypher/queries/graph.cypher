// Traversals for paths and flows (neighbourhoods are graph selections: subgraph.cypher). They walk the stable relationships and the
// event role edges (INVOLVES), never the provenance edges to the Source (which would join
// everything in two hops). Cypher quantifiers cannot be parameters, so the API's maxima are
// literal here (10 hops) and the caller's smaller value applies as a predicate.

// @query shortestPath
// :param from => 'person/zhu-xiaohu'
// :param to => 'person/yang-zhilin'
// :param maxHops => 6
CALL () { MATCH (a:Entity {id: $from}) RETURN a UNION MATCH (a:Event {id: $from}) RETURN a }
CALL () { MATCH (b:Entity {id: $to}) RETURN b UNION MATCH (b:Event {id: $to}) RETURN b }
MATCH p = SHORTEST 1 (a)-[:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF|INVOLVES]-{0,10}(b)
WHERE length(p) <= $maxHops AND all(n IN nodes(p) WHERE n:Entity OR n:Event)
RETURN length(p) AS length,
  [n IN nodes(p) | n {.id, .label, .kind, .date, name: coalesce(n.name, n.summary)}] AS nodes,
  [r IN relationships(p) | {
    id: coalesce(r.id, elementId(r)), source: startNode(r).id, target: endNode(r).id,
    type: type(r), role: r.role, quote: r.quote
  }] AS edges;

// @query talentFlow
// Moves aggregated from organization to organization, for Sankey and chord diagrams: the latest
// $cap moves in the date range, read from event_kind_sort ($lower, $upper exclusive sortKeys),
// and of their links the $links widest.
// :param lower => ''
// :param upper => '\uffff'
// :param cap => 2000
// :param links => 500
MATCH (e:Event) WHERE e.kind = 'TALENT_MOVE' AND e.sortKey > $lower AND e.sortKey < $upper
WITH e ORDER BY e.kind DESC, e.sortKey DESC LIMIT $cap
MATCH (e)-[:INVOLVES {role: 'to'}]->(dest:Entity)
OPTIONAL MATCH (e)-[:INVOLVES {role: 'from'}]->(origin:Entity)
MATCH (e)-[:INVOLVES {role: 'mover'}]->(mover:Entity)
WITH origin, dest, collect(DISTINCT e.id) AS events,
     collect(DISTINCT mover {.*}) AS movers
RETURN origin {.*} AS origin, dest {.*} AS dest, size(events) AS count, movers, events
ORDER BY count DESC, dest.id, origin.id
LIMIT $links;
