import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR } from '../cypher/cypherFiles';
import type { EntityRecord, EventRecord, FactSet, RelationshipRecord, SourceRecord } from '../model/records';

export const SEED_DIR = path.join(CYPHER_DIR, 'seed');
export const SEED_FILES = ['sources.json', 'entities.json', 'relationships.json', 'events.json'] as const;

/** Bump when src/model/factRows.ts derives new stored properties, so stored graphs get them. */
export const MODEL_VERSION = 3;

export type SeedData = FactSet & { checksum: string };

/**
 * Reads the reviewed seed files (cypher/seed/data/*.json) and the text of each source they cite
 * (cypher/seed/source/), with a checksum over all of it to tell whether the graph is up to date.
 */
export function readSeedData(dir = SEED_DIR): SeedData {
  // The model version is part of the checksum: derived properties changed → the seed reloads.
  const hash = createHash('sha256').update(`model ${MODEL_VERSION}`);
  const read = (file: string) => {
    const text = readFileSync(file, 'utf8');
    hash.update(path.basename(file)).update(text);
    return text;
  };
  // Typed as the records they claim to be; the writer validates them like any other input.
  const load = <T>(file: (typeof SEED_FILES)[number]) => JSON.parse(read(path.join(dir, 'data', file))) as T[];
  const [sources, entities, relationships, events] = [
    load<SourceRecord>(SEED_FILES[0]),
    load<EntityRecord>(SEED_FILES[1]),
    load<RelationshipRecord>(SEED_FILES[2]),
    load<EventRecord>(SEED_FILES[3]),
  ];
  const withText = sources.map((source) =>
    source.file ? { ...source, text: read(path.join(dir, 'source', source.file)) } : source,
  );
  return { sources: withText, entities, relationships, events, checksum: hash.digest('hex') };
}
