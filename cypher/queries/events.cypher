// Events: every list of events (events, timeline, talentMoves, acquisitions, an entity's events)
// is a bounded read of a range index in (date, id) order, with participants and citations
// projected in the same round trip. `sortKey` is "<date or ~> <id>" (src/model/sortKeys.ts), so one
// string orders the page and serves as its cursor: a page is the index range
// ($page.lower, $page.upper) exclusive, read from the start, at most $scan entries per index seek.
// ORDER BY names every property of the composite index (the equal ones first), so the planner
// reads the index in order and stops at the LIMIT instead of sorting the whole range.
// The strings and lists of a page, a count or a scope come in one map ($page, $filter, $scope):
// Neo4j caches a plan per query text and parameter *types*, and a string's or a list's type
// includes whether it is null or empty and a bucket of its size (0, 1, up to 10, up to 100…), so
// sent one by one they made a plan per combination of filters and cursors, each first call of a
// combination planned anew; a map's type is only MAP. Numbers and booleans have no size and stay apart.
// Participants are projected with the properties the Entity types expose, not every stored one.
// Plans: docs/performance.md.

// @query eventPage
// One way in, chosen by the parameters ($page.kinds null: every kind):
//   $page.anchor {id, role}       → that entity's INVOLVES edges in that role (involves_entity_role_sort);
//   $page.anchor {id}, no kinds   → that entity's INVOLVES edges (involves_entity_sort);
//   $page.anchor {id}, kinds      → one seek per kind (involves_entity_kind_sort);
//   no anchor, no kinds      → events in order (event_sort);
//   no anchor, kinds         → one seek per kind (event_kind_sort).
// Further participant filters ($page.others) are checked on each event's own few edges. The per-kind
// seeks are merged by a sort of at most size($page.kinds) × $scan rows.
// :param page => {anchor: {id: 'org/bytedance', role: 'to'}, others: [], kinds: ['TALENT_MOVE'], lower: '', upper: '\uffff'}
// :param scan => 21
// :param first => 20
CALL () {
  WITH $page.anchor AS a WHERE a IS NOT NULL AND a.role IS NOT NULL
  MATCH ()-[i:INVOLVES]->() WHERE i.entityId = a.id AND i.role = a.role AND i.sortKey > $page.lower AND i.sortKey < $page.upper
  WITH i ORDER BY i.entityId, i.role, i.sortKey
  WHERE $page.kinds IS NULL OR i.kind IN $page.kinds
  RETURN i.sortKey AS sortKey, startNode(i) AS e LIMIT $scan
  UNION ALL
  WITH $page.anchor AS a WHERE a IS NOT NULL AND a.role IS NULL AND $page.kinds IS NULL
  MATCH ()-[i:INVOLVES]->() WHERE i.entityId = a.id AND i.sortKey > $page.lower AND i.sortKey < $page.upper
  WITH i ORDER BY i.entityId, i.sortKey LIMIT $scan
  RETURN i.sortKey AS sortKey, startNode(i) AS e
  UNION ALL
  UNWIND CASE WHEN $page.anchor IS NOT NULL AND $page.anchor.role IS NULL THEN coalesce($page.kinds, []) ELSE [] END AS kind
  CALL (kind) {
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = $page.anchor.id AND i.kind = kind AND i.sortKey > $page.lower AND i.sortKey < $page.upper
    RETURN i ORDER BY i.entityId, i.kind, i.sortKey LIMIT $scan
  }
  RETURN i.sortKey AS sortKey, startNode(i) AS e
  UNION ALL
  WITH $page.anchor AS a WHERE a IS NULL AND $page.kinds IS NULL
  MATCH (e:Event) WHERE e.sortKey > $page.lower AND e.sortKey < $page.upper
  WITH e ORDER BY e.sortKey LIMIT $scan
  RETURN e.sortKey AS sortKey, e
  UNION ALL
  UNWIND CASE WHEN $page.anchor IS NULL THEN coalesce($page.kinds, []) ELSE [] END AS kind
  CALL (kind) {
    MATCH (e:Event) WHERE e.kind = kind AND e.sortKey > $page.lower AND e.sortKey < $page.upper
    RETURN e ORDER BY e.kind, e.sortKey LIMIT $scan
  }
  RETURN e.sortKey AS sortKey, e
}
WITH DISTINCT sortKey, e
WHERE e:Event AND all(f IN $page.others WHERE EXISTS { (e)-[i:INVOLVES]->() WHERE i.role = f.role AND i.entityId = f.id })
WITH e ORDER BY sortKey LIMIT $first + 1
RETURN e {
  .*,
  participants: [(e)-[i:INVOLVES]->(x:Entity) | {role: i.role, position: i.position, entity: x {.id, .label, .name, .names, .description, .categories, .anonymous, .degree, .latestEvent, .sourceCount}}],
  sources: [(e)-[c:CITES]->(s:Source) | {quote: c.quote, position: c.position, offset: c.offset, source: s {.id, .title, .publisher, .date, .language}}]
} AS event;

