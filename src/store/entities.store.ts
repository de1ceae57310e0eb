import { loadCypherFile } from '../cypher/cypherFiles';
import type { EntityLabel, OrganizationCategory } from '../model/vocabulary';
import { sortKeyRange } from '../facts/facts';
import type { Reader } from '../neo4j/executor';
import type { CitationRow } from './events.store';

/** cypher/queries/entities.cypher with typed parameters and rows. */
const q = loadCypherFile('queries/entities.cypher', [
  'entityById',
  'entityPage',
  'entityCandidates',
  'entityCount',
  'searchEntities',
  'relationshipsOf',
  'relationshipById',
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
/** A selective filter's entities stand in for a walk of the whole order when at most this many. */
export const CANDIDATE_CAP = 1_000;
/** Filtered counts stop at this many entities, read from at most COUNT_SCAN index entries. */
export const ENTITY_COUNT_CAP = 1_000;
export const ENTITY_COUNT_SCAN = ENTITY_SCAN;

interface PageRow {
  rows: { entity?: EntityRow; key: string }[];
  scanned: number;
  lastRead: string | null;
}

function pageParams(filter: EntityFilter, candidates: string[] | null) {
  const { order, label, category, prefix, eventKinds, eventsFrom, eventsTo, after } = filter;
  const byEvents = eventKinds !== null || eventsFrom !== null || eventsTo !== null;
  const { lower, upper } = sortKeyRange(eventsFrom, eventsTo);
  return {
    order,
    candidates,
    after: after ?? '',
    before: after ?? '\uffff',
    nameFrom: [prefix ?? '', after?.split(' ')[0] ?? ''].sort().at(-1)!,
    label,
    category,
    prefix,
    byEvents,
    kinds: eventKinds,
    lower,
    upper,
  };
}

/** A complete, small set of entities that the filters name, or null when none is small enough. */
async function candidatesOf(read: Reader, filter: EntityFilter, forCount = false): Promise<string[] | null> {
  const params = pageParams(filter, null);
  // A page in name order walks a prefix in its own key order (entityPage); candidates would sort differently.
  const prefix = filter.order === 'NAME' && !forCount ? null : params.prefix;
  if (prefix === null && !params.byEvents) return null;
  const rows = await read<{ source: string; complete: boolean; ids: string[] }>(q.entityCandidates, {
    prefix,
    byEvents: params.byEvents,
    kinds: params.kinds,
    lower: params.lower,
    upper: params.upper,
    cap: CANDIDATE_CAP,
  });
  const complete = rows.filter((r) => r.complete).sort((a, b) => a.ids.length - b.ids.length);
  return complete[0]?.ids ?? null;
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
  citation: { quote: string; source: CitationRow['source'] | null };
  other: EntityRow;
}

export type MentionRow = Omit<CitationRow, 'position'>;

/** Relationships and mentions listed per entity, at most (a hub's first ones). */
export const PER_ENTITY = 500;

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
  /** A page of entities in `filter.order`, bounded by ENTITY_SCAN index entries (cypher: entityPage). */
  /** The small complete set of entities a page's selective filters name, or null (shared by page and count). */
  candidates: (read: Reader, filter: EntityFilter) => candidatesOf(read, filter),
  async page(read: Reader, filter: EntityFilter, known?: string[] | null): Promise<EntityPage> {
    const candidates = known !== undefined ? known : await candidatesOf(read, filter);
    const params = pageParams(filter, candidates);
    // When every entry read is on the page (no filter, or only the prefix that name order walks),
    // read no more than the page.
    const walkedPrefix = filter.order === 'NAME' && candidates === null ? null : params.prefix;
    const scan = params.label ?? params.category ?? walkedPrefix ?? (params.byEvents || null) ? ENTITY_SCAN : filter.first + 1;
    const [row] = await read<PageRow>(q.entityPage, { ...params, scan, first: filter.first, countOnly: false });
    const { rows, scanned, lastRead } = row!;
    const entities = rows.slice(0, filter.first).map((r) => ({ entity: r.entity!, key: r.key }));
    if (rows.length > filter.first) return { entities, hasNextPage: true, endKey: entities.at(-1)?.key ?? null };
    // The walk stopped at its cap before the filters filled the page: more may follow.
    if (candidates === null && scanned >= scan) return { entities, hasNextPage: true, endKey: lastRead };
    return { entities, hasNextPage: false, endKey: entities.at(-1)?.key ?? null };
  },
  /**
   * How many entities the filters match: exact from the count store when at most a label is
   * given; otherwise counted by the page's own walk up to ENTITY_COUNT_CAP matches within
   * ENTITY_COUNT_SCAN entries, `exact` when the walk saw every entity.
   */
  async count(read: Reader, filter: EntityFilter, pageCandidates?: string[] | null): Promise<{ count: number; exact: boolean }> {
    const { category, prefix, eventKinds, eventsFrom, eventsTo, label } = filter;
    if (category === null && prefix === null && eventKinds === null && eventsFrom === null && eventsTo === null) {
      const [row] = await read<{ count: number }>(q.entityCount, { label });
      return { count: row!.count, exact: true };
    }
    const all = { ...filter, after: null };
    // The page's candidates serve, except for a prefix that the page walks in name order.
    const countsOwn = pageCandidates === undefined || (filter.order === 'NAME' && prefix !== null);
    const candidates = countsOwn ? await candidatesOf(read, all, true) : pageCandidates;
    const [row] = await read<PageRow>(q.entityPage, { ...pageParams(all, candidates), scan: ENTITY_COUNT_SCAN, first: ENTITY_COUNT_CAP, countOnly: true });
    const { rows, scanned } = row!;
    const more = rows.length > ENTITY_COUNT_CAP || (candidates === null && scanned >= ENTITY_COUNT_SCAN);
    return { count: Math.min(rows.length, ENTITY_COUNT_CAP), exact: !more };
  },
  async search(read: Reader, search: SearchQuery): Promise<EntityRow[]> {
    const scan = Math.max(50, search.limit * 3);
    return (await read<{ entity: EntityRow }>(q.searchEntities, { ...search, scan })).map((r) => r.entity);
  },
  async byName(read: Reader, key: string): Promise<EntityRow[]> {
    return (await read<{ entity: EntityRow }>(q.entitiesByName, { key, limit: 100 })).map((r) => r.entity);
  },
  async relationshipsOf(read: Reader, ids: string[]): Promise<Map<string, RelationshipRow[]>> {
    const rows = await read<{ id: string; relationships: RelationshipRow[] }>(q.relationshipsOf, { ids, perEntity: PER_ENTITY });
    return new Map(rows.map((r) => [r.id, r.relationships]));
  },
  /** One relationship from its start `from` to `to`, null when there is none with that id. */
  async relationshipById(read: Reader, key: { id: string; from: string; to: string }): Promise<RelationshipRow | null> {
    return (await read<{ relationship: RelationshipRow }>(q.relationshipById, { ...key }))[0]?.relationship ?? null;
  },
  async mentionsOf(read: Reader, ids: string[]): Promise<Map<string, MentionRow[]>> {
    const rows = await read<{ id: string; mentions: MentionRow[] }>(q.mentionsOf, { ids, perEntity: PER_ENTITY });
    return new Map(rows.map((r) => [r.id, r.mentions]));
  },
};
