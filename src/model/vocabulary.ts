/**
 * The fixed vocabulary of the graph: every label, event kind and relationship type that Cypher may
 * receive dynamically comes from these, never from caller text. The event kinds are the keys of the
 * registry (./registry.ts), which also says what each kind and type allows.
 */

export { EntityLabel, RelationshipType } from './labels';
export { EventKind } from './registry';

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
