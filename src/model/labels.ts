/**
 * The entity labels and stable relationship types: fixed strings, the only ones Cypher may receive
 * for them. A leaf module, so that the registry (./registry.ts) can use them and ./vocabulary.ts
 * can re-export them with the registry's event kinds without an import cycle.
 */

export enum EntityLabel {
  Person = 'Person',
  Organization = 'Organization',
  Product = 'Product',
  Group = 'Group',
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
