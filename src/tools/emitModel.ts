import { readFileSync, writeFileSync } from 'node:fs';
import { buildGraphQLSchema, printSDL, SCHEMA_FILE } from '../graphql/schema';
import { withModelTables } from '../model/modelDoc';
import { repoPath } from '../paths';
import { seedExpectationsModule } from '../seed/seedCounts';
import { readSeedData } from '../seed/seedData';

/**
 * npm run model:emit: writes every file generated from the registry and the seed data — the SDL
 * (schema/schema.graphql), the registry tables of docs/model.md and the seed's counts that the
 * tests expect (test/support/seedExpectations.ts). Run after changing either; commit the diffs.
 */
async function main(): Promise<void> {
  writeFileSync(SCHEMA_FILE, printSDL(await buildGraphQLSchema()));
  const doc = repoPath('docs', 'model.md');
  writeFileSync(doc, withModelTables(readFileSync(doc, 'utf8')));
  const expectations = repoPath('test', 'support', 'seedExpectations.ts');
  writeFileSync(expectations, seedExpectationsModule(readSeedData()));
  for (const file of [SCHEMA_FILE, doc, expectations]) console.log(`wrote ${file}`);
}

void main();
