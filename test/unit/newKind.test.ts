/**
 * Adding a kind is one registry entry: the LAYOFF block of docs/model.md ("Adding an event kind"),
 * injected into a copy of the registry's entries before anything reads them, reaches the GraphQL
 * schema, the resolvers, the writer's rules, the API's input, the migrations, the palette, the
 * docs' tables and the seed's expectations, with no other edit.
 */
jest.mock('../../src/model/registry', () =>
  jest
    .requireActual<typeof import('../support/docsKind')>('../support/docsKind')
    .registryWithDocsKind(jest.requireActual('../../src/model/registry')),
);

import { readFileSync } from 'node:fs';
import {
  buildSchema as buildSDL,
  findBreakingChanges,
  findDangerousChanges,
  graphql,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLObjectType,
} from 'graphql';
import { kindSchemaMigration } from '../../src/db/migrations';
import { toFactRows } from '../../src/model/factRows';
import type { EventRecord, FactSet } from '../../src/model/records';
import { colorOf, LABEL_COLORS } from '../../src/graph/palette';
import { createContext } from '../../src/graphql/context';
import { toEventRecord } from '../../src/graphql/facts/factInputs';
import { EventInput, MoneyInput, ParticipantInput } from '../../src/graphql/facts/facts.input';
import { buildGraphQLSchema, printSDL, SCHEMA_FILE } from '../../src/graphql/schema';
import { modelTables } from '../../src/model/modelDoc';
import { EVENT_KINDS, EVENT_KIND_LIST, EventKind, MONEY_PROPERTIES } from '../../src/model/registry';
import { GraphGenerator } from '../../src/generate/graph';
import { seedExpectationsModule } from '../../src/seed/seedCounts';
import { readSeedData } from '../../src/seed/seedData';
import { fakeExecutor } from '../support/fakeDriver';

/** LAYOFF is a string the compiled registry does not know: the kinds here are the mocked module's. */
const LAYOFF = 'LAYOFF' as EventKind;

const source = { id: 'source/s', title: 'S', text: '亞馬遜裁員,楊植麟與張宇韜離開。' };
const entities: FactSet['entities'] = [
  { id: 'org/amazon', label: 'Organization' as never, name: '亞馬遜', quote: '亞馬遜裁員' },
  { id: 'person/yang-zhilin', label: 'Person' as never, name: '楊植麟', quote: '楊植麟' },
  { id: 'person/zhang-yutao', label: 'Person' as never, name: '張宇韜', quote: '張宇韜' },
];
const layoff = (overrides: Partial<EventRecord> = {}): EventRecord => ({
  id: 'event/layoff/amazon-2024',
  kind: LAYOFF,
  date: '2024-05',
  summary: 'Amazon lets two go',
  participants: [
    { role: 'employer', id: 'org/amazon' },
    { role: 'laidOff', id: 'person/yang-zhilin' },
    { role: 'laidOff', id: 'person/zhang-yutao' },
  ],
  props: { headcount: 2, severance: { amount: 1e6, currency: 'USD' }, reason: '調整' },
  quotes: ['亞馬遜裁員,楊植麟與張宇韜離開'],
  ...overrides,
});
const write = (event: EventRecord) => toFactRows({ sources: [source], entities, relationships: [], events: [event] });

