import { loadCypherFile, type Contract } from '../cypher/cypherFiles';
import type { EntityLabel, OrganizationCategory } from '../model/vocabulary';
import { sortKeyRange } from '../model/sortKeys';
import type { Reader } from '../neo4j/executor';
import { justAfter, justBefore } from '../model/sortKeys';
import type { CitationRow, EntityRow } from './rows';

/**
 * entityPage's parameters. Its strings and lists come in one map, `page`: Neo4j caches a plan per
 * query text and parameter types, and the type of a string or a list parameter includes whether it
 * is null, whether a list is empty and a bucket of its size (0, 1, up to 10, up to 100…), so sent
 * one by one they made a plan per combination of filters and cursors (bench/planCache.ts). A map's
 * type is only "map": one plan serves every page. Numbers and booleans have no size and stay apart.
 */
type PageParams = ReturnType<typeof pageParams> & {
  prefixNames: boolean;
  sets: boolean;
  cap: number;
  scan: number;
  first: number;
  countOnly: boolean;
};

/** The contracts of cypher/queries/entities.cypher: each block's parameters and row. */
interface EntitiesCypher {
  entityById: Contract<{ id: string }, { entity: EntityRow }>;
  entitiesByIds: Contract<{ ids: string[] }, { entity: EntityRow }>;
  entityPage: Contract<PageParams, PageRow>;
  entityCount: Contract<{ filter: { label: EntityLabel | null } }, { count: number }>;
  searchEntities: Contract<SearchQuery & { scan: number }, { entity: EntityRow }>;
  relationshipsOf: Contract<
    { ids: string[]; perEntity: number; perFact: number; withCitations: boolean },
    { id: string; relationships: RelationshipRow[] }
  >;
  relationshipsByIds: Contract<
    { keys: { id: string; from: string; to: string }[]; perFact: number },
    { from: EntityRow; relationship: RelationshipRow }
  >;
  mentionsOf: Contract<{ ids: string[]; perEntity: number }, { id: string; mentions: MentionRow[] }>;
  entitiesByName: Contract<{ key: string; limit: number }, { entity: EntityRow }>;
}

