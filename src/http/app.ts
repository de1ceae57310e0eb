import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { authenticator } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import { loadConfig, type Config } from '../config';
import type { Logger } from '../logger';
import { Liveness, withDeadline } from '../neo4j/deadline';
import type { Executor } from '../neo4j/executor';
import { createContext, type Context } from '../graphql/context';
import { readHealth } from '../graphql/health/health.resolver';
import { mapDomainError } from '../graphql/errorMapping';
import { buildGraphQLSchema } from '../graphql/schema';
import { authenticateRequests } from './authenticate';
import { costLimitPlugin } from './cost';
import { documentLimits } from './documentLimits';
import { inputErrorsPlugin } from './inputErrors';
import { rateLimiter } from './rateLimit';
import { bodyErrors, REFUSAL_MARK, refuseBatches, type RefusalCode } from './refusals';
import { unavailablePlugin } from './unavailable';
import { readExamples } from './examples';
import { exploreRouter } from './explore/explore.routes';
import { exportRouter } from './export/export.routes';
import { ideRouter } from './ide';

export interface AppOptions {
  db: Executor;
  logger: Logger;
  /** Serve GraphiQL at GET /graphql to browsers (config GRAPHQL_IDE); off unless asked for. */
  ide?: boolean;
  /** Credentials and limits (src/config.ts); unset ones take their defaults: no keys, reads open. */
  settings?: Partial<AppSettings>;
}

export type AppSettings = Pick<
  Config,
  | 'API_KEYS' | 'JWT_SECRET' | 'JWT_JWKS_URL' | 'JWT_ISSUER' | 'JWT_AUDIENCE' | 'JWT_ROLE_CLAIM' | 'READS_REQUIRE_AUTH'
  | 'QUERY_MAX_COST' | 'QUERY_MAX_DEPTH' | 'QUERY_MAX_ALIASES' | 'QUERY_MAX_DIRECTIVES' | 'QUERY_MAX_TOKENS'
  | 'RATE_LIMIT_IP_PER_SECOND' | 'RATE_LIMIT_IP_BURST' | 'RATE_LIMIT_PRINCIPAL_PER_SECOND' | 'RATE_LIMIT_PRINCIPAL_BURST'
  | 'RATE_LIMIT_MUTATION_COST' | 'NEO4J_TX_TIMEOUT_MS' | 'TRUST_PROXY'
>;

/** The most a request body may weigh. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** /healthz answers 503 past this, even when Neo4j hangs without closing the connection. */
export const HEALTH_DEADLINE_MS = 4_000;

