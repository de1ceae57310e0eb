// Event statistics (eventStats) from maintained tallies, never from the events themselves: a
// :Tally node per (kind, period) of events and per talent-move destination, kept by the writer in
// the transaction of every write (src/facts/factWriter.ts, the retract mutation) and recomputed
// over the whole graph after a bulk load (src/db/derived.ts, step eventTallies). Reads cost the
// number of tallies they touch (kinds × months), not the number of events.
//
// Tally ids: 'tally/events/<KIND>/<period>' and 'tally/movesTo/<organization id>'.
// A period is the event's date cut to its month ('2024-05'), or its year when the source gives
// only the year ('2024': never invented into a month), or '~' when undated (src/model/sortKeys.ts
// tallyPeriod) — so periods compare like event sortKeys, and a date range is the same range of
// periods as of sortKeys (sortKeyRange), inclusive of the lower bound.

// @query lockTallies
// The writer's first statement per write: MERGE + SET takes the write lock of every tally the write
// may change, in id order (so two writers never wait on each other crosswise). The lock is held
// until the transaction ends, so a concurrent writer of the same key waits here and its recount
// (countEventTallies / countMoveTallies, later statements) sees what this one committed.
// :param tallies => [{id: 'tally/events/TALENT_MOVE/2024', measure: 'events', kind: 'TALENT_MOVE', period: '2024', entityId: null}]
UNWIND $tallies AS key
MERGE (t:Tally {id: key.id})
SET t.measure = key.measure, t.kind = key.kind, t.period = key.period, t.entityId = key.entityId;

// @query countEventTallies
// Recounts tallies of events of one kind in one period, each from a range of the event_kind_sort
// index (Event(kind, sortKey)): the sortKeys of a period start with its prefix ('2024-05' for a
// month and the days in it, '2024 ' for the year-only dates, '~ ' for undated), so the count reads
// that period's index entries only. Runs after lockTallies, in the same transaction.
// :param tallies => [{id: 'tally/events/TALENT_MOVE/2024', kind: 'TALENT_MOVE', lower: '2024 ', upper: '2024 \uffff'}]
UNWIND $tallies AS key
MATCH (t:Tally {id: key.id})
WITH t, COUNT { MATCH (e:Event) USING INDEX SEEK e:Event(kind, sortKey) WHERE e.kind = key.kind AND e.sortKey >= key.lower AND e.sortKey < key.upper } AS count
SET t.count = count;

// @query countMoveTallies
// Recounts the talent moves into each organization: its INVOLVES edges in the role $role ('to', a
// role only TALENT_MOVE has: MOVE_DESTINATION_ROLE in src/model/registry.ts), from the
// involves_entity_role_sort index. `rank` orders the top-N read: the count's complement to 10 digits, then the id, so ascending is highest first
// with ties by id. Runs after lockTallies, in the same transaction.
// :param tallies => [{id: 'tally/movesTo/org/bytedance', entityId: 'org/bytedance'}]
// :param role => 'to'
UNWIND $tallies AS key
MATCH (t:Tally {id: key.id})
WITH t, key, COUNT { MATCH ()-[i:INVOLVES]->() USING INDEX SEEK i:INVOLVES(entityId, role, sortKey) WHERE i.entityId = key.entityId AND i.role = $role AND i.sortKey IS NOT NULL } AS count
SET t.count = count,
    t.rank = right('000000000' + toString(9999999999 - count), 10) + ' ' + key.entityId;

// @query allTallyKeys
// Every key a whole-graph recompute must count (src/db/derived.ts): the (kind, date) pairs of the
// events and the destinations of the moves, found by one scan each (a one-off batch after a bulk
// load, not a request), plus the tallies already stored, so that a key with no events left is
// counted down to 0.
// :param role => 'to'
CALL () {
  MATCH (e:Event)
  RETURN DISTINCT 'events' AS measure, e.kind AS kind, e.date AS date, null AS entityId
  UNION
  MATCH (:TalentMove)-[i:INVOLVES]->() WHERE i.role = $role
  RETURN DISTINCT 'movesTo' AS measure, null AS kind, null AS date, i.entityId AS entityId
  UNION
  MATCH (t:Tally)
  RETURN t.measure AS measure, t.kind AS kind, CASE t.period WHEN '~' THEN null ELSE t.period END AS date, t.entityId AS entityId
}
RETURN measure, kind, date, entityId;

// @query eventCountsByKind
// Events of each asked kind dated in [$lower, $upper) — the kind's tallies in that range of
// periods, read from the tally_kind_period index (one seek per kind). Kinds without events count 0.
// :param kinds => ['ACQUISITION', 'TALENT_MOVE']
// :param lower => ''
// :param upper => '\uffff'
UNWIND $kinds AS kind
RETURN kind, COLLECT {
  MATCH (t:Tally) WHERE t.measure = 'events' AND t.kind = kind AND t.period >= $lower AND t.period < $upper
  RETURN sum(t.count)
}[0] AS count;

// @query eventCountsByPeriod
// Events of the asked kinds per period in [$lower, $upper): with $by 'MONTH' a period is a month,
// or a year for the events the source dates only to the year (its own bucket '2024', not spread
// over months); with 'YEAR' every period of a year adds into it. '~' is the undated events'.
// Reads the tally_kind_period index, one seek per kind; at most kinds × periods rows are summed.
// :param kinds => ['ACQUISITION', 'TALENT_MOVE']
// :param by => 'MONTH'
// :param lower => '2024'
// :param upper => '2024\uffff'
UNWIND $kinds AS kind
MATCH (t:Tally) WHERE t.measure = 'events' AND t.kind = kind AND t.period >= $lower AND t.period < $upper AND t.count > 0
WITH CASE WHEN $by = 'YEAR' AND t.period <> '~' THEN left(t.period, 4) ELSE t.period END AS period, sum(t.count) AS count
RETURN period, count
ORDER BY period;

// @query topDestinations
// The organizations talent moved into most, highest first (ties by id): the movesTo tallies in
// the order of the tally_rank index (Tally(measure, rank)), read until $limit organizations, each
// projected here (no query per organization). Organizations no longer there (retracted) are skipped.
// :param limit => 10
MATCH (t:Tally) WHERE t.measure = 'movesTo' AND t.rank >= ''
WITH t ORDER BY t.measure, t.rank
WHERE t.count > 0
MATCH (o:Organization {id: t.entityId}) WHERE o:Entity
WITH o, t LIMIT $limit
RETURN o {.*} AS organization, t.count AS moves;
