// @ts-check
// The explorer's only way to the data: POST /graphql, with every failure turned into a sentence
// a person can act on (a proxy's HTML page, an outage, an unknown id), never a raw parser message.

/** Codes the API gives when the database cannot answer (src/http/unavailable.ts). */
const OUTAGE_CODES = ['DATABASE_UNAVAILABLE', 'TIMEOUT', 'SERVICE_UNAVAILABLE'];

/** A failure of the API, in words for a person; `kind` says what they can do about it. */
export class ApiError extends Error {
  /**
   * @param {'network' | 'proxy' | 'outage' | 'notFound' | 'input' | 'server'} kind
   * @param {string} message
   * @param {string} [code] the GraphQL extensions.code, when there is one
   */
  constructor(kind, message, code) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.code = code;
  }

  /** Whether trying again later may work (an outage, the network, a proxy), as opposed to a bad request. */
  get retryable() {
    return this.kind === 'network' || this.kind === 'proxy' || this.kind === 'outage' || this.kind === 'server';
  }
}

/**
 * Reads one HTTP answer of /graphql: the data, or an ApiError that says what happened.
 * @param {number} status
 * @param {string | null} contentType
 * @param {string} text the body
 * @returns {any} the `data` of the answer
 */
export function readGraphqlAnswer(status, contentType, text) {
  const json = /\bjson\b/i.test(contentType || '');
  /** @type {any} */
  let body = null;
  if (json) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!body || typeof body !== 'object') {
    const what = /html/i.test(contentType || '') || /^\s*</.test(text) ? 'a web page' : 'something';
    const hint = status >= 500 ? ' A proxy or gateway in front of the server may be down; try again in a moment.' : '';
    throw new ApiError('proxy', `The server answered HTTP ${status} with ${what} instead of GraphQL.${hint}`);
  }
  const errors = Array.isArray(body.errors) ? body.errors : [];
  if (errors.length) {
    const first = errors[0] || {};
    const code = first.extensions && first.extensions.code;
    const message = String(first.message || 'unknown error');
    if (OUTAGE_CODES.includes(code))
      throw new ApiError(
        'outage',
        `The graph database is not answering right now (${code}). Try again in a moment.`,
        code,
      );
    if (code === 'NOT_FOUND') throw new ApiError('notFound', message, code);
    if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_REQUEST')
      throw new ApiError('input', message, code);
    throw new ApiError('server', `The API could not answer: ${message}${code ? ` (${code})` : ''}`, code);
  }
  if (status >= 400 || !body.data) throw new ApiError('server', `The API answered HTTP ${status} with no data.`);
  return body.data;
}

/**
 * One GraphQL request to the page's own server.
 * @param {string} query
 * @param {Record<string, unknown>} [variables]
 * @returns {Promise<any>}
 */
export async function gql(query, variables) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables: variables || {} }),
    });
  } catch {
    throw new ApiError('network', 'The server cannot be reached: check the connection, then try again.');
  }
  return readGraphqlAnswer(response.status, response.headers.get('content-type'), await response.text());
}

export const GRAPH_FIELDS =
  'nodes { id: nodeId label name kind date degree pagerank community } edges { id: edgeId source target type role quote }';

export const QUERIES = {
  seeds:
    'query Seeds($seeds: [ID!], $kinds: [EventKind!], $from: PartialDate, $to: PartialDate) { graph(seeds: $seeds, depth: 1, kinds: $kinds, from: $from, to: $to, limit: 2000) { totalNodes truncated ' +
    GRAPH_FIELDS +
    ' } }',
  whole:
    'query Whole($kinds: [EventKind!], $from: PartialDate, $to: PartialDate) { graph(kinds: $kinds, from: $from, to: $to, limit: 2000) { totalNodes truncated ' +
    GRAPH_FIELDS +
    ' } }',
  neighborhood: 'query Around($id: ID!) { neighborhood(id: $id, depth: 1) { ' + GRAPH_FIELDS + ' } }',
  exists: 'query Exists($id: ID!) { node(id: $id) { id } }',
  path:
    'query Path($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, maxHops: 10) { length ' +
    GRAPH_FIELDS +
    ' } }',
  flow: '{ talentFlow { nodes { id name } links { from { id name } to { id name } count movers { name } } } }',
  search: 'query Find($text: String!) { search(text: $text, limit: 10) { id label name names } }',
  details:
    'query NodeDetails($id: ID!) {' +
    ' entity(id: $id) { id label name names description anonymous' +
    '   ... on Organization { categories }' +
    '   mentions { quote source { title publisher date } } }' +
    ' event(id: $id) { id kind date dateNote summary' +
    '   participants { role entity { id name label } }' +
    '   sources { quote source { title publisher date } } } }',
};
