// Events: every list of events (events, timeline, talentMoves, acquisitions, an entity's events)
// is a bounded read of a range index in (date, id) order, with participants and citations
// projected in the same round trip. `sortKey` is "<date or ~> <id>" (src/model/sortKeys.ts), so one
// string orders the page and serves as its cursor: a page is the index range
// ($lower, $upper) exclusive, read from the start, at most $scan entries per index seek.
// ORDER BY names every property of the composite index (the equal ones first), so the planner
// reads the index in order and stops at the LIMIT instead of sorting the whole range.
// Plans: docs/performance.md.

// @query eventPage
// One way in, chosen by the parameters ($kinds null: every kind):
//   $anchor {id, role}       → that entity's INVOLVES edges in that role (involves_entity_role_sort);
//   $anchor {id}, no kinds   → that entity's INVOLVES edges (involves_entity_sort);
//   $anchor {id}, kinds      → one seek per kind (involves_entity_kind_sort);
//   no anchor, no kinds      → events in order (event_sort);
//   no anchor, kinds         → one seek per kind (event_kind_sort).
// Further participant filters ($others) are checked on each event's own few edges. The per-kind
// seeks are merged by a sort of at most size($kinds) × $scan rows.
// :param anchor => {id: 'org/bytedance', role: 'to'}
// :param others => []
// :param kinds => ['TALENT_MOVE']
// :param lower => ''
// :param upper => '\uffff'
// :param scan => 21
// :param first => 20
CALL () {
  WITH $anchor AS a WHERE a IS NOT NULL AND a.role IS NOT NULL
  MATCH ()-[i:INVOLVES]->() WHERE i.entityId = a.id AND i.role = a.role AND i.sortKey > $lower AND i.sortKey < $upper
  WITH i ORDER BY i.entityId, i.role, i.sortKey
  WHERE $kinds IS NULL OR i.kind IN $kinds
  RETURN i.sortKey AS sortKey, startNode(i) AS e LIMIT $scan
  UNION ALL
  WITH $anchor AS a WHERE a IS NOT NULL AND a.role IS NULL AND $kinds IS NULL
  MATCH ()-[i:INVOLVES]->() WHERE i.entityId = a.id AND i.sortKey > $lower AND i.sortKey < $upper
  WITH i ORDER BY i.entityId, i.sortKey LIMIT $scan
  RETURN i.sortKey AS sortKey, startNode(i) AS e
  UNION ALL
  UNWIND CASE WHEN $anchor IS NOT NULL AND $anchor.role IS NULL THEN coalesce($kinds, []) ELSE [] END AS kind
  CALL (kind) {
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = $anchor.id AND i.kind = kind AND i.sortKey > $lower AND i.sortKey < $upper
    RETURN i ORDER BY i.entityId, i.kind, i.sortKey LIMIT $scan
  }
  RETURN i.sortKey AS sortKey, startNode(i) AS e
  UNION ALL
  WITH $anchor AS a WHERE a IS NULL AND $kinds IS NULL
  MATCH (e:Event) WHERE e.sortKey > $lower AND e.sortKey < $upper
  WITH e ORDER BY e.sortKey LIMIT $scan
  RETURN e.sortKey AS sortKey, e
  UNION ALL
  UNWIND CASE WHEN $anchor IS NULL THEN coalesce($kinds, []) ELSE [] END AS kind
  CALL (kind) {
    MATCH (e:Event) WHERE e.kind = kind AND e.sortKey > $lower AND e.sortKey < $upper
    RETURN e ORDER BY e.kind, e.sortKey LIMIT $scan
  }
  RETURN e.sortKey AS sortKey, e
}
WITH DISTINCT sortKey, e
WHERE e:Event AND all(f IN $others WHERE EXISTS { (e)-[i:INVOLVES]->() WHERE i.role = f.role AND i.entityId = f.id })
WITH e ORDER BY sortKey LIMIT $first + 1
RETURN e {
  .*,
  participants: [(e)-[i:INVOLVES]->(x:Entity) | {role: i.role, position: i.position, entity: x {.*}}],
  sources: [(e)-[c:CITES]->(s:Source) | {quote: c.quote, position: c.position, offset: c.offset, source: s {.id, .title, .publisher, .date, .language}}]
} AS event;

