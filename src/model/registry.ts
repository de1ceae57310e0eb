import { EntityLabel, RelationshipType } from './labels';

/**
 * The rules of the graph, written once. Event kinds with their roles (the GraphQL field each role
 * becomes, one or many, required or not, which entity labels may fill it), their own properties
 * (typed: a GraphQL field each, Money among them; or free attributes, documented only) and colours;
 * stable relationship types with their allowed endpoints. Everything else is derived from here:
 * the EventKind enum, the GraphQL event types and the money inputs of addEvent, the writer's checks,
 * the id patterns, the per-kind constraints (src/db/migrations.ts), the palette, docs/model.md's
 * tables and the tests' expectations. Adding a kind: docs/model.md, "Adding an event kind".
 */

const { Person, Organization, Product, Group } = EntityLabel;
const ANY: readonly EntityLabel[] = [Person, Organization, Product, Group];

export interface RoleSpec {
  /** The value of INVOLVES.role. */
  role: string;
  /** The GraphQL field of the kind's type that lists the participants in this role. */
  field: string;
  many: boolean;
  required: boolean;
  /** Entity labels allowed in the role; the GraphQL field has that type when only one, Entity otherwise. */
  labels: readonly EntityLabel[];
  /** The GraphQL field's description. */
  description?: string;
}

/** The GraphQL type of a typed property: a scalar, a PartialDate, or Money (stored as <name>Amount + <name>Currency). */
export type PropertyType = 'String' | 'Int' | 'Float' | 'Boolean' | 'ID' | 'PartialDate' | 'Money';

/**
 * A property stored on the kind's event nodes (and shown in `attributes`). With a `type` it is also
 * a nullable field of the kind's GraphQL type; without one it is a free attribute, named here for
 * the docs.
 */
export interface PropertySpec {
  name: string;
  type?: PropertyType;
  description?: string;
}

/**
 * A role whose participants change organisation inside the event (a licensing deal taking the
 * founders along): the writer records each such participant as its own TALENT_MOVE, linked to
 * the event by `via`, so talentMoves and talentFlow show it with the same quotes.
 */
export interface ImpliedMove {
  moverRole: string;
  fromRole: string;
  toRole: string;
}

/** An event kind as written in KINDS below. */
export interface EventKindEntry {
  /** Node label (besides :Event) and GraphQL type name. */
  label: string;
  /** The kind's segment in event ids: event/<slug>/<name>. */
  slug: string;
  description: string;
  roles: readonly RoleSpec[];
  /** At least one of these roles must be filled (METRIC: a reporter or a subject). */
  anyOf?: readonly string[];
  /** The kind's own properties, in the order of its GraphQL fields (after the role fields). */
  properties?: readonly PropertySpec[];
  color: string;
  impliesMove?: ImpliedMove;
  /**
   * Properties that, beside the kind, the participants and a compatible date, tell two reports of
   * this kind apart (two statements by one speaker differ by their text). See src/model/eventIdentity.ts.
   */
  identity?: readonly string[];
}

/** An event kind as the code reads it: its entry, with the money properties picked out. */
export interface EventKindSpec extends EventKindEntry {
  properties: readonly PropertySpec[];
  /** Properties stored as <name>Amount + <name>Currency and exposed as Money: the `Money` properties. */
  money: readonly string[];
}

export const role = (
  role: string,
  field: string,
  labels: readonly EntityLabel[],
  opts: { many?: boolean; required?: boolean; description?: string } = {},
): RoleSpec => ({
  role,
  field,
  labels,
  many: opts.many ?? false,
  required: opts.required ?? false,
  ...(opts.description ? { description: opts.description } : {}),
});

/** A typed property: a field of the kind's GraphQL type. */
export const property = (name: string, type: PropertyType, description?: string): PropertySpec => ({
  name,
  type,
  ...(description ? { description } : {}),
});

/** A free attribute the kind's events are known to carry (in `attributes` only). */
export const attribute = (name: string, description?: string): PropertySpec => ({
  name,
  ...(description ? { description } : {}),
});

