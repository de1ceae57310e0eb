/**
 * The fixed vocabulary of the graph: every label and relationship type that Cypher may receive
 * dynamically comes from these enums, never from caller text. What each kind and type allows is
 * in ./registry.ts.
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
