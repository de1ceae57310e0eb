import { bool, cleanEnv, makeValidator, num, port, str, url } from 'envalid';
import { parseApiKeys } from './auth/apiKeys';
import { DEFAULT_JWT_MAX_LIFETIME_SECONDS } from './auth/jwt';
import { DEFAULT_MAX_COST } from './guard/cost';
import { DEFAULT_DOCUMENT_LIMITS } from './guard/documentLimits';

/** Bolt URIs the driver accepts: bolt, neo4j (routing) and their TLS variants. */
const boltUri = makeValidator<string>((input) => {
  if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/.test(input)) {
    throw new Error('must be a bolt://, bolt+s://, neo4j:// or neo4j+s:// URI');
  }
  return input;
});

/** API_KEYS: comma-separated role:secret pairs, checked here so a typo stops the start. */
const apiKeys = makeValidator<string>((input) => {
  parseApiKeys(input);
  return input;
});

/** A non-negative number (0 turns a limit off). */
const count = makeValidator<number>((input) => {
  const value = Number(input);
  if (input.trim() === '' || !Number.isFinite(value) || value < 0) throw new Error('must be a number ≥ 0');
  return value;
});

/**
 * QUERY_MAX_TOKENS, at most 50,000: graphql-js's own validation (NoFragmentCyclesRule) recurses
 * once per fragment of a chain and overflows the stack at about 10,000 fragments (80,000 tokens).
 */
const MAX_TOKENS_CEILING = 50_000;
const tokens = makeValidator<number>((input) => {
  const value = Number(input);
  if (!Number.isInteger(value) || value < 1 || value > MAX_TOKENS_CEILING)
    throw new Error(`must be an integer from 1 to ${MAX_TOKENS_CEILING}`);
  return value;
});

export type Config = ReturnType<typeof loadConfig>;

