// The change log (docs/live.md): one :Change per committed write to a fact, numbered by `seq`,
// dense and in commit order. `seq` is unique (the index the tailers read in order); a reader that
// follows one target or one kind of target reads (targetId, seq) or (targetKind, seq) in order.
// The one (:ChangeLog {id: 'changes'}) node holds the last number given out; its write lock,
// held to commit, is what orders the writers.
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE;
CREATE CONSTRAINT change_log_id IF NOT EXISTS FOR (l:ChangeLog) REQUIRE l.id IS UNIQUE;
CREATE INDEX change_target IF NOT EXISTS FOR (c:Change) ON (c.targetId, c.seq);
CREATE INDEX change_kind IF NOT EXISTS FOR (c:Change) ON (c.targetKind, c.seq);