// @query eventPageBackward
// eventPage read from the other end (Relay's `last`/`before`): the same five ways in, each range
// index read in descending order from $page.upper, so a page before a cursor costs what a page after
// one does. Cypher cannot take the direction of an ORDER BY as a parameter, hence this mirror;
// keep the two in step. Rows come last first; the store puts them back in list order.
// :param page => {anchor: {id: 'org/bytedance', role: 'to'}, others: [], kinds: ['TALENT_MOVE'], lower: '', upper: '\uffff'}
// :param scan => 21
// :param first => 20
CALL () {
  WITH $page.anchor AS a WHERE a IS NOT NULL AND a.role IS NOT NULL
  MATCH ()-[i:INVOLVES]->() WHERE i.entityId = a.id AND i.role = a.role AND i.sortKey > $page.lower AND i.sortKey < $page.upper
  WITH i ORDER BY i.entityId DESC, i.role DESC, i.sortKey DESC
  WHERE $page.kinds IS NULL OR i.kind IN $page.kinds
  RETURN i.sortKey AS sortKey, startNode(i) AS e LIMIT $scan
  UNION ALL
  WITH $page.anchor AS a WHERE a IS NOT NULL AND a.role IS NULL AND $page.kinds IS NULL
  MATCH ()-[i:INVOLVES]->() WHERE i.entityId = a.id AND i.sortKey > $page.lower AND i.sortKey < $page.upper
  WITH i ORDER BY i.entityId DESC, i.sortKey DESC LIMIT $scan
  RETURN i.sortKey AS sortKey, startNode(i) AS e
  UNION ALL
  UNWIND CASE WHEN $page.anchor IS NOT NULL AND $page.anchor.role IS NULL THEN coalesce($page.kinds, []) ELSE [] END AS kind
  CALL (kind) {
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = $page.anchor.id AND i.kind = kind AND i.sortKey > $page.lower AND i.sortKey < $page.upper
    RETURN i ORDER BY i.entityId DESC, i.kind DESC, i.sortKey DESC LIMIT $scan
  }
  RETURN i.sortKey AS sortKey, startNode(i) AS e
  UNION ALL
  WITH $page.anchor AS a WHERE a IS NULL AND $page.kinds IS NULL
  MATCH (e:Event) WHERE e.sortKey > $page.lower AND e.sortKey < $page.upper
  WITH e ORDER BY e.sortKey DESC LIMIT $scan
  RETURN e.sortKey AS sortKey, e
  UNION ALL
  UNWIND CASE WHEN $page.anchor IS NULL THEN coalesce($page.kinds, []) ELSE [] END AS kind
  CALL (kind) {
    MATCH (e:Event) WHERE e.kind = kind AND e.sortKey > $page.lower AND e.sortKey < $page.upper
    RETURN e ORDER BY e.kind DESC, e.sortKey DESC LIMIT $scan
  }
  RETURN e.sortKey AS sortKey, e
}
WITH DISTINCT sortKey, e
WHERE e:Event AND all(f IN $page.others WHERE EXISTS { (e)-[i:INVOLVES]->() WHERE i.role = f.role AND i.entityId = f.id })
WITH e ORDER BY sortKey DESC LIMIT $first + 1
RETURN e {
  .*,
  participants: [(e)-[i:INVOLVES]->(x:Entity) | {role: i.role, position: i.position, entity: x {.id, .label, .name, .names, .description, .categories, .anonymous, .degree, .latestEvent, .sourceCount}}],
  sources: [(e)-[c:CITES]->(s:Source) | {quote: c.quote, position: c.position, source: s {.id, .title, .publisher, .date, .language}}]
} AS event;

