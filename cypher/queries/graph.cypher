// Traversals for paths and flows (neighbourhoods are graph selections: subgraph.cypher). They walk the stable relationships and the
// event role edges (INVOLVES), never the provenance edges to the Source (which would join
// everything in two hops). Cypher quantifiers cannot be parameters, so the API's maxima are
// literal here (10 hops) and the caller's smaller value applies as a predicate.

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