/**
 * Reads and validates the configuration from the environment.
 * Throws ConfigError naming the first bad variable; main() prints it as one line.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return cleanEnv(
    env,
    {
      NEO4J_URI: boltUri({ default: undefined, desc: 'Neo4j to use; unset = start the local embedded Neo4j' }),
      NEO4J_USER: str({ default: 'neo4j' }),
      NEO4J_PASSWORD: str({ default: 'neo4j' }),
      NEO4J_DATABASE: str({ default: 'neo4j' }),
      NEO4J_LOCAL_DIR: str({ default: '.data/neo4j', desc: 'data folder of the local Neo4j' }),
      NEO4J_LOCAL_PORT: port({ default: 7687, desc: 'Bolt port of the local Neo4j (0 = any free port)' }),
      NEO4J_LOCAL_HEAP_MB: num({ default: 1024 }),
      NEO4J_LOCAL_PAGECACHE_MB: num({ default: 512 }),
      NEO4J_MIN_FREE_MB: count({
        default: 256,
        desc: 'free space the embedded Neo4j’s disk must keep: below it writes are refused with STORAGE_FULL (0 = no check)',
      }),
      NEO4J_DATA_PATH: str({
        default: '',
        desc: 'with NEO4J_URI: a path on this machine on the disk of Neo4j’s data (e.g. its volume mounted read-only), watched like the embedded one’s (NEO4J_MIN_FREE_MB); unset = only Neo4j’s own disk-full errors are seen',
      }),
      NEO4J_TX_TIMEOUT_MS: num({ default: 15_000, desc: 'timeout of each API transaction' }),
      REQUEST_DEADLINE_MS: count({
        default: 10_000,
        desc: 'how long one GraphQL request may take in all: its transactions get what is left as their timeout (0 = only NEO4J_TX_TIMEOUT_MS)',
      }),
      NEO4J_STARTUP_TIMEOUT_MS: num({
        default: 30 * 60_000,
        desc: 'timeout of each start-up transaction (migrations, seed, derived data), independent of the API’s',
      }),
      NEO4J_HANG_MS: count({
        default: 1_500,
        desc: 'silence (no answer to the API nor to its once-every-hangMs/4 probe) after which Neo4j counts as down: requests waiting on it answer 503 (0 = no probe; calls wait NEO4J_TX_TIMEOUT_MS + 1 s)',
      }),
      NEO4J_CONNECT_TIMEOUT_MS: num({ default: 3_000, desc: 'opening a connection to Neo4j' }),
      NEO4J_ACQUIRE_TIMEOUT_MS: num({
        default: 20_000,
        desc: 'waiting for a pooled connection (a busy API queues here)',
      }),
      NEO4J_RETRY_TIME_MS: num({
        default: 1_000,
        desc: 'how long the driver retries a transaction that failed transiently (a killed Neo4j is answered 503 within about this long)',
      }),
      API_KEYS: apiKeys({ default: '', desc: 'comma-separated role:secret pairs (roles: editor, admin)' }),
      JWT_SECRET: str({ default: '', desc: 'HS256 secret of bearer JWTs' }),
      JWT_JWKS_URL: url({ default: undefined, desc: 'JWKS of the JWT issuer (RS256, PS256, ES256, EdDSA)' }),
      JWT_ISSUER: str({ default: '', desc: 'required iss of JWTs' }),
      JWT_AUDIENCE: str({ default: '', desc: 'required aud of JWTs' }),
      JWT_ROLE_CLAIM: str({
        default: 'role',
        desc: 'claim naming the role (editor or admin, or an array holding them)',
      }),
      JWT_MAX_LIFETIME_SECONDS: count({
        default: DEFAULT_JWT_MAX_LIFETIME_SECONDS,
        desc: 'longest lifetime (exp − iat) of an accepted JWT',
      }),
      READS_REQUIRE_AUTH: bool({ default: false, desc: 'refuse queries without credentials too' }),
      QUERY_MAX_COST: count({ default: DEFAULT_MAX_COST, desc: 'most estimated cost of an operation' }),
      QUERY_MAX_DEPTH: count({ default: DEFAULT_DOCUMENT_LIMITS.maxDepth }),
      QUERY_MAX_ALIASES: count({ default: DEFAULT_DOCUMENT_LIMITS.maxAliases }),
      QUERY_MAX_DIRECTIVES: count({ default: DEFAULT_DOCUMENT_LIMITS.maxDirectives }),
      QUERY_MAX_TOKENS: tokens({ default: 5_000, desc: 'most lexical tokens in a GraphQL document' }),
      RATE_LIMIT_IP_PER_SECOND: count({
        default: 1_000,
        desc: 'requests per second per anonymous IP address (0 = no limit)',
      }),
      RATE_LIMIT_IP_BURST: count({ default: 2_000 }),
      RATE_LIMIT_PRINCIPAL_PER_SECOND: count({
        default: 100,
        desc: 'requests per second per API key or JWT subject (0 = no limit)',
      }),
      RATE_LIMIT_PRINCIPAL_BURST: count({ default: 200 }),
      RATE_LIMIT_MUTATION_COST: count({ default: 10, desc: 'requests a mutation counts as' }),
      RATE_LIMIT_AUTH_FAILURES_PER_SECOND: count({
        default: 1,
        desc: 'failed authentications per second per IP address and per key prefix (0 = no limit)',
      }),
      RATE_LIMIT_AUTH_FAILURES_BURST: count({ default: 20 }),
      SUBSCRIPTIONS_PER_PRINCIPAL: count({
        default: 100,
        desc: 'most subscriptions open at once per API key or JWT subject, per API instance (0 = no limit)',
      }),
      SUBSCRIPTIONS_PER_IP: count({
        default: 200,
        desc: 'most subscriptions open at once per IP address, per API instance (0 = no limit)',
      }),
      CHANGES_POLL_MS: count({
        default: 100,
        desc: 'how often an API instance with subscribers reads the change log for new changes',
      }),
      WS_KEEPALIVE_MS: count({
        default: 12_000,
        desc: 'WebSocket ping interval; a client that does not answer within it is disconnected (0 = off)',
      }),
      TRUST_PROXY: str({
        default: '',
        desc: "Express 'trust proxy' (e.g. loopback, or a hop count), so IP limits see the client's address",
      }),
      HOST: str({ default: '127.0.0.1' }),
      PORT: port({ default: 4000 }),
      LOG_LEVEL: str({ default: 'info', choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] }),
      GRAPHQL_IDE: bool({ default: true, desc: 'serve the GraphQL IDE at GET /graphql' }),
      SEED: bool({ default: true, desc: 'load the seed data when it is missing or changed' }),
    },
    {
      // envalid's default reporter prints a banner and calls process.exit; we want one line.
      reporter: ({ errors }) => {
        const [name, error] = Object.entries(errors)[0] ?? [];
        if (name && error) throw new ConfigError(`invalid configuration: ${name}: ${error.message}`);
      },
    },
  );
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
