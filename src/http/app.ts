import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import express from 'express';
import proxyaddr from 'proxy-addr';
import type { Principal } from '../auth/principal';
import { ChangeTailer } from '../changes/tailer';
import { loadConfig, type Config } from '../config';
import { guardPlugins } from '../guard/apollo';
import { createRequestGuard, type RequestGuard } from '../guard/requestGuard';
import type { Logger } from '../logger';
import { Liveness, refuseInOutages, withDeadline } from '../neo4j/deadline';
import type { Executor } from '../neo4j/executor';
import type { Outage } from '../neo4j/deadline';
import { refuseWritesWhenFull, type StorageWatch } from '../neo4j/storage';
import { createContext, type Context } from '../graphql/context';
import { readHealth } from '../graphql/health/health.resolver';
import { buildGraphQLSchema } from '../graphql/schema';
import { admit, graphqlFailure, guardHttp } from './guard.http';
import { graphqlTelemetry, httpSpans, inRequestTrace, metricsRouter } from './observability';
import { requestIds, unexpectedErrorsPlugin } from './requestId';
import { securityHeaders } from './securityHeaders';
import { unavailablePlugin } from './unavailable';
import { readExamples } from './examples';
import { exploreRouter } from './explore/explore.routes';
import { exportRouter } from './export/export.routes';
import { ideRouter } from './ide';
import { serveWebSocket } from './websocket';

export { BODY_LIMIT_BYTES } from './guard.http';
export interface AppOptions {
  db: Executor;
  logger: Logger;
  /** Serve GraphiQL at GET /graphql to browsers (config GRAPHQL_IDE); off unless asked for. */
  ide?: boolean;
  /** Credentials and limits (src/config.ts); unset ones take their defaults: no keys, reads open. */
  settings?: Partial<AppSettings>;
  /** The embedded Neo4j's free disk space: writes refused while it is full, reported in /healthz. */
  storage?: StorageWatch;
  /** Neo4j's liveness, kept by a LivenessProbe (src/neo4j/probe.ts): outages answered within its hangMs. */
  liveness?: Liveness;
}

export type AppSettings = Pick<
  Config,
  | 'API_KEYS'
  | 'JWT_SECRET'
  | 'JWT_JWKS_URL'
  | 'JWT_ISSUER'
  | 'JWT_AUDIENCE'
  | 'JWT_ROLE_CLAIM'
  | 'JWT_MAX_LIFETIME_SECONDS'
  | 'READS_REQUIRE_AUTH'
  | 'QUERY_MAX_COST'
  | 'QUERY_MAX_DEPTH'
  | 'QUERY_MAX_ALIASES'
  | 'QUERY_MAX_DIRECTIVES'
  | 'QUERY_MAX_TOKENS'
  | 'RATE_LIMIT_IP_PER_SECOND'
  | 'RATE_LIMIT_IP_BURST'
  | 'RATE_LIMIT_PRINCIPAL_PER_SECOND'
  | 'RATE_LIMIT_PRINCIPAL_BURST'
  | 'RATE_LIMIT_MUTATION_COST'
  | 'RATE_LIMIT_AUTH_FAILURES_PER_SECOND'
  | 'RATE_LIMIT_AUTH_FAILURES_BURST'
  | 'NEO4J_TX_TIMEOUT_MS'
  | 'REQUEST_DEADLINE_MS'
  | 'TRUST_PROXY'
  | 'SUBSCRIPTIONS_PER_PRINCIPAL'
  | 'SUBSCRIPTIONS_PER_IP'
  | 'CHANGES_POLL_MS'
  | 'WS_KEEPALIVE_MS'
>;

/** GraphQL answers are not to be cached (what Apollo's cache-control plugin said for fields without hints). */
const noStore: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/** /healthz answers 503 past this, even when Neo4j hangs without closing the connection. */
export const HEALTH_DEADLINE_MS = 1_500;

const OUTAGE_MESSAGES: Record<Outage, string> = {
  unreachable: 'the graph database is unavailable',
  hung: 'the graph database does not answer',
  panicked: 'the graph database hit a fatal error and needs a restart',
};

export interface App {
  server: http.Server;
  apollo: ApolloServer<Context>;
  /** Listens on host:port (0 = any free port) and resolves to the GraphQL URL. */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

export async function createApp({
  db,
  logger,
  ide = false,
  settings: overrides = {},
  storage,
  liveness = new Liveness(),
}: AppOptions): Promise<App> {
  const settings: AppSettings = { ...loadConfig({}), ...overrides };
  const guard = requestGuard(settings);
  // Calls waiting for a pooled connection when the probe declares an outage are answered 503 at once.
  refuseInOutages(db, liveness);
  // A second past the server's own transaction timeout, which normally answers first; with a
  // probe running, a Neo4j silent for its hangMs fails calls sooner (src/neo4j/deadline.ts).
  const guarded = withDeadline(
    storage ? refuseWritesWhenFull(db, storage) : db,
    settings.NEO4J_TX_TIMEOUT_MS + 1_000,
    liveness,
  );

  const expressApp = express();
  if (settings.TRUST_PROXY)
    expressApp.set(
      'trust proxy',
      /^\d+$/.test(settings.TRUST_PROXY) ? Number(settings.TRUST_PROXY) : settings.TRUST_PROXY,
    );
  expressApp.disable('x-powered-by');
  expressApp.use(requestIds);
  expressApp.use(securityHeaders);
  expressApp.use(httpSpans);
  // gzip or brotli (whichever the client prefers) for every answer over 1 KiB: GraphQL, exports, the IDE's and explorer's files.
  expressApp.use(compression());
  const server = http.createServer(expressApp);
  const schema = await buildGraphQLSchema();
  // This instance's reader of the change log, for Subscription.changes (src/changes/).
  const tailer = new ChangeTailer(guarded.reader, logger, {
    pollMs: settings.CHANGES_POLL_MS,
    batch: 1_000,
    gapWaitMs: 10_000,
  });
  const apollo = new ApolloServer<Context>({
    schema,
    includeStacktraceInErrorResponses: false,
    // main.ts stops the app (WebSocket, Apollo, Neo4j) on SIGINT/SIGTERM; Apollo's own handler would
    // stop it too and then kill the process with the signal again, before main exits with 0.
    stopOnTerminationSignals: false,
    // The schema is public (schema/schema.graphql); the IDE and client code generators need it.
    introspection: true,
    parseOptions: guard.parseOptions,
    validationRules: guard.validationRules,
    formatError: guard.formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageDisabled(),
      // No field has a cache hint, so every answer is `no-store` (said by noStore below); Apollo's
      // cache-control plugin would work that out per resolved field, and its hook makes Apollo wrap
      // every resolver of the schema: a tenth of the API's CPU for graph(limit: 2000).
      ApolloServerPluginCacheControlDisabled(),
      noStore,
      ...guardPlugins(guard),
      unavailablePlugin,
      graphqlTelemetry,
      unexpectedErrorsPlugin(logger),
    ],
    logger,
  });
  await apollo.start();

