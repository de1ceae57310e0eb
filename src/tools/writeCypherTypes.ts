import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR } from '../cypher/cypherFiles';
import { spellStableTypes } from '../cypher/stableTypes';

/**
 * npm run cypher:types: spells the stable relationship types of every named-block file
 * (cypher/queries, cypher/admin) from the registry. Migrations (cypher/schema) are checksummed
 * once applied: a new type's constraints and indexes go in a new migration.
 */
for (const folder of ['queries', 'admin']) {
  for (const name of readdirSync(path.join(CYPHER_DIR, folder)).filter((f) => f.endsWith('.cypher'))) {
    const file = path.join(CYPHER_DIR, folder, name);
    const text = readFileSync(file, 'utf8');
    const spelled = spellStableTypes(text);
    if (spelled !== text) {
      writeFileSync(file, spelled);
      console.log(`${path.relative(CYPHER_DIR, file)}: stable relationship types respelled`);
    }
  }
}