export interface App {
  server: http.Server;
  apollo: ApolloServer<Context>;
  /** Listens on host:port (0 = any free port) and resolves to the GraphQL URL. */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

interface ValidationFailure {
  property: string;
  value?: unknown;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

/** class-validator failures, nested ones included, as (dotted path, problems) pairs. */
function flattenFailures(failures: ValidationFailure[], prefix = ''): { argument: string; value: unknown; problems: string[] }[] {
  return failures.flatMap((f) => {
    const argument = prefix ? `${prefix}.${f.property}` : f.property;
    const own = f.constraints ? [{ argument, value: f.value, problems: Object.values(f.constraints) }] : [];
    return [...own, ...flattenFailures(f.children ?? [], argument)];
  });
}

/** Refusals made inside Apollo or graphql-js without a code of their own, by their fixed message. */
const REFUSALS_BY_MESSAGE: [RegExp, RefusalCode][] = [
  [/^provided sha does not match query$/, 'PERSISTED_QUERY_HASH_MISMATCH'],
  // graphql-js 16 spells it 'more that N tokens'.
  [/^Syntax Error: Document contains more tha[nt] \d+ tokens/, 'TOKEN_LIMIT_EXCEEDED'],
];

/**
 * Errors leave without stack traces. Domain errors get their code and path (src/graphql/errorMapping.ts).
 * Argument validation failures (class-validator) name the argument — or the field inside an input, as a
 * dotted path — in the message and in `extensions.argument` (bad scalar literals get the same treatment
 * in ./inputErrors.ts). Refusals get their own code back (./refusals.ts) and lose the locations they do
 * not need.
 */
export function formatError(raw: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const formatted = mapDomainError(raw, error);
  const { stacktrace: _stacktrace, validationErrors, [REFUSAL_MARK]: refusal, ...extensions } = formatted.extensions ?? {};
  const byMessage = REFUSALS_BY_MESSAGE.find(([pattern]) => pattern.test(formatted.message))?.[1];
  if (refusal || byMessage) return { message: formatted.message, extensions: { ...extensions, code: refusal ?? byMessage } };
  if (Array.isArray(validationErrors) && validationErrors.length) {
    const failures = flattenFailures(validationErrors as ValidationFailure[]);
    const message = failures.map((f) => `${f.argument}: ${f.problems.join('; ')}`).join('; ');
    return { ...formatted, message, extensions: { ...extensions, argument: failures[0]?.argument, failures } };
  }
  return { ...formatted, extensions };
}

export async function createApp({ db, logger, ide = false, settings: overrides = {} }: AppOptions): Promise<App> {
  const settings: AppSettings = { ...loadConfig({}), ...overrides };
  const authenticate = authenticator({
    apiKeys: settings.API_KEYS,
    jwt: {
      secret: settings.JWT_SECRET,
      jwksUrl: settings.JWT_JWKS_URL,
      issuer: settings.JWT_ISSUER,
      audience: settings.JWT_AUDIENCE,
      roleClaim: settings.JWT_ROLE_CLAIM,
    },
  });
  const rateLimits = rateLimiter({
    ipPerSecond: settings.RATE_LIMIT_IP_PER_SECOND,
    ipBurst: settings.RATE_LIMIT_IP_BURST,
    principalPerSecond: settings.RATE_LIMIT_PRINCIPAL_PER_SECOND,
    principalBurst: settings.RATE_LIMIT_PRINCIPAL_BURST,
    mutationCost: settings.RATE_LIMIT_MUTATION_COST,
  });
  // A second past the server's own transaction timeout, which normally answers first.
  const liveness = new Liveness();
  const guarded = withDeadline(db, settings.NEO4J_TX_TIMEOUT_MS + 1_000, liveness);

  const expressApp = express();
  if (settings.TRUST_PROXY) expressApp.set('trust proxy', /^\d+$/.test(settings.TRUST_PROXY) ? Number(settings.TRUST_PROXY) : settings.TRUST_PROXY);
  const server = http.createServer(expressApp);
  const apollo = new ApolloServer<Context>({
    schema: await buildGraphQLSchema(),
    includeStacktraceInErrorResponses: false,
    // The schema is public (schema/schema.graphql); the IDE and client code generators need it.
    introspection: true,
    parseOptions: { maxTokens: settings.QUERY_MAX_TOKENS },
    validationRules: [
      documentLimits({ maxDepth: settings.QUERY_MAX_DEPTH, maxAliases: settings.QUERY_MAX_ALIASES, maxDirectives: settings.QUERY_MAX_DIRECTIVES }),
    ],
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      inputErrorsPlugin,
      rateLimits.plugin,
      costLimitPlugin(settings.QUERY_MAX_COST),
      unavailablePlugin,
    ],
    logger,
  });
  await apollo.start();

  // For container and load-balancer health checks: 200 when Neo4j answers, 503 when it does not.
  const healthDb = withDeadline(db, HEALTH_DEADLINE_MS, liveness);
  expressApp.get('/healthz', (_req, res) => {
    readHealth(healthDb).then(
      (health) => res.json(health),
      (error: unknown) => res.status(503).json({ status: 'unavailable', message: error instanceof Error ? error.message : 'unavailable' }),
    );
  });
  if (ide) expressApp.use(ideRouter(readExamples()));
  expressApp.use(exportRouter({ db, logger }));
  expressApp.use(exploreRouter());
  expressApp.use(
    '/graphql',
    // Cheapest refusals first: credentials and rate before reading the body.
    authenticateRequests(authenticate, settings.READS_REQUIRE_AUTH),
    rateLimits.middleware,
    express.json({ limit: BODY_LIMIT_BYTES }),
    bodyErrors,
    refuseBatches,
    expressMiddleware(apollo, { context: async ({ res }) => createContext(guarded, (res.locals.principal as Principal | null) ?? null) }),
  );

  return {
    server,
    apollo,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          resolve(`http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}/graphql`);
        });
      }),
    close: () => apollo.stop(),
  };
}
