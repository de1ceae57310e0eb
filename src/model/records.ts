import type { EntityLabel, EventKind, RelationshipType } from './vocabulary';

/**
 * Facts as reviewable records: the shape of cypher/seed/data/*.json, of the import's files and of
 * the API's write inputs. src/model/factRows.ts checks them against the registry and turns them into
 * the parameter rows of cypher/queries/facts.cypher.
 */
export interface Money {
  amount: number;
  currency: string;
}

export interface SourceRecord {
  id: string;
  title: string;
  publisher?: string;
  date?: string;
  language?: string;
  file?: string;
  /** The full text, against which every quote citing this source is checked. */
  text?: string;
}

/** A verbatim span of a source that states a fact; the set's first source when `sourceId` is omitted. */
export interface CitationRecord {
  sourceId?: string;
  quote: string;
}

/**
 * How a record cites: `citations` (one or more, any sources), or the shorthand of one source
 * (`sourceId`) with its `quote` (entities, relationships) or `quotes` (events); both may be given.
 */
export interface Cited {
  citations?: CitationRecord[];
  /** The source of the shorthand quote(s); the first source of the set when omitted. */
  sourceId?: string;
}

export interface EntityRecord extends Cited {
  id: string;
  label: EntityLabel;
  name: string;
  aliases?: string[];
  categories?: string[];
  description?: string;
  anonymous?: boolean;
  quote?: string;
  /** Accept a name another entity of the same label already has (two people called 李明). */
  allowSameName?: boolean;
}

export interface RelationshipRecord extends Cited {
  type: RelationshipType;
  from: string;
  to: string;
  role?: string;
  roleEn?: string;
  since?: string;
  until?: string;
  current?: boolean;
  /** True when the source does not state the relationship and it is read from elsewhere (a name); `inferredBasis` says from what. */
  inferred?: boolean;
  inferredBasis?: string;
  quote?: string;
}

export interface EventRecord extends Cited {
  id: string;
  kind: EventKind;
  date: string | null;
  dateNote?: string;
  summary: string;
  participants: { role: string; id: string }[];
  props?: Record<string, unknown>;
  quotes?: string[];
  /** Report a distinct event although one of the same kind, participants and a compatible date exists. */
  allowSimilar?: boolean;
}

/** More citations for a fact that exists (an entity, event or relationship id): a second source's report. */
export interface CorroborationRecord {
  factId: string;
  citations: CitationRecord[];
}

export interface FactSet {
  sources: SourceRecord[];
  entities: EntityRecord[];
  relationships: RelationshipRecord[];
  events: EventRecord[];
  corroborations?: CorroborationRecord[];
}

/** What a citation is attached to: each kind keeps its citations on its own relationship type. */
export type FactKind = 'ENTITY' | 'EVENT' | 'RELATIONSHIP';

/** One citation as the writer handles it: its source, quote, and where it is in the record. */
export interface FactCitation {
  sourceId: string;
  quote: string;
  /** Where the quote is in the record (`events.3.quotes.1`), for errors. */
  path: string;
  sourcePath: string;
}

/** Properties the writer keeps for itself on every fact; they never count as a change. */
export const BOOKKEEPING_KEYS = [
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'derivedVersion',
  'citationCount',
  'sourceCount',
] as const;
