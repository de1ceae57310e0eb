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
