import { loadCypherFile } from '../cypher/cypherFiles';
import type { EntityLabel, OrganizationCategory } from '../model/vocabulary';
import { sortKeyRange } from '../facts/facts';
import type { Reader } from '../neo4j/executor';
import type { CitationRow } from './events.store';

/** cypher/queries/entities.cypher with typed parameters and rows. */
const q = loadCypherFile('queries/entities.cypher', [
  'entityById',
  'entitiesByIds',
  'entityPage',
  'entityCount',
  'searchEntities',
  'relationshipsOf',
  'relationshipsByIds',
  'mentionsOf',
  'entitiesByName',
]);
export const entityQueries = q;

/** What every entity row carries (`n {.*}`): its properties and its label. */
export interface EntityRow {
  id: string;
  label: EntityLabel;
  name: string;
  names: string[];
  description: string | null;
  categories?: string[] | null;
  anonymous?: boolean;
  /** Kept by the writer (facts.cypher refreshEntityStats). */
  degree?: number | null;
  latestEvent?: string | null;
  /** Kept by the writer (facts.cypher refreshCitationCounts). */
  sourceCount?: number | null;
}

export type EntityOrder = 'NAME' | 'DEGREE' | 'LATEST_EVENT';

export interface EntityFilter {
  order: EntityOrder;
  label: EntityLabel | null;
  category: OrganizationCategory | null;
  /** The normalised key of a name prefix (any script: keys are simplified). */
  prefix: string | null;
  /** Entities taking part in an event of these kinds and/or in this date range. */
  eventKinds: string[] | null;
  eventsFrom: string | null;
  eventsTo: string | null;
  first: number;
  /** The sort key after which the page starts (from a cursor). */
  after: string | null;
}

export interface EntityPage {
  entities: { entity: EntityRow; key: string }[];
  hasNextPage: boolean;
  /** Where the next page starts: the last entity's key, or the last one read when the scan stopped short. */
  endKey: string | null;
}

/** Index entries a page of `entities` reads at most; a sparse filter may then fill less than a page. */
export const ENTITY_SCAN = 2_000;
/** A selective filter's names or events stand in for a walk of the whole order when at most this many. */
export const CANDIDATE_CAP = 5_000;
/** Filtered counts stop at this many entities, read from at most COUNT_SCAN index entries. */
export const ENTITY_COUNT_CAP = 1_000;
export const ENTITY_COUNT_SCAN = ENTITY_SCAN;

interface PageRow {
  /** The page's entities (none when only counting). */
  rows: { entity: EntityRow; key: string }[];
  /** How many passed the filters, up to $first + 1. */
  matched: number;
  /** False when a selective filter's small complete set stood in for the walk. */
  walked: boolean;
  scanned: number;
  lastRead: string | null;
}

function pageParams(filter: EntityFilter) {
  const { order, label, category, prefix, eventKinds, eventsFrom, eventsTo, after } = filter;
  const byEvents = eventKinds !== null || eventsFrom !== null || eventsTo !== null;
  const { lower, upper } = sortKeyRange(eventsFrom, eventsTo);
  // A prefix walked in name order starts at the later of the prefix and the cursor's name key.
  const afterName = after?.split(' ')[0] ?? '';
  return {
    order,
    after: after ?? '',
    before: after ?? '\uffff',
    nameFrom: prefix !== null && prefix > afterName ? prefix : afterName,
    label,
    category,
    prefix,
    byEvents,
    kinds: eventKinds,
    lower,
    upper,
  };
}

/** A stable relationship seen from one of its ends. */
export interface RelationshipRow {
  id: string;
  type: string;
  outgoing: boolean;
  role: string | null;
  roleEn: string | null;
  since: string | null;
  until: string | null;
  current: boolean | null;
  inferred: boolean;
  inferredBasis: string | null;
  /** Its primary citation (the first). */
  citation: { quote: string; source: CitationRow['source'] | null };
  citations: CitationRow[];
  sourceCount: number | null;
  other: EntityRow;
}

export type MentionRow = CitationRow;

/** Relationships and mentions listed per entity, at most (a hub's first ones). */
export const PER_ENTITY = 500;
/** Citations listed per relationship, at most. */
export const PER_FACT = 100;

/** A list cut at PER_ENTITY, saying whether it was. */
export interface Capped<T> {
  rows: T[];
  truncated: boolean;
}

function capped<T>(rows: T[]): Capped<T> {
  return { rows: rows.slice(0, PER_ENTITY), truncated: rows.length > PER_ENTITY };
}

export interface SearchQuery {
  /** The normalised key, for prefix matches. */
  key: string;
  /** The escaped Lucene query, for full-text matches. */
  query: string;
  limit: number;
}

