import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  getNamedType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { LABEL_COLORS } from '../../src/graph/palette';
import { buildGraphQLSchema } from '../../src/graphql/schema';
import {
  ENTITY_COLORS,
  EVENT_KINDS,
  EVENT_KIND_LIST,
  MOVE_DESTINATION_ROLE,
  RELATIONSHIP_TYPE_LIST,
  STABLE_TYPES_PATTERN,
  type RoleSpec,
} from '../../src/model/registry';
import { kindSchemaMigration } from '../../src/db/migrations';
import { idConstraintName } from '../../src/model/kindSchema';
import { modelTables } from '../../src/model/modelDoc';
import { repoPath } from '../../src/paths';

/** The GraphQL type a role's field must have: lists for many, non-null when required and single. */
function expectedType(role: RoleSpec): string {
  const only = role.labels.length === 1 ? role.labels[0]! : 'Entity';
  if (role.many) return `[${only}!]!`;
  return role.required ? `${only}!` : only;
}

const printType = (type: GraphQLOutputType): string =>
  type instanceof GraphQLNonNull
    ? `${printType(type.ofType)}!`
    : type instanceof GraphQLList
      ? `[${printType(type.ofType)}]`
      : getNamedType(type).name;

describe('the registry is the one source of the model', () => {
  it('gives the move destination role to TALENT_MOVE only, an Organization (eventStats counts moves by it)', () => {
    const holders = EVENT_KIND_LIST.filter((kind) =>
      EVENT_KINDS[kind].roles.some((r) => r.role === MOVE_DESTINATION_ROLE),
    );
    expect(holders).toEqual(['TALENT_MOVE']);
    expect(EVENT_KINDS.TALENT_MOVE.roles.find((r) => r.role === MOVE_DESTINATION_ROLE)).toMatchObject({
      labels: ['Organization'],
      many: false,
      required: true,
    });
  });

  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGraphQLSchema();
  });

  it.each(EVENT_KIND_LIST)('the GraphQL type of %s has one field per role, typed as the registry says', (kind) => {
    const spec = EVENT_KINDS[kind];
    const type = schema.getType(spec.label);
    expect(type).toBeInstanceOf(GraphQLObjectType);
    const fields = (type as GraphQLObjectType).getFields();
    const actual = Object.fromEntries(
      spec.roles.map((r) => [r.field, fields[r.field] ? printType(fields[r.field]!.type) : 'missing']),
    );
    const expected = Object.fromEntries(spec.roles.map((r) => [r.field, expectedType(r)]));
    expect(actual).toEqual(expected);
    expect((type as GraphQLObjectType).description).toBe(spec.description);
  });

  it('the EventKind enum of the schema lists exactly the registry kinds', () => {
    const values = (schema.getType('EventKind') as unknown as { getValues(): { name: string }[] })
      .getValues()
      .map((v) => v.name);
    expect(values).toEqual(EVENT_KIND_LIST);
  });

  it('role names are unique across kinds (an INVOLVES role names its kind: the role index relies on it)', () => {
    const roles = EVENT_KIND_LIST.flatMap((k) => EVENT_KINDS[k].roles.map((r) => r.role));
    expect(roles.filter((r, i) => roles.indexOf(r) !== i)).toEqual([]);
  });

  it('every Cypher file spells the stable relationship types as the registry lists them', () => {
    const dir = repoPath('cypher', 'queries');
    const lists = readdirSync(dir).flatMap((file) =>
      [...readFileSync(path.join(dir, file), 'utf8').matchAll(/:((?:[A-Z_]+\|)+[A-Z_]+)/g)].map((m) => ({
        file,
        list: m[1]!,
      })),
    );
    const stable = lists.filter(({ list }) => list.includes('FOUNDED'));
    expect(stable.length).toBeGreaterThan(3);
    for (const { file, list } of stable) {
      expect({ file, list: list.replace(/\|INVOLVES$/, '') }).toEqual({ file, list: STABLE_TYPES_PATTERN });
    }
  });

  it('writeRelationships has a MERGE for every stable type (a type without one would not be written)', () => {
    const block = readFileSync(repoPath('cypher', 'queries', 'facts.cypher'), 'utf8')
      .split('// @query writeRelationships')[1]!
      .split('// @query')[0]!;
    const merged = [...block.matchAll(/WHERE row\.type = '([A-Z_]+)'\s+MERGE \(a\)-\[r:([A-Z_]+) /g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(merged).toEqual(RELATIONSHIP_TYPE_LIST.map((t) => [t, t]));
  });

  it('every label has a colour, and no two labels share one', () => {
    const labels = ['Person', 'Organization', 'Product', 'Group', ...EVENT_KIND_LIST.map((k) => EVENT_KINDS[k].label)];
    expect(Object.keys(LABEL_COLORS).sort()).toEqual([...labels].sort());
    expect(new Set(Object.values(LABEL_COLORS)).size).toBe(labels.length);
  });

  it('every event label is a plain identifier with its uniqueness constraint, which the migrations derive', () => {
    const statements = kindSchemaMigration().statements;
    for (const kind of EVENT_KIND_LIST) {
      const { label } = EVENT_KINDS[kind];
      expect({ kind, label }).toEqual({ kind, label: expect.stringMatching(/^[A-Z][A-Za-z]*$/) });
      expect(statements).toContain(
        `CREATE CONSTRAINT ${idConstraintName(label)} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
      );
    }
    // The same names as the constraints the first migration file created for the first kinds: no duplicates.
    const first = readFileSync(repoPath('cypher', 'schema', '001-constraints.cypher'), 'utf8');
    for (const [, name, label] of first.matchAll(/CREATE CONSTRAINT (\w+) IF NOT EXISTS FOR \(n:(\w+)\)/g)) {
      if (Object.values(EVENT_KINDS).some((k) => k.label === label)) expect(idConstraintName(label!)).toBe(name);
    }
  });

  it('kind labels and slugs are unique, and no kind label is another label of the graph', () => {
    const specs = Object.values(EVENT_KINDS);
    const repeated = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);
    expect(repeated(specs.map((k) => k.label))).toEqual([]);
    expect(repeated(specs.map((k) => k.slug))).toEqual([]);
    const others = ['Entity', 'Event', 'Source', 'Name', 'Revision', 'Tally', 'Change', ...Object.keys(ENTITY_COLORS)];
    expect(specs.map((k) => k.label).filter((label) => others.includes(label))).toEqual([]);
  });

  it('docs/model.md carries the tables generated from the registry (npm run docs:model rewrites them)', () => {
    const doc = readFileSync(repoPath('docs', 'model.md'), 'utf8');
    expect(doc).toContain(modelTables());
  });

  it('the RelationshipType list has the registry order', () => {
    expect(STABLE_TYPES_PATTERN.split('|')).toEqual(RELATIONSHIP_TYPE_LIST);
  });
});
