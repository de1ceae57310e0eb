import { readFileSync } from 'node:fs';
import { buildGraphQLSchema, printSDL, SCHEMA_FILE } from '../../src/graphql/schema';

describe('schema/schema.graphql', () => {
  it('is the SDL the code builds (regenerate with `npm run model:emit`)', async () => {
    const fromCode = printSDL(await buildGraphQLSchema());
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== fromCode) {
      throw new Error(
        'schema/schema.graphql is out of date with the code: run `npm run model:emit` (or `npm run schema:emit`) and commit the file',
      );
    }
  });
});
