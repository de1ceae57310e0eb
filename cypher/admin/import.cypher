// The bulk import's progress (src/import/importFile.ts): a file of more than one transaction's
// records is written in groups, each committed with the count of groups done, so a re-run of the
// same file (its sha-256) resumes after the last committed group.

// @query importState
// :param id => 'import/0f1e…'
MATCH (s:ImportState {id: $id})
RETURN s.groups AS groups;

// @query recordImportState
// :param id => 'import/0f1e…'
// :param groups => 1
// :param principal => 'key:editor:12345678'
MERGE (s:ImportState {id: $id})
SET s.groups = $groups, s.principal = $principal, s.at = datetime();

// @query transactionMemory
// The limits on a transaction's memory (0B: none at that level), from which the import sizes its
// transactions when IMPORT_TRANSACTION_RECORDS is not set: a file that fits is all or nothing.
SHOW SETTINGS YIELD name, value
WHERE name IN ['db.memory.transaction.max', 'db.memory.transaction.total.max', 'dbms.memory.transaction.total.max']
RETURN name, value;
