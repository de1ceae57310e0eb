// @ts-check
// From a GraphQL operation to the explorer view of its answer: neighborhood(id) → ?id=…,
// graph(seeds) → ?seeds=… (no seeds: the whole graph), shortestPath(from, to) → ?path=…,
// talentFlow → ?view=flow. Arguments may be literals or variables. Pure (unit-tested).

/**
 * @param {string} query the document
 * @param {string | undefined} operationName
 * @param {Record<string, unknown> | null | undefined} variables
 * @param {(source: string) => any} parse graphql-js's parse (GraphiQL.GraphQL.parse in the page)
 * @returns {string | null} the explorer's address, or null when the operation has no graph to show
 */
export function explorerLink(query, operationName, variables, parse) {
  let document;
  try {
    document = parse(query);
  } catch {
    return null;
  }
  const operations = document.definitions.filter((/** @type {any} */ d) => d.kind === 'OperationDefinition');
  const operation = operationName
    ? operations.find((/** @type {any} */ d) => d.name && d.name.value === operationName)
    : operations[0];
  if (!operation || operation.operation !== 'query') return null;
  const vars = variables || {};
  /** @param {any} node */
  const value = (node) => {
    if (!node) return undefined;
    if (node.kind === 'Variable') return vars[node.name.value];
    if (node.kind === 'ListValue') return node.values.map(value);
    if (node.kind === 'NullValue') return null;
    return node.value;
  };
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== 'Field') continue;
    /** @type {Record<string, any>} */
    const args = {};
    for (const arg of selection.arguments || []) args[arg.name.value] = value(arg.value);
    const params = new URLSearchParams();
    switch (selection.name.value) {
      case 'neighborhood':
        if (typeof args.id !== 'string') continue;
        params.set('id', args.id);
        break;
      case 'graph': {
        const seeds = Array.isArray(args.seeds)
          ? args.seeds.filter((s) => typeof s === 'string')
          : typeof args.seeds === 'string'
            ? [args.seeds]
            : [];
        if (seeds.length === 1) params.set('id', seeds[0]);
        else if (seeds.length) params.set('seeds', seeds.join(','));
        else params.set('view', 'whole');
        break;
      }
      case 'shortestPath':
        if (typeof args.from !== 'string' || typeof args.to !== 'string') continue;
        params.set('path', `${args.from},${args.to}`);
        break;
      case 'talentFlow':
        params.set('view', 'flow');
        break;
      default:
        continue;
    }
    return `/explore?${params.toString().replace(/%2F/g, '/').replace(/%2C/g, ',')}`;
  }
  return null;
}