// @query eventCount
// How many events a page's filters match, counted from the same index ranges but only up to
// $cap + 1 distinct events; with no filter at all, exact from the count store.
// :param filter => {anchor: {id: 'org/bytedance', role: 'to'}, others: [], kinds: ['TALENT_MOVE'], lower: '', upper: '\uffff'}
// :param unfiltered => false
// :param cap => 1000
CALL () {
  WITH $unfiltered AS unfiltered WHERE unfiltered
  RETURN COUNT { (:Event) } AS count
  UNION ALL
  CALL () {
    WITH $filter.anchor AS a WHERE NOT $unfiltered AND a IS NOT NULL AND a.role IS NOT NULL
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = a.id AND i.role = a.role AND i.sortKey > $filter.lower AND i.sortKey < $filter.upper
    WITH i WHERE $filter.kinds IS NULL OR i.kind IN $filter.kinds
    RETURN startNode(i) AS e
    UNION ALL
    WITH $filter.anchor AS a WHERE NOT $unfiltered AND a IS NOT NULL AND a.role IS NULL AND $filter.kinds IS NULL
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = a.id AND i.sortKey > $filter.lower AND i.sortKey < $filter.upper
    RETURN startNode(i) AS e
    UNION ALL
    UNWIND CASE WHEN NOT $unfiltered AND $filter.anchor IS NOT NULL AND $filter.anchor.role IS NULL THEN coalesce($filter.kinds, []) ELSE [] END AS kind
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = $filter.anchor.id AND i.kind = kind AND i.sortKey > $filter.lower AND i.sortKey < $filter.upper
    RETURN startNode(i) AS e
    UNION ALL
    WITH $filter.anchor AS a WHERE NOT $unfiltered AND a IS NULL AND $filter.kinds IS NULL
    MATCH (e:Event) WHERE e.sortKey > $filter.lower AND e.sortKey < $filter.upper
    RETURN e
    UNION ALL
    UNWIND CASE WHEN NOT $unfiltered AND $filter.anchor IS NULL THEN coalesce($filter.kinds, []) ELSE [] END AS kind
    MATCH (e:Event) WHERE e.kind = kind AND e.sortKey > $filter.lower AND e.sortKey < $filter.upper
    RETURN e
  }
  WITH DISTINCT e
  WHERE all(f IN $filter.others WHERE EXISTS { (e)-[i:INVOLVES]->() WHERE i.role = f.role AND i.entityId = f.id })
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
  participants: [(e)-[i:INVOLVES]->(x:Entity) | {role: i.role, position: i.position, entity: x {.id, .label, .name, .names, .description, .categories, .anonymous, .degree, .latestEvent, .sourceCount}}],
  sources: [(e)-[c:CITES]->(s:Source) | {quote: c.quote, position: c.position, offset: c.offset, source: s {.id, .title, .publisher, .date, .language}}]
} AS event;

