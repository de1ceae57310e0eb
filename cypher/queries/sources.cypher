// Sources: the documents the facts cite (their full text stays in the graph, unprojected).

// @query sources
MATCH (s:Source)
RETURN s {.id, .title, .publisher, .date, .language} AS source
ORDER BY s.id;