const KINDS = {
  ARBITRATION: {
    label: 'Arbitration',
    slug: 'arbitration',
    description: 'A dispute taken to arbitration',
    roles: [
      role('claimant', 'claimants', [Person, Organization, Group], { many: true, required: true }),
      role('respondent', 'respondents', [Person, Organization, Group], { many: true, required: true }),
      role('company', 'company', [Organization], { required: true, description: 'The company the dispute is about' }),
      role('discloser', 'disclosedBy', ANY),
    ],
    properties: [
      property('disclosedOn', 'PartialDate'),
      attribute('disclosureChannel'),
      attribute('disclosurePostCount'),
    ],
    color: '#ff7f0e',
  },
  ACQUISITION: {
    label: 'Acquisition',
    slug: 'acquisition',
    description: 'An acquisition; acqui-hire style deals keep their nuance in dealType',
    roles: [
      role('acquirer', 'acquirer', [Organization], { required: true }),
      role('target', 'target', [Organization], { required: true }),
    ],
    properties: [property('price', 'Money'), property('valuation', 'Money'), property('dealType', 'String')],
    color: '#e377c2',
  },
  LICENSING_DEAL: {
    label: 'LicensingDeal',
    slug: 'licensing-deal',
    description: 'A technology licensing deal, possibly with people joining the licensee',
    roles: [
      role('licensee', 'licensee', [Organization], { required: true }),
      role('licensor', 'licensor', [Organization], { required: true }),
      role('joiner', 'joiners', [Person, Group], { many: true }),
    ],
    properties: [property('dealType', 'String')],
    color: '#bcbd22',
    impliesMove: { moverRole: 'joiner', fromRole: 'licensor', toRole: 'licensee' },
  },
  TALENT_MOVE: {
    label: 'TalentMove',
    slug: 'talent-move',
    description: 'A person or team moving to an organization',
    roles: [
      role('mover', 'mover', [Person, Group], { required: true }),
      role('from', 'from', [Organization]),
      role('to', 'to', [Organization], { required: true }),
    ],
    properties: [
      property('role', 'String'),
      property('roleEn', 'String'),
      attribute('mode', 'e.g. 打包進'),
      property(
        'via',
        'ID',
        'The event this move happened in (a licensing deal taking the founders along), when another event implies it',
      ),
    ],
    color: '#17becf',
  },
  FUNDING_ROUND: {
    label: 'FundingRound',
    slug: 'funding-round',
    description: 'Money raised by an organization',
    roles: [
      role('investee', 'investee', [Organization], { required: true }),
      role('investor', 'investors', [Person, Organization, Group], { many: true, required: true }),
    ],
    properties: [
      property('round', 'String'),
      property('roundCount', 'Int'),
      property('amount', 'Money'),
      property('investorsIncomplete', 'Boolean', 'True where the source lists investors with 等 (and others)'),
    ],
    color: '#8c564b',
  },
  PRICE_CUT: {
    label: 'PriceCut',
    slug: 'price-cut',
    description: 'A price cut',
    roles: [role('cutter', 'cutters', [Organization], { many: true, required: true })],
    properties: [property('percent', 'Float'), property('item', 'String', 'What got cheaper'), attribute('motive')],
    identity: ['item'],
    color: '#f7b6d2',
  },
  STATEMENT: {
    label: 'Statement',
    slug: 'statement',
    description: 'Who said what about whom: a quote or a stated judgement',
    roles: [
      role('speaker', 'speakers', ANY, { many: true, required: true }),
      role('about', 'about', ANY, { many: true }),
    ],
    properties: [
      property('text', 'String', 'What was said, in the source’s words'),
      attribute('topic'),
      attribute('positioning'),
    ],
    identity: ['text'],
    color: '#c7c7c7',
  },
  METRIC: {
    label: 'Metric',
    slug: 'metric',
    description: 'An observed number, with its unit, date, qualifier and reporter',
    roles: [role('subject', 'subjects', ANY, { many: true }), role('reporter', 'reporters', ANY, { many: true })],
    anyOf: ['reporter', 'subject'],
    properties: [
      property('metric', 'String'),
      property('value', 'Float'),
      property('unit', 'String'),
      property('currency', 'String', 'ISO 4217 code when the value is money'),
      property('qualifier', 'String', 'MORE_THAN, ABOUT, LESS_THAN, NEARLY… where the source is vague'),
      property('period', 'String', 'The period measured, e.g. 2024-01-01/2024-12-05'),
      property('scope', 'String'),
      attribute('comparedTo'),
      attribute('estimate'),
      attribute('forecast'),
    ],
    identity: ['metric', 'period', 'scope', 'value'],
    color: '#dbdb8d',
  },
  PRODUCT_LAUNCH: {
    label: 'ProductLaunch',
    slug: 'product-launch',
    description: 'A product going live',
    roles: [
      role('maker', 'maker', [Organization, Person, Group], { required: true }),
      role('product', 'product', [Product], { required: true }),
    ],
    properties: [attribute('verb')],
    color: '#98df8a',
  },
  FOUNDING: {
    label: 'Founding',
    slug: 'founding',
    description: 'An organization being founded',
    roles: [
      role('founded', 'organization', [Organization], { required: true }),
      role('founder', 'founders', [Person, Group], { many: true }),
    ],
    color: '#ffbb78',
  },
  MARKET_ENTRY: {
    label: 'MarketEntry',
    slug: 'market-entry',
    description: 'Organizations entering a market',
    roles: [role('entrant', 'entrants', [Organization, Group], { many: true, required: true })],
    properties: [property('market', 'String'), attribute('investment')],
    identity: ['market'],
    color: '#9edae5',
  },
} satisfies Record<string, EventKindEntry>;

