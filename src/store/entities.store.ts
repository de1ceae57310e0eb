import { loadCypherFile } from '../cypher/cypherFiles';
import type { EntityLabel, OrganizationCategory } from '../model/vocabulary';
import type { Reader } from '../neo4j/executor';
import type { CitationRow } from './events.store';

/** cypher/queries/entities.cypher with typed parameters and rows. */
const q = loadCypherFile('queries/entities.cypher', [
  'entityById',
  'entityList',
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
  async list(read: Reader, filter: { label: EntityLabel | null; category: OrganizationCategory | null; offset: number; limit: number }) {
    return (await read<{ entity: EntityRow }>(q.entityList, { ...filter })).map((r) => r.entity);
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