describe("a kind added to the registry (docs/model.md's LAYOFF) reaches every part derived from it", () => {
  it('the registry: the last kind, in the enum, with its money property', () => {
    expect(EVENT_KIND_LIST).toContain('LAYOFF');
    expect(EventKind).toHaveProperty('LAYOFF', 'LAYOFF');
    expect(EVENT_KINDS[LAYOFF]).toMatchObject({ label: 'Layoff', slug: 'layoff', money: ['severance'] });
    expect(MONEY_PROPERTIES).toEqual(expect.arrayContaining(['price', 'valuation', 'amount', 'severance']));
  });

  describe('the GraphQL schema', () => {
    let schema: Awaited<ReturnType<typeof buildGraphQLSchema>>;
    beforeAll(async () => {
      schema = await buildGraphQLSchema();
    });

    it('has the type Layoff: a field per role, then one per typed property', () => {
      const type = schema.getType('Layoff') as GraphQLObjectType;
      expect(type).toBeInstanceOf(GraphQLObjectType);
      expect(type.description).toBe('People let go by an organization');
      expect(type.getInterfaces().map((i) => i.name)).toEqual(['Event', 'Node']);
      const common = Object.keys((schema.getType('Event') as GraphQLObjectType).getFields());
      const own = Object.values(type.getFields()).filter((f) => !common.includes(f.name));
      expect(own.map((f) => `${f.name}: ${String(f.type)}`)).toEqual([
        'employer: Organization!',
        'laidOff: [Entity!]!',
        'headcount: Int',
        'severance: Money',
      ]);
      expect(type.getFields()['headcount']?.description).toBe('How many people were let go, as the source counts them');
    });

    it('has LAYOFF in EventKind, severance in EventInput and the new roles in ParticipantInput', () => {
      const kinds = (schema.getType('EventKind') as GraphQLEnumType).getValues().map((v) => v.name);
      expect(kinds).toEqual(EVENT_KIND_LIST);
      const input = (schema.getType('EventInput') as GraphQLInputObjectType).getFields();
      expect(String(input['severance']?.type)).toBe('MoneyInput');
      const role = (schema.getType('ParticipantInput') as GraphQLInputObjectType).getFields()['role'];
      expect(role?.description).toMatch(/, employer, laidOff$/);
    });

    it('only adds to the committed schema: nothing breaks; the new enum value and input field are the dangerous changes', () => {
      const committed = buildSDL(readFileSync(SCHEMA_FILE, 'utf8'));
      const now = buildSDL(printSDL(schema));
      expect(findBreakingChanges(committed, now)).toEqual([]);
      // none once the walk-through is followed: the committed schema then has the kind already
      const added = committed.getType('Layoff')
        ? []
        : [
            'LAYOFF was added to enum type EventKind.',
            'An optional field severance on input type EventInput was added.',
          ];
      expect(findDangerousChanges(committed, now).map((c) => c.description)).toEqual(added);
    });

    it('resolves a stored layoff: participants by role, severance as Money, the type by its kind', async () => {
      const org = { id: 'org/amazon', name: '亞馬遜', label: 'Organization' };
      const person = (id: string, name: string) => ({ id, name, label: 'Person' });
      const { db, sent } = fakeExecutor({
        eventsByIds: [
          {
            event: {
              id: 'event/layoff/amazon-2024',
              kind: 'LAYOFF',
              date: '2024-05',
              summary: 'Amazon lets two go',
              sortKey: '2024-05 event/layoff/amazon-2024',
              headcount: 2,
              severanceAmount: 1e6,
              severanceCurrency: 'USD',
              participants: [
                { role: 'laidOff', position: 2, entity: person('person/zhang-yutao', '張宇韜') },
                { role: 'employer', position: 0, entity: org },
                { role: 'laidOff', position: 1, entity: person('person/yang-zhilin', '楊植麟') },
              ],
              sources: [],
            },
          },
        ],
      });
      const result = await graphql({
        schema,
        source: `{ event(id: "event/layoff/amazon-2024") { __typename kind ... on Layoff {
          employer { id } laidOff { id } headcount severance { amount currency } } } }`,
        contextValue: createContext(db),
      });
      expect(result).toEqual({
        data: {
          event: {
            __typename: 'Layoff',
            kind: 'LAYOFF',
            employer: { id: 'org/amazon' },
            laidOff: [{ id: 'person/yang-zhilin' }, { id: 'person/zhang-yutao' }],
            headcount: 2,
            severance: { amount: 1e6, currency: 'USD' },
          },
        },
      });
      expect(sent.map((s) => s.query)).toEqual(['events.cypher#eventsByIds']);
    });
  });

  describe("the writer's rules", () => {
    it('accepts a layoff: its label, roles with their labels, severance flattened', () => {
      const rows = write(layoff());
      expect(rows.refused).toEqual([]);
      const [event] = rows.events;
      expect(event).toMatchObject({
        label: 'Layoff',
        props: { kind: 'LAYOFF', headcount: 2, severanceAmount: 1e6, severanceCurrency: 'USD', reason: '調整' },
      });
      expect(event?.participants.map((p) => [p.props.role, p.labels])).toEqual([
        ['employer', ['Organization']],
        ['laidOff', ['Person', 'Group']],
        ['laidOff', ['Person', 'Group']],
      ]);
    });

    it.each([
      [{ id: 'event/lay-off/amazon-2024' }, 'events.0.id', 'a LAYOFF id looks like event/layoff/<slug>'],
      [
        { participants: [{ role: 'laidOff', id: 'person/yang-zhilin' }] },
        'events.0.participants',
        'a LAYOFF needs the role(s): employer',
      ],
      [
        { participants: [{ role: 'acquirer', id: 'org/amazon' }] },
        'events.0.participants.0.role',
        'a LAYOFF has no role "acquirer" (roles: employer, laidOff)',
      ],
      [
        { props: { price: { amount: 1, currency: 'USD' } } },
        'events.0.props.price',
        'a LAYOFF has no money property price',
      ],
    ])('refuses %j at %s', (overrides, path, message) => {
      const [refusal] = write(layoff(overrides)).refused;
      expect({ path: refusal?.error.path, message: refusal?.error.message }).toEqual({
        path,
        message: `${path}: ${message}`,
      });
    });

    it("the API's input carries severance into the record", () => {
      const input = Object.assign(new EventInput(), {
        id: 'event/layoff/amazon-2024',
        kind: LAYOFF,
        summary: 'Amazon lets two go',
        participants: [Object.assign(new ParticipantInput(), { role: 'employer', entity: 'org/amazon' })],
        allowSimilar: false,
        severance: Object.assign(new MoneyInput(), { amount: 5, currency: 'CNY' }),
        attributes: { headcount: 2 },
      });
      expect(toEventRecord(input).props).toEqual({ headcount: 2, severance: { amount: 5, currency: 'CNY' } });
    });

    it('the generator makes layoffs the writer accepts', () => {
      const generator = new GraphGenerator(3000);
      const facts: FactSet = { sources: [], entities: [], relationships: [], events: [] };
      for (const chunk of generator.chunks()) {
        facts.sources.push(...chunk.sources);
        facts.entities.push(...chunk.entities);
        facts.relationships.push(...chunk.relationships);
        facts.events.push(...chunk.events);
      }
      const layoffs = facts.events.filter((e) => e.kind === LAYOFF);
      expect(layoffs.length).toBeGreaterThan(0);
      const rows = toFactRows({ ...facts, events: layoffs });
      expect(rows.refused).toEqual([]);
      expect(rows.events.every((e) => e.label === 'Layoff')).toBe(true);
    });
  });

  it('the migrations derive its id constraint', () => {
    expect(kindSchemaMigration().statements).toContain(
      'CREATE CONSTRAINT layoff_id IF NOT EXISTS FOR (n:Layoff) REQUIRE n.id IS UNIQUE',
    );
  });

  it('the palette has its colour, shared with no other label', () => {
    expect(colorOf('Layoff')).toBe('#ff9896');
    expect(new Set(Object.values(LABEL_COLORS)).size).toBe(Object.keys(LABEL_COLORS).length);
  });

  it("the docs' tables list it: roles, money, properties", () => {
    const tables = modelTables();
    expect(tables).toContain(
      '| LAYOFF | `Layoff` | employer → `employer`: Organization<br>laidOff (many) → `laidOff`: Person / Group | – | money: severance |',
    );
    expect(tables).toContain(
      '| LAYOFF | `event/layoff/…` | `headcount`: Int — How many people were let go, as the source counts them<br>`severance`: Money<br>`reason` |',
    );
  });

  it("the seed's expectations count it, zero without seed data", () => {
    const data = readSeedData();
    const count = data.events.filter((e) => e.kind === LAYOFF).length;
    const files = seedExpectationsModule(data).match(/^ {2}LAYOFF: \d+,$/gm);
    expect(files).toEqual([`  LAYOFF: ${count},`, `  LAYOFF: ${count},`]);
  });
});
