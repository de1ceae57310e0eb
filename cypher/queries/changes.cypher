// The change log (docs/live.md): appended by every write transaction that records revisions
// (src/changes/changeLog.ts), read by Query.changes and by each API instance's tailer
// (src/changes/tailer.ts), which feeds Subscription.changes.

// @query appendChanges
// Numbers a transaction's changes and stores them, as its last statement. Setting log.seq from
// itself takes the ChangeLog node's write lock before the read, and the lock is held until the
// transaction ends: a second writer waits here until the first has committed (then reads its
// number) or rolled back (then reads the number before it). So numbers are given out in commit
// order and without gaps. `at` is the time of this statement, just before the commit.
// :param rows => [{op: 'ADD', targetId: 'org/x', targetKind: 'ENTITY', revisionId: 'r-1', fields: ['name'], principal: 'seed', role: 'admin'}]
MERGE (log:ChangeLog {id: 'changes'})
ON CREATE SET log.seq = 0
SET log.seq = log.seq + size($rows)
WITH log.seq - size($rows) AS base
UNWIND range(0, size($rows) - 1) AS i
WITH base + i + 1 AS seq, $rows[i] AS row
CREATE (:Change {
  seq: seq, at: datetime(), op: row.op, targetId: row.targetId, targetKind: row.targetKind,
  revisionId: row.revisionId, fields: row.fields, principal: row.principal, role: row.role
});

// @query changesAfter
// Changes numbered after $after up to $upto, in order, read from the change_seq index.
// :param after => 0
// :param upto => 9007199254740991
// :param limit => 100
MATCH (c:Change) WHERE c.seq > $after AND c.seq <= $upto
WITH c ORDER BY c.seq LIMIT $limit
RETURN c {.seq, .op, .targetId, .targetKind, .revisionId, .fields, .principal, .role, at: toString(c.at)} AS change;

// @query changesOfTargets
// The same for some targets only: at most $limit from each target's (targetId, seq) range, then
// the first $limit of them in order. $kinds (null: any) filters them further.
// :param targets => ['org/moonshot-ai']
// :param kinds => null
// :param after => 0
// :param upto => 9007199254740991
// :param limit => 100
UNWIND $targets AS target
CALL (target) {
  MATCH (c:Change) WHERE c.targetId = target AND c.seq > $after AND c.seq <= $upto
  RETURN c ORDER BY c.targetId, c.seq LIMIT $limit
}
WITH c WHERE $kinds IS NULL OR c.targetKind IN $kinds
WITH c ORDER BY c.seq LIMIT $limit
RETURN c {.seq, .op, .targetId, .targetKind, .revisionId, .fields, .principal, .role, at: toString(c.at)} AS change;

// @query changesOfKinds
// The same for some kinds of target, from the (targetKind, seq) index.
// :param kinds => ['EVENT']
// :param after => 0
// :param upto => 9007199254740991
// :param limit => 100
UNWIND $kinds AS kind
CALL (kind) {
  MATCH (c:Change) WHERE c.targetKind = kind AND c.seq > $after AND c.seq <= $upto
  RETURN c ORDER BY c.targetKind, c.seq LIMIT $limit
}
WITH c ORDER BY c.seq LIMIT $limit
RETURN c {.seq, .op, .targetId, .targetKind, .revisionId, .fields, .principal, .role, at: toString(c.at)} AS change;

// @query lastChange
// The number of the newest change visible now (0 for an empty log): where a tailer starts. Every
// change numbered below it committed before it, so every read that starts later sees them too.
OPTIONAL MATCH (c:Change) WHERE c.seq IS NOT NULL
WITH c ORDER BY c.seq DESC LIMIT 1
RETURN coalesce(c.seq, 0) AS seq;
