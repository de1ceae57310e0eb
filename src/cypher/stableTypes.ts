import { RELATIONSHIP_TYPE_LIST, STABLE_TYPES_PATTERN } from '../model/registry';

/**
 * The stable relationship types in the .cypher files, spelled from the registry. A Cypher file
 * names them as one type list (`[r:FOUNDED|WORKS_AT|…]`, sometimes with `|INVOLVES` after them)
 * so that each block runs as it is in Neo4j Browser; the registry (src/model/registry.ts) is the
 * one source of the list: `npm run cypher:types` rewrites every list in cypher/queries and
 * cypher/admin from it, and the loader refuses a block whose list differs (CypherFileError), so a
 * registry change without the rewrite stops the start, and the unit tests.
 */

/** A type list: two or more upper-case names joined by `|`, after the colon of a pattern. */
const TYPE_LIST = /:((?:[A-Z][A-Z0-9_]*\|)+[A-Z][A-Z0-9_]*)/g;

function isStableType(name: string): boolean {
  return (RELATIONSHIP_TYPE_LIST as string[]).includes(name);
}

/**
 * Whether a type list is the stable list (stale or not): at least three of its names are stable
 * types. Lists of one or two types name those types on purpose and are left as they are.
 */
const isStableList = (names: string[]) => names.filter(isStableType).length >= 3;

/** The list as the registry spells it: the stable types in registry order, then the other types it names, in its order. */
function respelled(list: string): string {
  const names = list.split('|');
  if (!isStableList(names)) return list;
  const others = names.filter((n) => !isStableType(n));
  return [STABLE_TYPES_PATTERN, ...others].join('|');
}

/** A Cypher text with every stable type list spelled from the registry. */
export function spellStableTypes(cypher: string): string {
  return cypher.replace(TYPE_LIST, (_match, list: string) => `:${respelled(list)}`);
}

/** The stable type lists of a text that the registry spells otherwise. */
export function staleTypeLists(cypher: string): string[] {
  return [...cypher.matchAll(TYPE_LIST)].map((m) => m[1]!).filter((list) => respelled(list) !== list);
}
