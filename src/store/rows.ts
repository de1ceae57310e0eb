import type { EntityLabel, EventKind } from '../model/vocabulary';

/**
 * The rows the stores share, declared once: what several .cypher files project for an entity, an
 * event or a citation, and what the writer records of a revision and its author.
 */

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

export interface CitationRow {
  quote: string;
  position: number | null;
  /** Where the quote starts in the source's text (characters); null when not derived. */
  offset: number | null;
  source: { id: string; title: string; publisher: string | null; date: string | null; language: string | null };
}

/** An event as projected by every query of events.cypher: its properties, participants and citations. */
export interface EventRow extends Record<string, unknown> {
  id: string;
  kind: EventKind;
  sortKey: string;
  participants: { role: string; position: number | null; entity: EntityRow }[];
  sources: CitationRow[];
}

export interface RevisionRow {
  targetId: string;
  action: 'CREATE' | 'UPDATE' | 'CORROBORATE' | 'WITHDRAW' | 'RETRACT';
  fields: string[];
  before: string | null;
  after: string | null;
}

export interface Author {
  principal: string;
  role: string;
}
