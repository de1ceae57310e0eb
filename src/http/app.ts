import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger';
import type { Executor } from '../neo4j/executor';
import { createContext, type Context } from '../graphql/context';
import { readHealth } from '../graphql/health/health.resolver';
import { mapDomainError } from '../graphql/errorMapping';
import { buildGraphQLSchema } from '../graphql/schema';
import { depthLimit } from './depthLimit';
import { inputErrorsPlugin } from './inputErrors';
import { readExamples } from './examples';
import { exploreRouter } from './explore/explore.routes';
import { exportRouter } from './export/export.routes';
import { ideRouter } from './ide';

export interface AppOptions {
  db: Executor;
  logger: Logger;
  /** Serve GraphiQL at GET /graphql to browsers (config GRAPHQL_IDE); off unless asked for. */
  ide?: boolean;
}

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

/**
 * Errors leave without stack traces. Argument validation failures (class-validator) name the
 * argument — or the field inside an input, as a dotted path — in the message and in
 * `extensions.argument` (bad scalar literals get the same treatment in ./inputErrors.ts).
 */
export function formatError(raw: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const formatted = mapDomainError(raw, error);
  const { stacktrace: _stacktrace, validationErrors, ...extensions } = formatted.extensions ?? {};
  if (Array.isArray(validationErrors) && validationErrors.length) {
    const failures = flattenFailures(validationErrors as ValidationFailure[]);
    const message = failures.map((f) => `${f.argument}: ${f.problems.join('; ')}`).join('; ');
    return { ...formatted, message, extensions: { ...extensions, argument: failures[0]?.argument, failures } };
  }
  return { ...formatted, extensions };
}

export async function createApp({ db, logger, ide = false }: AppOptions): Promise<App> {
  const expressApp = express();
  const server = http.createServer(expressApp);
  const apollo = new ApolloServer<Context>({
    schema: await buildGraphQLSchema(),
    includeStacktraceInErrorResponses: false,
    // The schema is public (schema/schema.graphql); the IDE and client code generators need it.
    introspection: true,
    validationRules: [depthLimit()],
    formatError,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server }), ApolloServerPluginLandingPageDisabled(), inputErrorsPlugin],
    logger,
  });
  await apollo.start();

  // For container and load-balancer health checks: 200 when Neo4j answers, 503 when it does not.
  expressApp.get('/healthz', (_req, res) => {
    readHealth(db).then(
      (health) => res.json(health),
      (error: unknown) => res.status(503).json({ status: 'unavailable', message: error instanceof Error ? error.message : 'unavailable' }),
    );
  });
  if (ide) expressApp.use(ideRouter(readExamples()));
  expressApp.use(exportRouter({ db, logger }));
  expressApp.use(exploreRouter());
  expressApp.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => createContext(db) }));

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