  // For container and load-balancer health checks: 200 when Neo4j answers, 503 when it does not.
  const healthDb = withDeadline(db, HEALTH_DEADLINE_MS, liveness);
  // With the embedded Neo4j, its disk's free space too: 503 "storage-full" while writes are refused.
  expressApp.get('/healthz', (_req, res) => {
    const disk = () => (storage ? { storage: storage.status() } : {});
    // The probe already knows Neo4j is down: say so now instead of waiting for it again.
    const { outage, hangMs } = liveness;
    if (outage === 'panicked' || (outage && hangMs && liveness.silentFor(hangMs))) {
      const message = OUTAGE_MESSAGES[outage];
      return void res.status(503).json({ status: 'unavailable', outage, message, ...disk() });
    }
    readHealth(healthDb).then(
      (health) =>
        storage?.full
          ? res.status(503).json({ ...health, status: 'storage-full', ...disk() })
          : res.json({ ...health, ...disk() }),
      (error: unknown) =>
        res
          .status(503)
          .json({ status: 'unavailable', message: error instanceof Error ? error.message : 'unavailable', ...disk() }),
    );
  });
  expressApp.use(metricsRouter());
  if (ide) expressApp.use(ideRouter(readExamples()));
  // The exports read the whole graph: the same credentials and rate limits as GraphQL.
  expressApp.use('/export', admit(guard));
  expressApp.use(exportRouter({ db, logger }));
  expressApp.use(exploreRouter());
  expressApp.use(
    '/graphql',
    ...guardHttp(guard),
    inRequestTrace,
    expressMiddleware(apollo, {
      context: async ({ res }) =>
        createContext(guarded, (res.locals.principal as Principal | null) ?? null, {
          deadlineMs: settings.REQUEST_DEADLINE_MS,
          tailer,
        }),
    }),
    graphqlFailure(logger),
  );
  // The same guard and schema over WebSocket (graphql-ws) on the same path.
  const trust = expressApp.get('trust proxy fn') as Parameters<typeof proxyaddr>[1];
  const ws = serveWebSocket(server, {
    guard,
    schema,
    ipOf: (request) => proxyaddr(request, trust),
    // No request deadline on the socket: a subscription's context lives as long as the subscription.
    context: (principal) => createContext(guarded, principal, { tailer }),
    keepAliveMs: settings.WS_KEEPALIVE_MS,
  });

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
    close: async () => {
      tailer.stop(new Error('the API is stopping'));
      await ws.close();
      await apollo.stop();
    },
  };
}

/** The request guard (src/guard/) with the configuration's credentials and limits. */
function requestGuard(settings: AppSettings): RequestGuard {
  return createRequestGuard({
    auth: {
      apiKeys: settings.API_KEYS,
      jwt: {
        secret: settings.JWT_SECRET,
        jwksUrl: settings.JWT_JWKS_URL,
        issuer: settings.JWT_ISSUER,
        audience: settings.JWT_AUDIENCE,
        roleClaim: settings.JWT_ROLE_CLAIM,
        maxLifetimeSeconds: settings.JWT_MAX_LIFETIME_SECONDS,
      },
    },
    readsRequireAuth: settings.READS_REQUIRE_AUTH,
    rateLimits: {
      ipPerSecond: settings.RATE_LIMIT_IP_PER_SECOND,
      ipBurst: settings.RATE_LIMIT_IP_BURST,
      principalPerSecond: settings.RATE_LIMIT_PRINCIPAL_PER_SECOND,
      principalBurst: settings.RATE_LIMIT_PRINCIPAL_BURST,
      mutationCost: settings.RATE_LIMIT_MUTATION_COST,
      authFailuresPerSecond: settings.RATE_LIMIT_AUTH_FAILURES_PER_SECOND,
      authFailuresBurst: settings.RATE_LIMIT_AUTH_FAILURES_BURST,
    },
    documentLimits: {
      maxDepth: settings.QUERY_MAX_DEPTH,
      maxAliases: settings.QUERY_MAX_ALIASES,
      maxDirectives: settings.QUERY_MAX_DIRECTIVES,
    },
    maxTokens: settings.QUERY_MAX_TOKENS,
    maxCost: settings.QUERY_MAX_COST,
    subscriptions: { perPrincipal: settings.SUBSCRIPTIONS_PER_PRINCIPAL, perIp: settings.SUBSCRIPTIONS_PER_IP },
  });
}
