import { nameKey } from '../../model/names';
import type { SearchQuery } from '../../store/entities.store';

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns user text into a Lucene query for the full-text index: every special character escaped,
 * boolean keywords lower-cased (so they are plain words), terms OR-ed by the default operator.
 */
export function toLuceneQuery(text: string): string {
  return text
    .normalize('NFKC')
    .replace(LUCENE_SPECIAL, (c) => `\\${c}`)
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (/^(AND|OR|NOT|TO)$/.test(word) ? word.toLowerCase() : word))
    .join(' ');
}

/** Parameters of `searchEntities`: the escaped full-text query and the normalised key for prefixes. */
export function searchParams(text: string, limit: number): SearchQuery {
  return { query: toLuceneQuery(text), key: nameKey(text), limit };
}
