import { loadCypherFile, type Contract, type NoParams, type NoRow } from '../cypher/cypherFiles';
import type { Executor, Reader, Run } from '../neo4j/executor';

/**
 * The bookkeeping queries (cypher/admin/migrations.cypher, cypher/admin/derived.cypher, cypher/seed/seed.cypher,
 * cypher/queries/health.cypher, cypher/queries/sources.cypher) with typed rows.
 */
const migrations = loadCypherFile<{
  appliedMigrations: Contract<NoParams, { id: string; checksum: string }>;
  recordMigration: Contract<{ id: string; checksum: string }, NoRow>;
}>('admin/migrations.cypher', ['appliedMigrations', 'recordMigration']);
const seed = loadCypherFile<{
  seedState: Contract<NoParams, { checksum: string | null }>;
  recordSeedState: Contract<{ checksum: string }, NoRow>;
}>('seed/seed.cypher', ['seedState', 'recordSeedState']);
const derived = loadCypherFile<{
  derivedState: Contract<NoParams, { versions: string | null }>;
  recordDerivedState: Contract<{ versions: string }, NoRow>;
}>('admin/derived.cypher', ['derivedState', 'recordDerivedState']);
const health = loadCypherFile<{ health: Contract<NoParams, HealthRow> }>('queries/health.cypher', ['health']);
type FactsPage = { sourceId: string; after: string; before: string; first: number; perFact: number };
const sources = loadCypherFile<{
  sources: Contract<{ after: string; first: number }, { source: SourceRow }>;
  sourceById: Contract<{ id: string }, { source: SourceRow }>;
  sourceFacts: Contract<FactsPage, SourceFactRow>;
  sourceFactsBackward: Contract<FactsPage, SourceFactRow>;
}>('queries/sources.cypher', ['sources', 'sourceById', 'sourceFacts', 'sourceFactsBackward']);

export interface HealthRow {
  neo4jVersion: string;
  entities: number;
  events: number;
}

export interface SourceRow {
  id: string;
  title: string;
  publisher: string | null;
  date: string | null;
  language: string | null;
}

/** A fact a source states, with that source's citations of it. */
export interface SourceFactRow {
  factId: string;
  kind: 'ENTITY' | 'EVENT' | 'RELATIONSHIP';
  /** The node the citations hang on: the entity, the event, or a relationship's start. */
  start: string;
  citations: { quote: string; position: number | null; offset: number | null }[];
}

export const adminStore = {
  appliedMigrations: (db: Executor) => db.read(migrations.appliedMigrations),
  recordMigration: (db: Executor, id: string, checksum: string) =>
    db.write(migrations.recordMigration, { id, checksum }),
  async seedChecksum(db: Executor): Promise<string | null> {
    return (await db.read(seed.seedState))[0]?.checksum ?? null;
  },
  recordSeedState: (run: Run, checksum: string) => run(seed.recordSeedState, { checksum }),
  /** The version of each derived-data step the graph was computed with (src/db/derived.ts). */
  async derivedVersions(db: Executor): Promise<Record<string, number>> {
    const versions = (await db.read(derived.derivedState))[0]?.versions;
    return versions ? (JSON.parse(versions) as Record<string, number>) : {};
  },
  recordDerivedVersions: (db: Executor, versions: Record<string, number>) =>
    db.write(derived.recordDerivedState, { versions: JSON.stringify(versions) }),
  async health(read: Reader): Promise<HealthRow> {
    return (await read(health.health))[0]!;
  },
  async sources(read: Reader, page: { after: string; first: number }): Promise<SourceRow[]> {
    return (await read(sources.sources, page)).map((r) => r.source);
  },
  /**
   * At most `first` + 1 facts citing `sourceId` between the fact ids `after` and `before`
   * (exclusive): the first ones in id order, or with `backward` the last ones, last first.
   */
  sourceFacts: (
    read: Reader,
    {
      backward,
      after,
      before,
      ...page
    }: {
      sourceId: string;
      after: string | null;
      before: string | null;
      first: number;
      perFact: number;
      backward: boolean;
    },
  ) =>
    read(backward ? sources.sourceFactsBackward : sources.sourceFacts, {
      ...page,
      after: after ?? '',
      before: before ?? '\uffff',
    }),
  async sourceById(read: Reader, id: string): Promise<SourceRow | null> {
    return (await read(sources.sourceById, { id }))[0]?.source ?? null;
  },
};
