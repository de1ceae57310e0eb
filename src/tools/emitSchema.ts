import { writeFileSync } from 'node:fs';
import { buildGraphQLSchema, printSDL, SCHEMA_FILE } from '../graphql/schema';

/** Writes schema/schema.graphql from the code (npm run schema:emit). */
async function main(): Promise<void> {
  writeFileSync(SCHEMA_FILE, printSDL(await buildGraphQLSchema()));
  console.log(`wrote ${SCHEMA_FILE}`);
}

void main();