export const entitiesStore = {
  async byId(read: Reader, id: string): Promise<EntityRow | null> {
    return (await read<{ entity: EntityRow }>(q.entityById, { id }))[0]?.entity ?? null;
  },
  async byIds(read: Reader, ids: string[]): Promise<EntityRow[]> {
    return (await read<{ entity: EntityRow }>(q.entitiesByIds, { ids })).map((r) => r.entity);
  },
  /** A page of entities in `filter.order`, bounded by ENTITY_SCAN index entries (cypher: entityPage). */
  async page(read: Reader, filter: EntityFilter): Promise<EntityPage> {
    const params = pageParams(filter);
    // When every entry a walk reads is on the page (no filter, or only the prefix that name order
    // walks), it reads no more than the page.
    const walkedPrefix = filter.order === 'NAME' ? null : params.prefix;
    const scan = params.label ?? params.category ?? walkedPrefix ?? (params.byEvents || null) ? ENTITY_SCAN : filter.first + 1;
    // A page in name order walks a prefix in its own key order; a set found by prefix would sort differently.
    const prefixNames = filter.order !== 'NAME';
    const [row] = await read<PageRow>(q.entityPage, { ...params, prefixNames, cap: CANDIDATE_CAP, scan, first: filter.first, countOnly: false });
    const { rows, walked, scanned, lastRead } = row!;
    const entities = rows.slice(0, filter.first);
    if (rows.length > filter.first) return { entities, hasNextPage: true, endKey: entities.at(-1)?.key ?? null };
    // The walk stopped at its cap before the filters filled the page: more may follow.
    if (walked && scanned >= scan) return { entities, hasNextPage: true, endKey: lastRead };
    return { entities, hasNextPage: false, endKey: entities.at(-1)?.key ?? null };
  },
  /**
   * How many entities the filters match: exact from the count store when at most a label is
   * given, or when a selective filter's complete set was counted; otherwise counted by the page's
   * walk, up to ENTITY_COUNT_CAP matches within ENTITY_COUNT_SCAN entries (at least that many).
   */
  async count(read: Reader, filter: EntityFilter): Promise<{ count: number; exact: boolean }> {
    const { category, prefix, eventKinds, eventsFrom, eventsTo, label } = filter;
    if (category === null && prefix === null && eventKinds === null && eventsFrom === null && eventsTo === null) {
      const [row] = await read<{ count: number }>(q.entityCount, { label });
      return { count: row!.count, exact: true };
    }
    const params = pageParams({ ...filter, after: null });
    // `first` does not bound a count: the walk (ENTITY_COUNT_SCAN entries) or the complete set does.
    const [row] = await read<PageRow>(q.entityPage, { ...params, prefixNames: true, cap: CANDIDATE_CAP, scan: ENTITY_COUNT_SCAN, first: 10_000_000, countOnly: true });
    const { matched, walked, scanned } = row!;
    if (!walked) return { count: matched, exact: true };
    const more = matched > ENTITY_COUNT_CAP || scanned >= ENTITY_COUNT_SCAN;
    return { count: Math.min(matched, ENTITY_COUNT_CAP), exact: !more };
  },
  async search(read: Reader, search: SearchQuery): Promise<EntityRow[]> {
    const scan = Math.max(50, search.limit * 3);
    return (await read<{ entity: EntityRow }>(q.searchEntities, { ...search, scan })).map((r) => r.entity);
  },
  async byName(read: Reader, key: string): Promise<EntityRow[]> {
    return (await read<{ entity: EntityRow }>(q.entitiesByName, { key, limit: 100 })).map((r) => r.entity);
  },
  /** Each entity's stable relationships, at most PER_ENTITY, and whether it has more (one more is read to tell). */
  async relationshipsOf(read: Reader, ids: string[]): Promise<Map<string, Capped<RelationshipRow>>> {
    const rows = await read<{ id: string; relationships: RelationshipRow[] }>(q.relationshipsOf, { ids, perEntity: PER_ENTITY + 1, perFact: PER_FACT });
    return new Map(rows.map((r) => [r.id, capped(r.relationships)]));
  },
  /** One relationship from its start `from` to `to`, null when there is none with that id. */
  async relationshipById(read: Reader, key: { id: string; from: string; to: string }): Promise<RelationshipRow | null> {
    return (await this.relationshipsByIds(read, [key]))[0]?.relationship ?? null;
  },
  /** Relationships by id and ends, each with its start entity; unknown ones are left out. */
  async relationshipsByIds(read: Reader, keys: { id: string; from: string; to: string }[]): Promise<{ from: EntityRow; relationship: RelationshipRow }[]> {
    return keys.length ? read<{ from: EntityRow; relationship: RelationshipRow }>(q.relationshipsByIds, { keys, perFact: PER_FACT }) : [];
  },
  /** Each entity's mentions, at most PER_ENTITY, and whether it has more. */
  async mentionsOf(read: Reader, ids: string[]): Promise<Map<string, Capped<MentionRow>>> {
    const rows = await read<{ id: string; mentions: MentionRow[] }>(q.mentionsOf, { ids, perEntity: PER_ENTITY + 1 });
    return new Map(rows.map((r) => [r.id, capped(r.mentions)]));
  },
};
