import { ENTITY_ID_PREFIX } from './registry';

/**
 * The id patterns of the graph, from the registry's prefixes: entities `<prefix>/<slug>` (person/…,
 * org/…), events `event/<kind slug>/<slug>` (the writer checks the kind's slug), sources `source/<slug>`.
 */
export const SLUG = '[a-z0-9][a-z0-9-]*';
export const ENTITY_ID = new RegExp(`^(${Object.values(ENTITY_ID_PREFIX).join('|')})/${SLUG}$`);
export const EVENT_ID = new RegExp(`^event/(${SLUG})/${SLUG}$`);
export const SOURCE_ID = new RegExp(`^source/${SLUG}$`);

/** `person|org|product|group`, for messages. */
export const ENTITY_PREFIXES = Object.values(ENTITY_ID_PREFIX).join('|');
