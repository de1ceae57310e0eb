// Graph-shaped selections for visualisers: the `graph(...)` query and the /export/graph.* files.
// Nodes are entities and events; edges are the stable relationships and the event role edges
// (INVOLVES), never the provenance edges to the Source (which would join everything in two hops).

// @query subgraph
// One selection, in three exclusive ways (which one follows from the parameters):
//   seeds given       → nodes within $depth hops of a seed (0 to 3), walking only through events
//                       that pass the kind and date filters; seeds themselves always kept;
//   filters, no seeds → events that pass the filters (per kind, in (date, id) order from
//                       event_kind_sort), and the entities taking part in them;
//   neither           → entities and events in id / (date, id) order from their indexes.
// Every step is bounded by $limit, so a hub in 100k events costs what a small node does: a node
// gives the walk at most $limit neighbours, each level keeps at most $limit new nodes, and the
// walk stops pulling as soon as a level is full. `truncated` says whether any cap was reached.
// Nodes are then ordered by distance from the selection's core, then id, and capped at $limit;
// the edges are every edge among the kept nodes, found from each node's outgoing side (INVOLVES
// leaves the event; a hub's outgoing stable relationships are few). Rows stream out as all the
// nodes first, then all the edges (one UNION ALL, in that order), each with the node count
// `total` and `truncated`.
// $to is an inclusive upper bound already widened by the caller ("2024-05" → "2024-05\uffff").
// :param seeds => ['org/moonshot-ai']
// :param depth => 1
// :param kinds => null
// :param from => null
// :param to => null
// :param limit => 500
// :param allKinds => ['ACQUISITION', 'TALENT_MOVE']
CALL () {
  CALL () {
    UNWIND coalesce($seeds, []) AS seedId
    CALL (seedId) {
      MATCH (s:Entity {id: seedId}) RETURN s
      UNION
      MATCH (s:Event {id: seedId}) RETURN s
    }
    RETURN collect(DISTINCT s) AS level0
  }
  CALL (level0) {
    UNWIND CASE WHEN $depth >= 1 THEN level0 ELSE [] END AS x
    CALL (x) {
      MATCH (x)-[:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF|INVOLVES]-(n)
      WHERE n:Entity OR (n:Event AND ($kinds IS NULL OR n.kind IN $kinds)
        AND ($from IS NULL OR n.date >= $from) AND ($to IS NULL OR n.date <= $to))
      RETURN n LIMIT $limit + 1
    }
    WITH DISTINCT n WHERE NOT n IN level0
    WITH n LIMIT $limit + 1
    RETURN collect(n) AS level1
  }
  CALL (level0, level1) {
    UNWIND CASE WHEN $depth >= 2 THEN level1[0..$limit] ELSE [] END AS x
    CALL (x) {
      MATCH (x)-[:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF|INVOLVES]-(n)
      WHERE n:Entity OR (n:Event AND ($kinds IS NULL OR n.kind IN $kinds)
        AND ($from IS NULL OR n.date >= $from) AND ($to IS NULL OR n.date <= $to))
      RETURN n LIMIT $limit + 1
    }
    WITH DISTINCT n WHERE NOT n IN level0 AND NOT n IN level1
    WITH n LIMIT $limit + 1
    RETURN collect(n) AS level2
  }
  CALL (level0, level1, level2) {
    UNWIND CASE WHEN $depth >= 3 THEN level2[0..$limit] ELSE [] END AS x
    CALL (x) {
      MATCH (x)-[:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF|INVOLVES]-(n)
      WHERE n:Entity OR (n:Event AND ($kinds IS NULL OR n.kind IN $kinds)
        AND ($from IS NULL OR n.date >= $from) AND ($to IS NULL OR n.date <= $to))
      RETURN n LIMIT $limit + 1
    }
    WITH DISTINCT n WHERE NOT n IN level0 AND NOT n IN level1 AND NOT n IN level2
    WITH n LIMIT $limit + 1
    RETURN collect(n) AS level3
  }
  UNWIND [[level0, 0], [level1, 1], [level2, 2], [level3, 3]] AS level
  UNWIND level[0] AS n
  RETURN n, level[1] AS distance
  UNION ALL
  UNWIND CASE WHEN $seeds IS NULL AND ($kinds IS NOT NULL OR $from IS NOT NULL OR $to IS NOT NULL)
    THEN coalesce($kinds, $allKinds) ELSE [] END AS kind
  CALL (kind) {
    MATCH (e:Event)
    WHERE e.kind = kind AND e.sortKey >= coalesce($from, '') AND e.sortKey < coalesce($to, CASE WHEN $from IS NULL THEN '\uffff' ELSE '~' END)
    RETURN e ORDER BY e.kind, e.sortKey LIMIT $limit + 1
  }
  UNWIND [{n: e, distance: 0}] + [(e)-[:INVOLVES]->(x:Entity) | {n: x, distance: 1}] AS reached
  RETURN reached.n AS n, reached.distance AS distance
  UNION ALL
  // The UNWIND yields no row unless the whole graph is asked for, so no index is read otherwise.
  UNWIND CASE WHEN $seeds IS NULL AND $kinds IS NULL AND $from IS NULL AND $to IS NULL THEN [1] ELSE [] END AS _
  CALL () {
    MATCH (n:Entity) WHERE n.id > ''
    RETURN n ORDER BY n.id LIMIT $limit + 1
    UNION ALL
    MATCH (n:Event) WHERE n.sortKey > ''
    RETURN n ORDER BY n.sortKey LIMIT $limit + 1
  }
  RETURN n, 0 AS distance
}
WITH n, min(distance) AS distance
ORDER BY distance, n.id
WITH collect(n) AS selected
WITH size(selected) AS total, selected[0..$limit] AS ns
CALL (ns) {
  UNWIND ns AS n
  RETURN 'node' AS element, n {
    .id, .label, .kind, .date, .dateNote, .description, .anonymous, .names, .categories,
    name: coalesce(n.name, n.summary), summary: n.summary
  } AS data
  UNION ALL
  // One sort of all the edges by their node's place in ns (not a subquery and a sort per node: a
  // quarter less of Neo4j's CPU for 2,000 nodes), in the same order.
  UNWIND range(0, size(ns) - 1) AS i
  WITH ns, i, ns[i] AS x
  MATCH (x)-[r:FOUNDED|WORKS_AT|PARTNER_AT|SUBSIDIARY_OF|INVESTED_IN|MAKES|MEMBER_OF|INVOLVES]->(y)
  WHERE y IN ns
  WITH x, r, y ORDER BY i, type(r), y.id, r.role
  RETURN 'edge' AS element, {
    id: coalesce(r.id, elementId(r)), source: x.id, target: y.id,
    type: type(r), role: r.role, quote: r.quote, since: r.since, until: r.until,
    date: CASE WHEN x:Event THEN x.date END
  } AS data
}
RETURN element, data, total;