/** cypher/queries/entities.cypher with typed parameters and rows. */
const q = loadCypherFile<EntitiesCypher>('queries/entities.cypher', [
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

export type { EntityRow } from './rows';

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
}

/** Which page of the order: `first` entries after `after`, or with `backward` the last ones before `before` (sort keys from cursors, exclusive). */
export interface EntityPageRequest {
  first: number;
  backward: boolean;
  after: string | null;
  before: string | null;
}

export interface EntityPage {
  /** In list order, whichever end the page was read from. */
  entities: { entity: EntityRow; key: string }[];
  /** More may lie beyond the page in the direction it was read (after it, or before it when backward). */
  hasMore: boolean;
  /**
   * Where a page read further in that direction starts: the far edge's key, or the last entry read
   * when the walk stopped at its bound (then `cut`); null for an empty page that ends the list.
   */
  continueKey: string | null;
  /** The walk stopped at its bound (ENTITY_SCAN entries, ENTITY_WALK_ROUNDS times) before `first` entries matched. */
  cut: boolean;
}

/** Index entries a page of `entities` reads at most; a sparse filter may then fill less than a page. */
export const ENTITY_SCAN = 2_000;
/** A page whose walk comes up short reads on from where it stopped, this many walks at most (ENTITY_SCAN entries each). */
export const ENTITY_WALK_ROUNDS = 4;
/** A selective filter's names or events stand in for a walk of the whole order when at most this many. */
export const CANDIDATE_CAP = 5_000;
/** Filtered counts stop at this many entities, read from at most COUNT_SCAN index entries. */
export const ENTITY_COUNT_CAP = 1_000;
export const ENTITY_COUNT_SCAN = ENTITY_SCAN;

interface PageRow {
  /** The page's entities (none when only counting), in the direction read. */
  rows: { entity: EntityRow; key: string }[];
  /** How many passed the filters, up to $first + 1. */
  matched: number;
  /** False when a selective filter's small complete set stood in for the walk. */
  walked: boolean;
  /** True when an incomplete set was counted in place of the walk (countOnly). */
  sampled: boolean;
  scanned: number;
  lastRead: string | null;
}

/** Above every sort key (names, padded degrees, dates and ids): the open end of a range. */
const TOP = '\u{10FFFF}';

/** The orders listed from the lowest key up; the others are listed highest first. */
const ascendingList = (order: EntityOrder) => order === 'NAME';

function pageParams(filter: EntityFilter, request: EntityPageRequest) {
  const { order, label, category, prefix, eventKinds, eventsFrom, eventsTo } = filter;
  const byEvents = eventKinds !== null || eventsFrom !== null || eventsTo !== null;
  const { lower, upper } = sortKeyRange(eventsFrom, eventsTo);
  // The page lies strictly between two sort keys: `after` and `before` in list order, turned
  // around for the orders listed highest first. The index is read upwards from lo, or down from hi.
  const up = ascendingList(order);
  const lo = (up ? request.after : request.before) ?? '';
  const hi = (up ? request.before : request.after) ?? TOP;
  // A prefix walked in name order reads the :Name keys between the prefix, the cursors' name keys.
  const loName = lo.split(' ')[0]!;
  const hiName = hi === TOP ? TOP : hi.split(' ')[0]!;
  return {
    page: {
      order,
      lo,
      hi,
      nameFrom: prefix !== null && prefix > loName ? prefix : loName,
      nameTo: hiName,
      label,
      category,
      prefix,
      kinds: eventKinds,
      lower,
      upper,
    },
    ascending: up !== request.backward,
    byEvents,
  };
}

/** What `entitiesStore.page` sends to entityPage for the first walk of a page (bench/planCache.ts sends the same). */
export function entityPageRead(filter: EntityFilter, request: EntityPageRequest): PageParams {
  const params = pageParams(filter, request);
  // When every entry a walk reads is on the page (no filter, or only the prefix that name order
  // walks), it reads no more than the page.
  const walkedPrefix = filter.order === 'NAME' ? null : filter.prefix;
  const scan =
    (filter.label ?? filter.category ?? walkedPrefix ?? (params.byEvents || null)) ? ENTITY_SCAN : request.first + 1;
  // A page in name order walks a prefix in its own key order; a set found by prefix would sort differently.
  const prefixNames = filter.order !== 'NAME';
  return { ...params, prefixNames, sets: true, cap: CANDIDATE_CAP, scan, first: request.first, countOnly: false };
}

/** What `entitiesStore.count` sends to entityPage when a filter beyond the label is set. */
export function entityCountRead(filter: EntityFilter): PageParams {
  const params = pageParams(filter, { first: 0, backward: false, after: null, before: null });
  // `first` does not bound a count: the walk (ENTITY_COUNT_SCAN entries) or the set does. With a
  // selective filter its set is counted, complete or not, and the order need not be walked.
  const scan = filter.prefix !== null || params.byEvents ? 0 : ENTITY_COUNT_SCAN;
  return { ...params, prefixNames: true, sets: true, cap: CANDIDATE_CAP, scan, first: 10_000_000, countOnly: true };
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
  /** Its primary citation (the first); null when read without citations, for a selection that reads none. */
  citation: { quote: string; source: CitationRow['source'] | null } | null;
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

export type SearchQuery = {
  /** The normalised key, for prefix matches. */
  key: string;
  /** The escaped Lucene query, for full-text matches. */
  query: string;
  limit: number;
};

export const entitiesStore = {
  async byId(read: Reader, id: string): Promise<EntityRow | null> {
    return (await read(q.entityById, { id }))[0]?.entity ?? null;
  },
  async byIds(read: Reader, ids: string[]): Promise<EntityRow[]> {
    return (await read(q.entitiesByIds, { ids })).map((r) => r.entity);
  },
  /**
   * A page of entities in `filter.order`, read from either end (cypher: entityPage). A walk that
   * stops at ENTITY_SCAN entries before the page is full reads on from where it stopped, at most
   * ENTITY_WALK_ROUNDS walks; then the page says it was cut.
   */
  async page(read: Reader, filter: EntityFilter, request: EntityPageRequest): Promise<EntityPage> {
    const params = entityPageRead(filter, request);
    const found: { entity: EntityRow; key: string }[] = [];
    let bounds = { lo: params.page.lo, hi: params.page.hi, nameFrom: params.page.nameFrom, nameTo: params.page.nameTo };
    for (let round = 1; ; round++) {
      const first = request.first - found.length;
      const [row] = await read(q.entityPage, {
        ...params,
        page: { ...params.page, ...bounds },
        sets: round === 1,
        first,
      });
      const { rows, walked, scanned, lastRead } = row!;
      found.push(...rows.slice(0, first));
      const entities = request.backward ? [...found].reverse() : found;
      const edge = found.at(-1)?.key ?? null;
      if (rows.length > first) return { entities, hasMore: true, continueKey: edge, cut: false };
      if (!(walked && scanned >= params.scan && lastRead !== null))
        return { entities, hasMore: false, continueKey: edge, cut: false };
      // The walk stopped at its bound: more may follow, from the last entry it read on.
      const full = found.length === request.first;
      if (full || round === ENTITY_WALK_ROUNDS) return { entities, hasMore: true, continueKey: lastRead, cut: !full };
      bounds = params.ascending
        ? { ...bounds, lo: lastRead, nameFrom: [bounds.nameFrom, lastRead.split(' ')[0]!].sort().at(-1)! }
        : { ...bounds, hi: lastRead, nameTo: [bounds.nameTo, lastRead.split(' ')[0]!].sort()[0]! };
    }
  },
  /**
   * Whether the filters match an entity on the other side of a page from the one it was read
   * towards: at or before the `after` cursor of a forward page, at or after the `before` cursor of
   * a backward one. A bounded walk that finds none before its bound says yes (some may lie beyond).
   */
  async beyond(read: Reader, filter: EntityFilter, request: EntityPageRequest): Promise<boolean> {
    const cursor = request.backward ? request.before : request.after;
    if (cursor === null) return false;
    // Bounds that take the cursor's own entry in: just past it in list order, or just short of it.
    const [past, short] = ascendingList(filter.order)
      ? [justAfter(cursor), justBefore(cursor)]
      : [justBefore(cursor), justAfter(cursor)];
    const probe: EntityPageRequest = request.backward
      ? { first: 0, backward: false, before: null, after: short }
      : { first: 0, backward: true, after: null, before: past };
    return (await this.page(read, filter, probe)).hasMore;
  },
  /**
   * How many entities the filters match: exact from the count store when at most a label is
   * given, or when a selective filter's complete set was counted; otherwise at least as many as
   * match among the first CANDIDATE_CAP + 1 entries of a selective filter's set (names or events)
   * or, without one, among ENTITY_COUNT_SCAN entries of the order, up to ENTITY_COUNT_CAP.
   */
  async count(read: Reader, filter: EntityFilter): Promise<{ count: number; exact: boolean }> {
    const { category, prefix, eventKinds, eventsFrom, eventsTo, label } = filter;
    if (category === null && prefix === null && eventKinds === null && eventsFrom === null && eventsTo === null) {
      const [row] = await read(q.entityCount, { filter: { label } });
      return { count: row!.count, exact: true };
    }
    const [row] = await read(q.entityPage, entityCountRead(filter));
    const { matched, walked, sampled, scanned } = row!;
    if (!walked) return { count: matched, exact: true };
    const more = sampled || matched > ENTITY_COUNT_CAP || scanned >= ENTITY_COUNT_SCAN;
    return { count: Math.min(matched, ENTITY_COUNT_CAP), exact: !more };
  },
  async search(read: Reader, search: SearchQuery): Promise<EntityRow[]> {
    const scan = Math.max(50, search.limit * 3);
    return (await read(q.searchEntities, { ...search, scan })).map((r) => r.entity);
  },
  async byName(read: Reader, key: string): Promise<EntityRow[]> {
    return (await read(q.entitiesByName, { key, limit: 100 })).map((r) => r.entity);
  },
  /** Each entity's stable relationships, at most PER_ENTITY, and whether it has more (one more is read to tell); without citations (`citation` null, `citations` empty) unless `withCitations`. */
  async relationshipsOf(
    read: Reader,
    ids: string[],
    withCitations = true,
  ): Promise<Map<string, Capped<RelationshipRow>>> {
    const rows = await read(q.relationshipsOf, {
      ids,
      perEntity: PER_ENTITY + 1,
      perFact: PER_FACT,
      withCitations,
    });
    return new Map(rows.map((r) => [r.id, capped(r.relationships)]));
  },
  /** One relationship from its start `from` to `to`, null when there is none with that id. */
  async relationshipById(read: Reader, key: { id: string; from: string; to: string }): Promise<RelationshipRow | null> {
    return (await this.relationshipsByIds(read, [key]))[0]?.relationship ?? null;
  },
  /** Relationships by id and ends, each with its start entity; unknown ones are left out. */
  async relationshipsByIds(
    read: Reader,
    keys: { id: string; from: string; to: string }[],
  ): Promise<{ from: EntityRow; relationship: RelationshipRow }[]> {
    return keys.length ? read(q.relationshipsByIds, { keys, perFact: PER_FACT }) : [];
  },
  /** Each entity's mentions, at most PER_ENTITY, and whether it has more. */
  async mentionsOf(read: Reader, ids: string[]): Promise<Map<string, Capped<MentionRow>>> {
    const rows = await read(q.mentionsOf, { ids, perEntity: PER_ENTITY + 1 });
    return new Map(rows.map((r) => [r.id, capped(r.mentions)]));
  },
};
