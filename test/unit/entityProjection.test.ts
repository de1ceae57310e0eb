import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getNamedType, isLeafType, type GraphQLObjectType } from 'graphql';
import ts from 'typescript';
import { CYPHER_DIR, parseCypherBlocks } from '../../src/cypher/cypherFiles';
import { buildGraphQLSchema } from '../../src/graphql/schema';

const ROOT = path.resolve(__dirname, '../..');

/** The property names of EntityRow (src/store/rows.ts), read with the type checker. */
function entityRowKeys(): string[] {
  const file = path.join(ROOT, 'src', 'store', 'rows.ts');
  const program = ts.createProgram([file], { strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const row = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'EntityRow',
  )!;
  return checker
    .getPropertiesOfType(checker.getTypeAtLocation(row.name))
    .map((p) => p.name)
    .sort();
}

/** Every map projection of an entity (`x {.id, .label, …}`: it names the label) in the read path's blocks, by block. */
function entityProjections(file: string): { block: string; variable: string; properties: string[] }[] {
  const text = readFileSync(path.join(CYPHER_DIR, file), 'utf8');
  return [...parseCypherBlocks(text, file)].flatMap(([block, cypher]) =>
    [...cypher.matchAll(/\b(\w+) \{(\.\w+(?:, \.\w+)*)\}/g)]
      .filter((m) => m[2]!.split(', ').includes('.label'))
      .map((m) => ({
        block: `${file}#${block}`,
        variable: m[1]!,
        properties: m[2]!
          .split(', ')
          .map((p) => p.slice(1))
          .sort(),
      })),
  );
}

/** Scalar fields the relationship and mention loaders answer (whether their lists were cut), not the row. */
const FROM_LOADERS = ['mentionsTruncated', 'relationshipsTruncated'];

describe('entity projections (issue 20: project only what the API exposes)', () => {
  const files = ['queries/entities.cypher', 'queries/events.cypher'];

  it("EntityRow holds the properties the Entity types show: every field of Person, Organization, Product and Group that takes no argument and is a scalar or an enum, but the loaders' own", async () => {
    const schema = await buildGraphQLSchema();
    const leaves = new Set<string>();
    for (const name of ['Person', 'Organization', 'Product', 'Group']) {
      const type = schema.getType(name) as GraphQLObjectType;
      for (const field of Object.values(type.getFields()))
        if (field.args.length === 0 && isLeafType(getNamedType(field.type)) && !FROM_LOADERS.includes(field.name))
          leaves.add(field.name);
    }
    expect([...leaves].sort()).toEqual(entityRowKeys());
  });

  it("every entity the entity and event blocks return is projected with exactly EntityRow's properties: participants, pages, look-ups, relationships' ends", () => {
    const projections = files.flatMap(entityProjections);
    const blocks = new Set(projections.map((p) => p.block));
    expect([...blocks].sort()).toEqual(
      expect.arrayContaining([
        'queries/entities.cypher#entityById',
        'queries/entities.cypher#entitiesByIds',
        'queries/entities.cypher#entityPage',
        'queries/entities.cypher#searchEntities',
        'queries/entities.cypher#relationshipsOf',
        'queries/entities.cypher#relationshipsByIds',
        'queries/entities.cypher#entitiesByName',
        'queries/events.cypher#eventPage',
        'queries/events.cypher#eventPageBackward',
        'queries/events.cypher#eventsByIds',
        'queries/events.cypher#eventsOfEntities',
        'queries/events.cypher#eventsOfEntitiesBackward',
      ]),
    );
    const keys = entityRowKeys();
    expect(projections.filter((p) => p.properties.join() !== keys.join())).toEqual([]);
  });

  it('no block of these files projects a node with every stored property (`{.*}`) but the events themselves (their kind-specific attributes)', () => {
    const all = files.flatMap((file) =>
      [...parseCypherBlocks(readFileSync(path.join(CYPHER_DIR, file), 'utf8'), file)].flatMap(([block, cypher]) =>
        [...cypher.matchAll(/\b(\w+) \{\s*\.\*/g)].map((m) => `${file}#${block}: ${m[1]}`),
      ),
    );
    expect(all.every((p) => p.endsWith(': e'))).toBe(true);
    expect(all.filter((p) => !p.endsWith(': e'))).toEqual([]);
  });
});
