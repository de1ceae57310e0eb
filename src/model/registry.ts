import { EntityLabel, EventKind, RelationshipType } from './vocabulary';

/**
 * The rules of the graph, written once. Event kinds with their roles (the GraphQL field each role
 * becomes, one or many, required or not, which entity labels may fill it), money properties and
 * colours; stable relationship types with their allowed endpoints. The checked writer, the GraphQL
 * event types (test/unit/registry.test.ts proves they match), the palette, docs/model.md's tables
 * and the tests all read from here. Adding a kind: docs/model.md, "Adding an event kind".
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
  /** Entity labels allowed in the role; the GraphQL field is typed Organization when only that. */
  labels: readonly EntityLabel[];
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

export interface EventKindSpec {
  /** Node label (besides :Event) and GraphQL type name. */
  label: string;
  /** The kind's segment in event ids: event/<slug>/<name>. */
  slug: string;
  description: string;
  roles: readonly RoleSpec[];
  /** At least one of these roles must be filled (METRIC: a reporter or a subject). */
  anyOf?: readonly string[];
  /** Properties stored as <name>Amount + <name>Currency and exposed as Money. */
  money: readonly string[];
  color: string;
  impliesMove?: ImpliedMove;
  /**
   * Properties that, beside the kind, the participants and a compatible date, tell two reports of
   * this kind apart (two statements by one speaker differ by their text). See src/model/eventIdentity.ts.
   */
  identity?: readonly string[];
}

const role = (
  role: string,
  field: string,
  labels: readonly EntityLabel[],
  opts: { many?: boolean; required?: boolean } = {},
): RoleSpec => ({
  role,
  field,
  labels,
  many: opts.many ?? false,
  required: opts.required ?? false,
});

export const EVENT_KINDS: Record<EventKind, EventKindSpec> = {
  ARBITRATION: {
    label: 'Arbitration',
    slug: 'arbitration',
    description: 'A dispute taken to arbitration',
    roles: [
      role('claimant', 'claimants', [Person, Organization, Group], { many: true, required: true }),
      role('respondent', 'respondents', [Person, Organization, Group], { many: true, required: true }),
      role('company', 'company', [Organization], { required: true }),
      role('discloser', 'disclosedBy', ANY),
    ],
    money: [],
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
    money: ['price', 'valuation'],
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
    money: [],
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
    money: [],
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
    money: ['amount'],
    color: '#8c564b',
  },
  PRICE_CUT: {
    label: 'PriceCut',
    slug: 'price-cut',
    description: 'A price cut',
    roles: [role('cutter', 'cutters', [Organization], { many: true, required: true })],
    money: [],
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
    money: [],
    identity: ['text'],
    color: '#c7c7c7',
  },
  METRIC: {
    label: 'Metric',
    slug: 'metric',
    description: 'An observed number, with its unit, date, qualifier and reporter',
    roles: [role('subject', 'subjects', ANY, { many: true }), role('reporter', 'reporters', ANY, { many: true })],
    anyOf: ['reporter', 'subject'],
    money: [],
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
    money: [],
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
    money: [],
    color: '#ffbb78',
  },
  MARKET_ENTRY: {
    label: 'MarketEntry',
    slug: 'market-entry',
    description: 'Organizations entering a market',
    roles: [role('entrant', 'entrants', [Organization, Group], { many: true, required: true })],
    money: [],
    identity: ['market'],
    color: '#9edae5',
  },
};

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

export const EVENT_KIND_LIST = Object.keys(EVENT_KINDS) as EventKind[];

/** The node label of each event kind (besides :Event). */
export const EVENT_LABEL = Object.fromEntries(EVENT_KIND_LIST.map((k) => [k, EVENT_KINDS[k].label])) as Record<
  EventKind,
  string
>;

export function roleOf(kind: EventKind, roleName: string): RoleSpec | undefined {
  return EVENT_KINDS[kind].roles.find((r) => r.role === roleName);
}

/**
 * The role of a talent move's destination. Only TALENT_MOVE has it (test/unit/registry.test.ts),
 * so its INVOLVES edges are the moves into an organization (eventStats' destinations).
 */
export const MOVE_DESTINATION_ROLE = 'to';

/** Every role name of any kind, for input documentation. */
export const ALL_ROLES = [...new Set(EVENT_KIND_LIST.flatMap((k) => EVENT_KINDS[k].roles.map((r) => r.role)))];

/** The types the traversals walk between entities, in the order the Cypher files list them. */
export const RELATIONSHIP_TYPE_LIST = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];

/** The pattern `FOUNDED|WORKS_AT|…` as the Cypher files spell it (checked by test/unit/registry.test.ts). */
export const STABLE_TYPES_PATTERN = RELATIONSHIP_TYPE_LIST.join('|');
