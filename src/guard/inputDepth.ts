import { Refused } from './refusals';

/**
 * The most nesting a request may have: of its JSON values (variables, extensions) and of the
 * brackets of its document (selection sets, lists and input objects together). graphql-js parses
 * and coerces recursively, and so do JSON.stringify and the driver's packing, so a value nested
 * 5,000 deep would overflow the stack somewhere; refused first, with its own code, nothing is.
 * The query's own depth limit (QUERY_MAX_DEPTH, 15 by default) is well inside it.
 */
export const MAX_INPUT_DEPTH = 64;

/** How deep a JSON value nests (a scalar is 0, `{}` and `[]` are 1), counted without recursion. */
export function valueDepth(value: unknown, stopAt = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > stopAt) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) stack.push([child, here]);
  }
  return deepest;
}

/**
 * How deep a GraphQL document's brackets nest ({ [ and ( together), read once without parsing:
 * strings, block strings and comments are skipped. An upper bound of both its selection depth
 * and its literal values' nesting.
 */
export function documentNesting(source: string, stopAt = Infinity): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i += 1;
    } else if (c === '"') {
      if (source.startsWith('"""', i)) {
        i += 3;
        while (i < source.length && !source.startsWith('"""', i)) i += source.startsWith('\\"""', i) ? 4 : 1;
        i += 2;
      } else {
        i += 1;
        while (i < source.length && source[i] !== '"' && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1;
      }
    } else if (c === '{' || c === '[' || c === '(') {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAt) return deepest;
    } else if (c === '}' || c === ']' || c === ')') {
      depth -= 1;
    }
  }
  return deepest;
}

/** Refuses (INPUT_TOO_DEEP, 400) a request whose document, variables or extensions nest deeper than `max`. */
export function checkInputDepth(
  request: { query?: unknown; variables?: unknown; extensions?: unknown },
  max = MAX_INPUT_DEPTH,
): void {
  const parts: [string, number][] = [
    ['query', typeof request.query === 'string' ? documentNesting(request.query, max) : 0],
    ['variables', valueDepth(request.variables, max)],
    ['extensions', valueDepth(request.extensions, max)],
  ];
  const deep = parts.find(([, depth]) => depth > max);
  if (deep) throw new Refused('INPUT_TOO_DEEP', `the request's ${deep[0]} nest deeper than ${max} levels`);
}
