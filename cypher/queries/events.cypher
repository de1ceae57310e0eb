// Events: one page query serves every event list (events, event, timeline, talentMoves,
// acquisitions), with participants and citations projected in the same round trip.
// Order: date (undated last), then id. Cursors carry the (sortKey, id) of the last row.

// @query eventPage
// :param ids => null
// :param kinds => ['TALENT_MOVE']
// :param involving => null
// :param roles => [{role: 'to', id: 'org/bytedance'}]
// :param from => null
// :param to => null
// :param after => null
// :param first => 20
MATCH (e:Event)
WHERE ($ids IS NULL OR e.id IN $ids)
  AND ($kinds IS NULL OR e.kind IN $kinds)
  AND ($involving IS NULL OR EXISTS { (e)-[:INVOLVES]->(:Entity {id: $involving}) })
  AND all(f IN $roles WHERE EXISTS { (e)-[:INVOLVES {role: f.role}]->(:Entity {id: f.id}) })
  AND ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date <= $to)
// Count every match, then sort only what lies after the cursor, keeping the first $first + 1
// (Neo4j plans ORDER BY … LIMIT as a top-k): no full sort of all matches per page.
WITH collect({e: e, sortKey: coalesce(e.date, '~')}) AS matched
CALL (matched) {
  UNWIND matched AS m
  WITH m
  WHERE $after IS NULL OR m.sortKey > $after.sortKey OR (m.sortKey = $after.sortKey AND m.e.id > $after.id)
  WITH m.e AS e, m.sortKey AS sortKey
  ORDER BY sortKey, e.id
  LIMIT $first + 1
  RETURN collect(e {
    .*,
    sortKey: sortKey,
    participants: [(e)-[i:INVOLVES]->(x:Entity) | {role: i.role, position: i.position, entity: x {.*}}],
    sources: [(e)-[c:CITES]->(s:Source) | {quote: c.quote, position: c.position, source: s {.id, .title, .publisher, .date, .language}}]
  }) AS events
}
RETURN size(matched) AS totalCount, events;

// @query eventsInvolving
// The events of many entities at once (Entity.events, Person.moves, Organization.acquisitions…).
// :param ids => ['org/oppo']
UNWIND $ids AS id
OPTIONAL MATCH (:Entity {id: id})<-[:INVOLVES]-(e:Event)
WITH DISTINCT id, e
ORDER BY coalesce(e.date, '~'), e.id
RETURN id, [x IN collect(e {
    .*,
    sortKey: coalesce(e.date, '~'),
    participants: [(e)-[i:INVOLVES]->(x:Entity) | {role: i.role, position: i.position, entity: x {.*}}],
    sources: [(e)-[c:CITES]->(s:Source) | {quote: c.quote, position: c.position, source: s {.id, .title, .publisher, .date, .language}}]
  }) WHERE x.id IS NOT NULL] AS events;