// @query eventPageBackward
// eventPage read from the other end (Relay's `last`/`before`): the same five ways in, each range
// index read in descending order from $upper, so a page before a cursor costs what a page after
// one does. Cypher cannot take the direction of an ORDER BY as a parameter, hence this mirror;
// keep the two in step. Rows come last first; the store puts them back in list order.
// :param anchor => {id: 'org/bytedance', role: 'to'}
// :param others => []
// :param kinds => ['TALENT_MOVE']
// :param lower => ''
// :param upper => '\uffff'
// :param scan => 21
// :param first => 20
CALL () {
  WITH $anchor AS a WHERE a IS NOT NULL AND a.role IS NOT NULL
  MATCH ()-[i:INVOLVES]->() WHERE i.entityId = a.id AND i.role = a.role AND i.sortKey > $lower AND i.sortKey < $upper
  WITH i ORDER BY i.entityId DESC, i.role DESC, i.sortKey DESC
  WHERE $kinds IS NULL OR i.kind IN $kinds
  RETURN i.sortKey AS sortKey, startNode(i) AS e LIMIT $scan
  UNION ALL
  WITH $anchor AS a WHERE a IS NOT NULL AND a.role IS NULL AND $kinds IS NULL
  MATCH ()-[i:INVOLVES]->() WHERE i.entityId = a.id AND i.sortKey > $lower AND i.sortKey < $upper
  WITH i ORDER BY i.entityId DESC, i.sortKey DESC LIMIT $scan
  RETURN i.sortKey AS sortKey, startNode(i) AS e
  UNION ALL
  UNWIND CASE WHEN $anchor IS NOT NULL AND $anchor.role IS NULL THEN coalesce($kinds, []) ELSE [] END AS kind
  CALL (kind) {
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = $anchor.id AND i.kind = kind AND i.sortKey > $lower AND i.sortKey < $upper
    RETURN i ORDER BY i.entityId DESC, i.kind DESC, i.sortKey DESC LIMIT $scan
  }
  RETURN i.sortKey AS sortKey, startNode(i) AS e
  UNION ALL
  WITH $anchor AS a WHERE a IS NULL AND $kinds IS NULL
  MATCH (e:Event) WHERE e.sortKey > $lower AND e.sortKey < $upper
  WITH e ORDER BY e.sortKey DESC LIMIT $scan
  RETURN e.sortKey AS sortKey, e
  UNION ALL
  UNWIND CASE WHEN $anchor IS NULL THEN coalesce($kinds, []) ELSE [] END AS kind
  CALL (kind) {
    MATCH (e:Event) WHERE e.kind = kind AND e.sortKey > $lower AND e.sortKey < $upper
    RETURN e ORDER BY e.kind DESC, e.sortKey DESC LIMIT $scan
  }
  RETURN e.sortKey AS sortKey, e
}
WITH DISTINCT sortKey, e
WHERE e:Event AND all(f IN $others WHERE EXISTS { (e)-[i:INVOLVES]->() WHERE i.role = f.role AND i.entityId = f.id })
WITH e ORDER BY sortKey DESC LIMIT $first + 1
RETURN e {
  .*,
  participants: [(e)-[i:INVOLVES]->(x:Entity) | {role: i.role, position: i.position, entity: x {.*}}],
  sources: [(e)-[c:CITES]->(s:Source) | {quote: c.quote, position: c.position, source: s {.id, .title, .publisher, .date, .language}}]
} AS event;

