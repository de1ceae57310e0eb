/**
 * The fixed vocabulary of the graph: every label and relationship type that Cypher may receive
 * dynamically comes from these maps, never from caller text.
 */

export enum EntityLabel {
  Person = 'Person',
  Organization = 'Organization',
  Product = 'Product',
  Group = 'Group',
}

export enum EventKind {
  ARBITRATION = 'ARBITRATION',
  ACQUISITION = 'ACQUISITION',
  LICENSING_DEAL = 'LICENSING_DEAL',
  TALENT_MOVE = 'TALENT_MOVE',
  FUNDING_ROUND = 'FUNDING_ROUND',
  PRICE_CUT = 'PRICE_CUT',
  STATEMENT = 'STATEMENT',
  METRIC = 'METRIC',
  PRODUCT_LAUNCH = 'PRODUCT_LAUNCH',
  FOUNDING = 'FOUNDING',
  MARKET_ENTRY = 'MARKET_ENTRY',
}

/** The node label of each event kind (besides :Event). */
export const EVENT_LABEL: Record<EventKind, string> = {
  ARBITRATION: 'Arbitration',
  ACQUISITION: 'Acquisition',
  LICENSING_DEAL: 'LicensingDeal',
  TALENT_MOVE: 'TalentMove',
  FUNDING_ROUND: 'FundingRound',
  PRICE_CUT: 'PriceCut',
  STATEMENT: 'Statement',
  METRIC: 'Metric',
  PRODUCT_LAUNCH: 'ProductLaunch',
  FOUNDING: 'Founding',
  MARKET_ENTRY: 'MarketEntry',
};

/** Participant roles an event of each kind must have (at least one of each). */
export const REQUIRED_ROLES: Record<EventKind, string[]> = {
  ARBITRATION: ['claimant', 'respondent', 'company'],
  ACQUISITION: ['acquirer', 'target'],
  LICENSING_DEAL: ['licensee', 'licensor'],
  TALENT_MOVE: ['mover', 'to'],
  FUNDING_ROUND: ['investee', 'investor'],
  PRICE_CUT: ['cutter'],
  STATEMENT: ['speaker'],
  METRIC: [],
  PRODUCT_LAUNCH: ['maker', 'product'],
  FOUNDING: ['founded'],
  MARKET_ENTRY: ['entrant'],
};

/** Stable relationships between entities. */
export enum RelationshipType {
  FOUNDED = 'FOUNDED',
  WORKS_AT = 'WORKS_AT',
  PARTNER_AT = 'PARTNER_AT',
  SUBSIDIARY_OF = 'SUBSIDIARY_OF',
  INVESTED_IN = 'INVESTED_IN',
  MAKES = 'MAKES',
  MEMBER_OF = 'MEMBER_OF',
}

/** Organization categories. */
export enum OrganizationCategory {
  AI_STARTUP = 'AI_STARTUP',
  BIG_TECH = 'BIG_TECH',
  CLOUD_PROVIDER = 'CLOUD_PROVIDER',
  VENTURE_INVESTOR = 'VENTURE_INVESTOR',
  PRIVATE_EQUITY = 'PRIVATE_EQUITY',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
  UNIVERSITY = 'UNIVERSITY',
  DATA_PROVIDER = 'DATA_PROVIDER',
  MEDIA = 'MEDIA',
  HANDSET_MAKER = 'HANDSET_MAKER',
  E_COMMERCE = 'E_COMMERCE',
  INTERNET_COMPANY = 'INTERNET_COMPANY',
}


/**
 * How participant roles surface as fields of the event types: `acquirer` becomes the single
 * field `acquirer`, `claimant` the list `claimants`, and so on.
 */
export const ROLE_FIELDS: Record<string, { field: string; many: boolean }> = {
  claimant: { field: 'claimants', many: true },
  respondent: { field: 'respondents', many: true },
  company: { field: 'company', many: false },
  discloser: { field: 'disclosedBy', many: false },
  acquirer: { field: 'acquirer', many: false },
  target: { field: 'target', many: false },
  licensee: { field: 'licensee', many: false },
  licensor: { field: 'licensor', many: false },
  joiner: { field: 'joiners', many: true },
  mover: { field: 'mover', many: false },
  from: { field: 'from', many: false },
  to: { field: 'to', many: false },
  investee: { field: 'investee', many: false },
  investor: { field: 'investors', many: true },
  cutter: { field: 'cutters', many: true },
  speaker: { field: 'speakers', many: true },
  about: { field: 'about', many: true },
  reporter: { field: 'reporters', many: true },
  subject: { field: 'subjects', many: true },
  maker: { field: 'maker', many: false },
  product: { field: 'product', many: false },
  founded: { field: 'organization', many: false },
  founder: { field: 'founders', many: true },
  entrant: { field: 'entrants', many: true },
};