/** The event kinds: the keys of KINDS, in its order. */
export type EventKind = keyof typeof KINDS;

/** The entries as written (the tests add a kind to a copy of them, test/unit/newKind.test.ts). */
export const EVENT_KIND_ENTRIES: Readonly<Record<EventKind, EventKindEntry>> = KINDS;

/** The views of the kinds the code reads. Everything that depends on the set of kinds is derived here. */
export function deriveKinds<K extends string>(entries: Readonly<Record<K, EventKindEntry>>) {
  const list = Object.keys(entries) as K[];
  const specOf = (entry: EventKindEntry): EventKindSpec => {
    const properties = entry.properties ?? [];
    return { ...entry, properties, money: properties.filter((p) => p.type === 'Money').map((p) => p.name) };
  };
  const kinds = Object.fromEntries(list.map((kind) => [kind, specOf(entries[kind])])) as Record<K, EventKindSpec>;
  return {
    EVENT_KINDS: kinds as Readonly<Record<K, EventKindSpec>>,
    EVENT_KIND_LIST: list,
    /** The kinds as an enum-like object (EventKind.ACQUISITION), registered as GraphQL's EventKind. */
    EventKind: Object.freeze(Object.fromEntries(list.map((kind) => [kind, kind]))) as { readonly [P in K]: P },
    /** The node label of each event kind (besides :Event). */
    EVENT_LABEL: Object.fromEntries(list.map((kind) => [kind, kinds[kind].label])) as Readonly<Record<K, string>>,
    /** Every role name of any kind, for input documentation. */
    ALL_ROLES: [...new Set(list.flatMap((kind) => kinds[kind].roles.map((r) => r.role)))],
    /** Every money property of any kind: the MoneyInput fields of EventInput. */
    MONEY_PROPERTIES: [...new Set(list.flatMap((kind) => kinds[kind].money))],
    roleOf: (kind: K, roleName: string): RoleSpec | undefined => kinds[kind].roles.find((r) => r.role === roleName),
  };
}

export const { EVENT_KINDS, EVENT_KIND_LIST, EventKind, EVENT_LABEL, ALL_ROLES, MONEY_PROPERTIES, roleOf } =
  deriveKinds(EVENT_KIND_ENTRIES);

export interface RelationshipSpec {
  from: readonly EntityLabel[];
  to: readonly EntityLabel[];
}

export const RELATIONSHIP_TYPES: Record<RelationshipType, RelationshipSpec> = {
  FOUNDED: { from: [Person, Group], to: [Organization] },
  WORKS_AT: { from: [Person], to: [Organization] },
  PARTNER_AT: { from: [Person], to: [Organization] },
  SUBSIDIARY_OF: { from: [Organization], to: [Organization] },
  INVESTED_IN: { from: [Person, Organization, Group], to: [Organization] },
  MAKES: { from: [Organization], to: [Product] },
  MEMBER_OF: { from: [Person, Organization], to: [Group] },
};

export const ENTITY_COLORS: Record<EntityLabel, string> = {
  Person: '#1f77b4',
  Organization: '#d62728',
  Product: '#2ca02c',
  Group: '#9467bd',
};

/** The prefix of each label's ids (person/…, org/…). */
export const ENTITY_ID_PREFIX: Record<EntityLabel, string> = {
  Person: 'person',
  Organization: 'org',
  Product: 'product',
  Group: 'group',
};

// ---- derived views ------------------------------------------------------------------------

/**
 * The role of a talent move's destination. Only TALENT_MOVE has it (test/unit/registry.test.ts),
 * so its INVOLVES edges are the moves into an organization (eventStats' destinations).
 */
export const MOVE_DESTINATION_ROLE = 'to';

/** The types the traversals walk between entities, in the order the Cypher files list them. */
export const RELATIONSHIP_TYPE_LIST = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];

/** The pattern `FOUNDED|WORKS_AT|…` as the Cypher files spell it (checked by test/unit/registry.test.ts). */
export const STABLE_TYPES_PATTERN = RELATIONSHIP_TYPE_LIST.join('|');