// @query eventCount
// How many events a page's filters match, counted from the same index ranges but only up to
// $cap + 1 distinct events; with no filter at all, exact from the count store.
// :param anchor => {id: 'org/bytedance', role: 'to'}
// :param others => []
// :param kinds => ['TALENT_MOVE']
// :param lower => ''
// :param upper => '\uffff'
// :param unfiltered => false
// :param cap => 1000
CALL () {
  WITH $unfiltered AS unfiltered WHERE unfiltered
  RETURN COUNT { (:Event) } AS count
  UNION ALL
  CALL () {
    WITH $anchor AS a WHERE NOT $unfiltered AND a IS NOT NULL AND a.role IS NOT NULL
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = a.id AND i.role = a.role AND i.sortKey > $lower AND i.sortKey < $upper
    WITH i WHERE $kinds IS NULL OR i.kind IN $kinds
    RETURN startNode(i) AS e
    UNION ALL
    WITH $anchor AS a WHERE NOT $unfiltered AND a IS NOT NULL AND a.role IS NULL AND $kinds IS NULL
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = a.id AND i.sortKey > $lower AND i.sortKey < $upper
    RETURN startNode(i) AS e
    UNION ALL
    UNWIND CASE WHEN NOT $unfiltered AND $anchor IS NOT NULL AND $anchor.role IS NULL THEN coalesce($kinds, []) ELSE [] END AS kind
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = $anchor.id AND i.kind = kind AND i.sortKey > $lower AND i.sortKey < $upper
    RETURN startNode(i) AS e
    UNION ALL
    WITH $anchor AS a WHERE NOT $unfiltered AND a IS NULL AND $kinds IS NULL
    MATCH (e:Event) WHERE e.sortKey > $lower AND e.sortKey < $upper
    RETURN e
    UNION ALL
    UNWIND CASE WHEN NOT $unfiltered AND $anchor IS NULL THEN coalesce($kinds, []) ELSE [] END AS kind
    MATCH (e:Event) WHERE e.kind = kind AND e.sortKey > $lower AND e.sortKey < $upper
    RETURN e
  }
  WITH DISTINCT e
  WHERE all(f IN $others WHERE EXISTS { (e)-[i:INVOLVES]->() WHERE i.role = f.role AND i.entityId = f.id })
  WITH e LIMIT $cap + 1
  RETURN count(e) AS count
}
RETURN sum(count) AS count;

// @query eventsByIds
// :param ids => ['event/acquisition/oppo-acquires-waveform']
UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN e {
  .*,
  participants: [(e)-[i:INVOLVES]->(x:Entity) | {role: i.role, position: i.position, entity: x {.*}}],
  sources: [(e)-[c:CITES]->(s:Source) | {quote: c.quote, position: c.position, offset: c.offset, source: s {.id, .title, .publisher, .date, .language}}]
} AS event;

// @query eventsOfEntities
// A page of events of many entities at once (Organization.acquisitions, Person.moves,
// Entity.events…), each from its own index range ($after, $before) exclusive: in a role, of some
// kinds, or all; $first + 1 of them, so that the caller knows whether more follow. An entity in
// two roles of one event has two entries for it, hence $scan (twice the page) entries read
// without a role.
// :param ids => ['org/oppo']
// :param role => 'acquirer'
// :param kinds => ['ACQUISITION']
// :param after => ''
// :param before => '\uffff'
// :param scan => 51
// :param first => 50
UNWIND $ids AS id
CALL (id) {
  CALL (id) {
    WITH $role AS role WHERE role IS NOT NULL
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.role = role AND i.sortKey > $after AND i.sortKey < $before
    RETURN i ORDER BY i.entityId, i.role, i.sortKey LIMIT $scan
    UNION ALL
    WITH $role AS role WHERE role IS NULL AND $kinds IS NULL
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.sortKey > $after AND i.sortKey < $before
    RETURN i ORDER BY i.entityId, i.sortKey LIMIT $scan
    UNION ALL
    UNWIND CASE WHEN $role IS NULL THEN coalesce($kinds, []) ELSE [] END AS kind
    CALL (id, kind) {
      MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.kind = kind AND i.sortKey > $after AND i.sortKey < $before
      RETURN i ORDER BY i.entityId, i.kind, i.sortKey LIMIT $scan
    }
    RETURN i
  }
  WITH DISTINCT i.sortKey AS sortKey, startNode(i) AS e
  WHERE e:Event
  RETURN e ORDER BY sortKey LIMIT $first + 1
}
WITH id, collect(e {
  .*,
  participants: [(e)-[i:INVOLVES]->(x:Entity) | {role: i.role, position: i.position, entity: x {.*}}],
  sources: [(e)-[c:CITES]->(s:Source) | {quote: c.quote, position: c.position, offset: c.offset, source: s {.id, .title, .publisher, .date, .language}}]
}) AS events
RETURN id, events;

