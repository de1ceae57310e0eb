// Sources: the documents the facts cite (their full text stays in the graph, unprojected).

// @query sources
// In id order from the uniqueness index, a page at a time.
// :param after => ''
// :param first => 100
MATCH (s:Source) WHERE s.id > $after
RETURN s {.id, .title, .publisher, .date, .language} AS source
ORDER BY s.id
LIMIT $first;

// @query sourceById
// :param id => 'source/techxingqiu-2024-12-llm-shakeout'
MATCH (s:Source {id: $id})
RETURN s {.id, .title, .publisher, .date, .language} AS source;

// @query sourceFacts
// What a source states: the facts that cite it, in id order, a page at a time between $after and
// $before (exclusive). One stream per citation type, each read from its (sourceId, factId) index
// in order (migration 007) and cut at
// $first + 1 distinct facts, so a source cited a million times costs a page's worth of entries
// per stream; the merged page keeps the first $first + 1. Each fact comes with its citations
// from this source (from the (factId, sourceId) indexes, at most $perFact).
// :param sourceId => 'source/techxingqiu-2024-12-llm-shakeout'
// :param after => ''
// :param before => '\uffff'
// :param first => 20
// :param perFact => 20
CALL () {
  MATCH ()-[c:CITES]->() USING INDEX SEEK c:CITES(sourceId, factId) WHERE c.sourceId = $sourceId AND c.factId > $after AND c.factId < $before
  WITH DISTINCT c.sourceId AS s, c.factId AS factId ORDER BY s, factId LIMIT $first + 1
  RETURN factId, 'EVENT' AS kind
  UNION ALL
  MATCH ()-[c:MENTIONED_IN]->() USING INDEX SEEK c:MENTIONED_IN(sourceId, factId) WHERE c.sourceId = $sourceId AND c.factId > $after AND c.factId < $before
  WITH DISTINCT c.sourceId AS s, c.factId AS factId ORDER BY s, factId LIMIT $first + 1
  RETURN factId, 'ENTITY' AS kind
  UNION ALL
  MATCH ()-[c:RELATIONSHIP_CITED_IN]->() USING INDEX SEEK c:RELATIONSHIP_CITED_IN(sourceId, factId) WHERE c.sourceId = $sourceId AND c.factId > $after AND c.factId < $before
  WITH DISTINCT c.sourceId AS s, c.factId AS factId ORDER BY s, factId LIMIT $first + 1
  RETURN factId, 'RELATIONSHIP' AS kind
}
WITH factId, kind ORDER BY factId LIMIT $first + 1
CALL (factId, kind) {
  WITH factId, kind WHERE kind = 'EVENT'
  MATCH ()-[c:CITES]->() USING INDEX SEEK c:CITES(factId, sourceId) WHERE c.factId = factId AND c.sourceId = $sourceId
  RETURN c ORDER BY c.factId, c.sourceId LIMIT $perFact
  UNION ALL
  WITH factId, kind WHERE kind = 'ENTITY'
  MATCH ()-[c:MENTIONED_IN]->() USING INDEX SEEK c:MENTIONED_IN(factId, sourceId) WHERE c.factId = factId AND c.sourceId = $sourceId
  RETURN c ORDER BY c.factId, c.sourceId LIMIT $perFact
  UNION ALL
  WITH factId, kind WHERE kind = 'RELATIONSHIP'
  MATCH ()-[c:RELATIONSHIP_CITED_IN]->() USING INDEX SEEK c:RELATIONSHIP_CITED_IN(factId, sourceId) WHERE c.factId = factId AND c.sourceId = $sourceId
  RETURN c ORDER BY c.factId, c.sourceId LIMIT $perFact
}
WITH factId, kind, c ORDER BY c.position
RETURN factId, kind, startNode(c).id AS start, collect({quote: c.quote, position: c.position, offset: c.offset}) AS citations
ORDER BY factId;

// @query sourceFactsBackward
// sourceFacts read from the other end (Relay's `last`/`before`): each (sourceId, factId) index
// read in descending order from $before, cut at $first + 1 distinct facts per stream; rows come
// last first (the resolver puts them back in order). Keep the two in step.
// :param sourceId => 'source/techxingqiu-2024-12-llm-shakeout'
// :param after => ''
// :param before => '\uffff'
// :param first => 20
// :param perFact => 20
CALL () {
  MATCH ()-[c:CITES]->() USING INDEX SEEK c:CITES(sourceId, factId) WHERE c.sourceId = $sourceId AND c.factId > $after AND c.factId < $before
  WITH DISTINCT c.sourceId AS s, c.factId AS factId ORDER BY s DESC, factId DESC LIMIT $first + 1
  RETURN factId, 'EVENT' AS kind
  UNION ALL
  MATCH ()-[c:MENTIONED_IN]->() USING INDEX SEEK c:MENTIONED_IN(sourceId, factId) WHERE c.sourceId = $sourceId AND c.factId > $after AND c.factId < $before
  WITH DISTINCT c.sourceId AS s, c.factId AS factId ORDER BY s DESC, factId DESC LIMIT $first + 1
  RETURN factId, 'ENTITY' AS kind
  UNION ALL
  MATCH ()-[c:RELATIONSHIP_CITED_IN]->() USING INDEX SEEK c:RELATIONSHIP_CITED_IN(sourceId, factId) WHERE c.sourceId = $sourceId AND c.factId > $after AND c.factId < $before
  WITH DISTINCT c.sourceId AS s, c.factId AS factId ORDER BY s DESC, factId DESC LIMIT $first + 1
  RETURN factId, 'RELATIONSHIP' AS kind
}
WITH factId, kind ORDER BY factId DESC LIMIT $first + 1
CALL (factId, kind) {
  WITH factId, kind WHERE kind = 'EVENT'
  MATCH ()-[c:CITES]->() USING INDEX SEEK c:CITES(factId, sourceId) WHERE c.factId = factId AND c.sourceId = $sourceId
  RETURN c ORDER BY c.factId, c.sourceId LIMIT $perFact
  UNION ALL
  WITH factId, kind WHERE kind = 'ENTITY'
  MATCH ()-[c:MENTIONED_IN]->() USING INDEX SEEK c:MENTIONED_IN(factId, sourceId) WHERE c.factId = factId AND c.sourceId = $sourceId
  RETURN c ORDER BY c.factId, c.sourceId LIMIT $perFact
  UNION ALL
  WITH factId, kind WHERE kind = 'RELATIONSHIP'
  MATCH ()-[c:RELATIONSHIP_CITED_IN]->() USING INDEX SEEK c:RELATIONSHIP_CITED_IN(factId, sourceId) WHERE c.factId = factId AND c.sourceId = $sourceId
  RETURN c ORDER BY c.factId, c.sourceId LIMIT $perFact
}
WITH factId, kind, c ORDER BY c.position
RETURN factId, kind, startNode(c).id AS start, collect({quote: c.quote, position: c.position, offset: c.offset}) AS citations
ORDER BY factId DESC;