// @query eventsOfEntities
// A page of events of many entities at once (Organization.acquisitions, Person.moves,
// Entity.events…), each from its own index range ($scope.after, $scope.before) exclusive: in a role, of some
// kinds, or all; $first + 1 of them, so that the caller knows whether more follow. An entity in
// two roles of one event has two entries for it, hence $scan (twice the page) entries read
// without a role.
// :param scope => {ids: ['org/oppo'], role: 'acquirer', kinds: ['ACQUISITION'], after: '', before: '\uffff'}
// :param scan => 51
// :param first => 50
UNWIND $scope.ids AS id
CALL (id) {
  CALL (id) {
    WITH $scope.role AS role WHERE role IS NOT NULL
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.role = role AND i.sortKey > $scope.after AND i.sortKey < $scope.before
    RETURN i ORDER BY i.entityId, i.role, i.sortKey LIMIT $scan
    UNION ALL
    WITH $scope.role AS role WHERE role IS NULL AND $scope.kinds IS NULL
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.sortKey > $scope.after AND i.sortKey < $scope.before
    RETURN i ORDER BY i.entityId, i.sortKey LIMIT $scan
    UNION ALL
    UNWIND CASE WHEN $scope.role IS NULL THEN coalesce($scope.kinds, []) ELSE [] END AS kind
    CALL (id, kind) {
      MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.kind = kind AND i.sortKey > $scope.after AND i.sortKey < $scope.before
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
  participants: [(e)-[i:INVOLVES]->(x:Entity) | {role: i.role, position: i.position, entity: x {.id, .label, .name, .names, .description, .categories, .anonymous, .degree, .latestEvent, .sourceCount}}],
  sources: [(e)-[c:CITES]->(s:Source) | {quote: c.quote, position: c.position, offset: c.offset, source: s {.id, .title, .publisher, .date, .language}}]
}) AS events
RETURN id, events;

// @query eventsOfEntitiesBackward
// eventsOfEntities read from the other end (Relay's `last`/`before` on an entity's nested
// connections): each entity's index range read in descending order from $scope.before, so a page
// before a cursor costs what a page after one does. Keep the two in step (as eventPage and
// eventPageBackward). Each entity's events come last first; the store puts them back in order.
// :param scope => {ids: ['org/oppo'], role: 'acquirer', kinds: ['ACQUISITION'], after: '', before: '\uffff'}
// :param scan => 51
// :param first => 50
UNWIND $scope.ids AS id
CALL (id) {
  CALL (id) {
    WITH $scope.role AS role WHERE role IS NOT NULL
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.role = role AND i.sortKey > $scope.after AND i.sortKey < $scope.before
    RETURN i ORDER BY i.entityId DESC, i.role DESC, i.sortKey DESC LIMIT $scan
    UNION ALL
    WITH $scope.role AS role WHERE role IS NULL AND $scope.kinds IS NULL
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.sortKey > $scope.after AND i.sortKey < $scope.before
    RETURN i ORDER BY i.entityId DESC, i.sortKey DESC LIMIT $scan
    UNION ALL
    UNWIND CASE WHEN $scope.role IS NULL THEN coalesce($scope.kinds, []) ELSE [] END AS kind
    CALL (id, kind) {
      MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.kind = kind AND i.sortKey > $scope.after AND i.sortKey < $scope.before
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
  participants: [(e)-[i:INVOLVES]->(x:Entity) | {role: i.role, position: i.position, entity: x {.id, .label, .name, .names, .description, .categories, .anonymous, .degree, .latestEvent, .sourceCount}}],
  sources: [(e)-[c:CITES]->(s:Source) | {quote: c.quote, position: c.position, offset: c.offset, source: s {.id, .title, .publisher, .date, .language}}]
}) AS events
RETURN id, events;

// @query eventCountsOfEntities
// How many events each of many entities takes part in (in a role, of some kinds, or all), from the
// same index ranges as eventsOfEntities, up to $cap + 1 distinct events each.
// :param scope => {ids: ['org/oppo'], role: 'acquirer', kinds: null}
// :param cap => 1000
UNWIND $scope.ids AS id
CALL (id) {
  CALL (id) {
    WITH $scope.role AS role WHERE role IS NOT NULL
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.role = role AND i.sortKey > ''
    RETURN startNode(i) AS e
    UNION ALL
    WITH $scope.role AS role WHERE role IS NULL AND $scope.kinds IS NULL
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.sortKey > ''
    RETURN startNode(i) AS e
    UNION ALL
    UNWIND CASE WHEN $scope.role IS NULL THEN coalesce($scope.kinds, []) ELSE [] END AS kind
    MATCH ()-[i:INVOLVES]->() WHERE i.entityId = id AND i.kind = kind AND i.sortKey > ''
    RETURN startNode(i) AS e
  }
  WITH DISTINCT e
  WHERE e:Event
  WITH e LIMIT $cap + 1
  RETURN count(e) AS count
}
RETURN id, count;