// @query eventsOfEntitiesBackward
// eventsOfEntities read from the other end (Relay's `last`/`before` on an entity's nested
// connections): each entity's index range read in descending order from $before, so a page
// before a cursor costs what a page after one does. Keep the two in step (as eventPage and
// eventPageBackward). Each entity's events come last first; the store puts them back in order.
// :param ids => ['org/oppo']
// :param role => 'acquirer'
// :param kinds => ['ACQUISITION']
// :param after => ''
// :param before => '\uffff'
// :param scan => 51
// :param first => 50
UNWIND $ids AS id
CALL (id) {
  CALL (id) {
    WITH $role AS role WHERE role IS NOT NULL
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.role = role AND i.sortKey > $after AND i.sortKey < $before
    RETURN i ORDER BY i.entityId DESC, i.role DESC, i.sortKey DESC LIMIT $scan
    UNION ALL
    WITH $role AS role WHERE role IS NULL AND $kinds IS NULL
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.sortKey > $after AND i.sortKey < $before
    RETURN i ORDER BY i.entityId DESC, i.sortKey DESC LIMIT $scan
    UNION ALL
    UNWIND CASE WHEN $role IS NULL THEN coalesce($kinds, []) ELSE [] END AS kind
    CALL (id, kind) {
      MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.kind = kind AND i.sortKey > $after AND i.sortKey < $before
      RETURN i ORDER BY i.entityId DESC, i.kind DESC, i.sortKey DESC LIMIT $scan
    }
    RETURN i
  }
  WITH DISTINCT i.sortKey AS sortKey, startNode(i) AS e
  WHERE e:Event
  RETURN e ORDER BY sortKey DESC LIMIT $first + 1
}
WITH id, collect(e {
  .*,
  participants: [(e)-[i:INVOLVES]->(x:Entity) | {role: i.role, position: i.position, entity: x {.*}}],
  sources: [(e)-[c:CITES]->(s:Source) | {quote: c.quote, position: c.position, offset: c.offset, source: s {.id, .title, .publisher, .date, .language}}]
}) AS events
RETURN id, events;

// @query eventCountsOfEntities
// How many events each of many entities takes part in (in a role, of some kinds, or all), from the
// same index ranges as eventsOfEntities, up to $cap + 1 distinct events each.
// :param ids => ['org/oppo']
// :param role => 'acquirer'
// :param kinds => null
// :param cap => 1000
UNWIND $ids AS id
CALL (id) {
  CALL (id) {
    WITH $role AS role WHERE role IS NOT NULL
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.role = role AND i.sortKey > ''
    RETURN startNode(i) AS e
    UNION ALL
    WITH $role AS role WHERE role IS NULL AND $kinds IS NULL
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.sortKey > ''
    RETURN startNode(i) AS e
    UNION ALL
    UNWIND CASE WHEN $role IS NULL THEN coalesce($kinds, []) ELSE [] END AS kind
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.kind = kind AND i.sortKey > ''
    RETURN startNode(i) AS e
  }
  WITH DISTINCT e
  WHERE e:Event
  WITH e LIMIT $cap + 1
  RETURN count(e) AS count
}
RETURN id, count;
