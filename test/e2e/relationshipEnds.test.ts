import { isObjectType, isScalarType, isEnumType, getNamedType, type GraphQLSchema } from 'graphql';
import { buildGraphQLSchema } from '../../src/graphql/schema';
import { startTestApp } from '../support/app';

/**
 * The lists drawn from stable relationships read the other ends with the properties the Entity
 * types expose (not every stored one), and without citations when the selection reads none
 * (cypher/queries/entities.cypher relationshipsOf). Both must answer exactly what the full read does.
 */

/** Every argument-free scalar or enum field of each entity type, as inline fragments. */
function entityFields(schema: GraphQLSchema, types = ['Person', 'Organization', 'Product', 'Group']): string {
  const fragments = types.map((name) => {
    const type = schema.getType(name);
    if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
    const fields = Object.values(type.getFields())
      .filter((f) => !f.args.length)
      .filter((f) => {
        const named = getNamedType(f.type);
        return isScalarType(named) || isEnumType(named);
      })
      .map((f) => f.name);
    return `... on ${name} { ${fields.join(' ')} }`;
  });
  return `{ ${fragments.join(' ')} }`;
}

describe('relationship ends and citations', () => {
  let api: Awaited<ReturnType<typeof startTestApp>>;
  let fields: string;
  let orgFields: string;
  let productFields: string;
  beforeAll(async () => {
    api = await startTestApp();
    const schema = await buildGraphQLSchema();
    [fields, orgFields, productFields] = [
      entityFields(schema),
      entityFields(schema, ['Organization']),
      entityFields(schema, ['Product']),
    ];
  });
  afterAll(() => api?.close());

  it("an organization's people, a person's roles and the derived lists carry every scalar field of their ends, as entity(id:) answers them", async () => {
    const { data, errors } = await api.gql(`{
      org: entity(id: "org/moonshot-ai") { ... on Organization {
        people { from ${fields} } investors { from ${fields} } subsidiaries ${orgFields} products ${productFields} } }
      person: entity(id: "person/yang-zhilin") { ... on Person { roles { to ${fields} } } } }`);
    expect(errors).toBeUndefined();
    const ends = [
      ...data.org.people.map((r: { from: unknown }) => r.from),
      ...data.org.investors.map((r: { from: unknown }) => r.from),
      ...data.org.subsidiaries,
      ...data.org.products,
      ...data.person.roles.map((r: { to: unknown }) => r.to),
    ] as { id: string }[];
    expect(ends.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ends.map((e) => (e as { label?: string }).label))).toEqual(new Set(['Person', 'Organization']));
    for (const end of ends) {
      const direct = await api.gql(`query($id: ID!) { entity(id: $id) ${fields} }`, { id: end.id });
      expect(end).toEqual(direct.data.entity);
    }
  });

  it('the same relationships with and without their citations, and the citations when asked for', async () => {
    const bare = await api.gql('{ entity(id: "org/moonshot-ai") { ... on Organization { people { id role } } } }');
    const cited = await api.gql(
      '{ entity(id: "org/moonshot-ai") { ... on Organization { people { id role sourceCount citation { quote source { id } } citations { quote } } } } }',
    );
    expect(bare.errors).toBeUndefined();
    expect(cited.errors).toBeUndefined();
    const people = cited.data.entity.people as {
      id: string;
      role: string;
      sourceCount: number;
      citation: { quote: string };
      citations: unknown[];
    }[];
    expect(bare.data.entity.people).toEqual(people.map(({ id, role }) => ({ id, role })));
    for (const p of people) {
      expect(p.citation.quote.length).toBeGreaterThan(0);
      expect(p.citations.length).toBeGreaterThan(0);
      expect(p.sourceCount).toBeGreaterThan(0);
    }
  });
});
