// Full-text search over every name form (traditional, simplified, English, aliases).
// The CJK analyzer indexes Chinese as overlapping bigrams and Latin text as lower-cased words.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Person|Organization|Product|Group) ON EACH [n.namesText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
// Exact look-up by the normalised name key.
CREATE INDEX entity_key IF NOT EXISTS FOR (n:Entity) ON (n.key);
// Event filters and the (date, id) order of event pages.
CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
