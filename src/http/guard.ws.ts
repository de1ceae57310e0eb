import type { IncomingMessage } from 'node:http';
import { GraphQLError, OperationTypeNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Context as WsContext, ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { Principal } from '../auth/principal';
import { Refused, type RefusalCode } from '../guard/refusals';
import type { RequestGuard } from '../guard/requestGuard';
import { metrics } from '../telemetry/metrics';

/** What the adapter keeps per socket: who connected, from where, and the subscriptions' places under the cap. */
interface Connection {
  authorization?: string;
  ip: string;
  places: Map<string, () => void>;
}

/**
 * WebSocket close codes of a refused connection_init: graphql-ws's 4401 Unauthorized (its client
 * does not retry), 1013 Try Again Later (it does), 4403 Forbidden for the rest. The reason is
 * `CODE: message`, cut to the 123 bytes a close frame carries.
 */
const CLOSE_CODES: Partial<Record<RefusalCode, number>> = { UNAUTHENTICATED: 4401, RATE_LIMITED: 1013 };
export const closeReason = (refused: Refused) => {
  const text = `${refused.code}: ${refused.message}`;
  const bytes = Buffer.from(text);
  return bytes.length <= 123
    ? text
    : `${bytes
        .subarray(0, 120)
        .toString('utf8')
        .replace(/\uFFFD+$/, '')}...`;
};

/** connectionParams' credentials, spelt as the HTTP header is or in lower case: `{ "Authorization": "Bearer <key or JWT>" }`. */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = params?.Authorization ?? params?.authorization;
  return typeof value === 'string' ? value : undefined;
}

const refusalError = (refused: Refused) => new GraphQLError(refused.message, { extensions: { code: refused.code } });

export interface WsGuardOptions {
  guard: RequestGuard;
  schema: GraphQLSchema;
  /** The client's address as the HTTP adapter sees it (Express's trust proxy setting applies). */
  ipOf: (request: IncomingMessage) => string;
  /** The GraphQL context of one operation. */
  context: (principal: Principal | null) => unknown;
}

/**
 * The request guard (src/guard/) on graphql-ws's hooks, in the guard's order: `admit` at
 * connection_init (credentials from connectionParams, then rate; a refusal closes the socket) and
 * again for each operation (a JWT may expire; each operation takes a rate token, like an HTTP
 * request), then `prepare` (parse with the token limit, validate with the document limits, cost),
 * a place under the subscription cap, and every error shaped by `formatError`, in `error` and
 * `next` messages alike.
 */
export function guardWs({
  guard,
  schema,
  ipOf,
  context,
}: WsGuardOptions): ServerOptions<Record<string, unknown>, Extra> {
  const connections = new WeakMap<WsContext<Record<string, unknown>, Extra>, Connection>();
  const release = (ctx: WsContext<Record<string, unknown>, Extra>, id: string) => {
    const places = connections.get(ctx)?.places;
    places?.get(id)?.();
    places?.delete(id);
  };
  const shape = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((error) => {
      const formatted = guard.formatError(error.toJSON(), error.originalError ?? error);
      const { http: _http, ...extensions } = formatted.extensions ?? {};
      if (!extensions.code) extensions.code = 'INTERNAL_SERVER_ERROR';
      metrics.errors.inc({ code: String(extensions.code) });
      return { ...formatted, extensions };
    });

  return {
    schema,
    async onConnect(ctx) {
      const connection: Connection = {
        authorization: authorizationOf(ctx.connectionParams),
        ip: ipOf(ctx.extra.request),
        places: new Map(),
      };
      try {
        await guard.admit(connection);
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
        // Closed with the refusal's own code first; graphql-ws's own close (4403) then finds it closing.
        ctx.extra.socket.close(CLOSE_CODES[error.code] ?? 4403, closeReason(error));
        return false;
      }
      connections.set(ctx, connection);
      return true;
    },
    async onSubscribe(ctx, id, payload) {
      const connection = connections.get(ctx);
      if (!connection)
        return [new GraphQLError('the connection was not admitted', { extensions: { code: 'UNAUTHENTICATED' } })];
      let principal: Principal | null;
      try {
        principal = await guard.admit(connection);
      } catch (error) {
        if (error instanceof Refused) return [refusalError(error)];
        throw error;
      }
      const prepared = guard.prepare(schema, payload, principal);
      if ('errors' in prepared) return [...prepared.errors];
      if (prepared.operation.operation === OperationTypeNode.SUBSCRIPTION) {
        try {
          connection.places.set(id, guard.openSubscription(principal, connection.ip));
        } catch (error) {
          if (error instanceof Refused) return [refusalError(error)];
          throw error;
        }
      }
      return {
        schema,
        document: prepared.document,
        operationName: payload.operationName,
        variableValues: payload.variables,
        contextValue: context(principal),
      };
    },
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors?.length ? { ...result, errors: shape(result.errors) } : result,
    onError(ctx, id, _payload, errors) {
      release(ctx, id);
      return shape(errors);
    },
    onComplete: (ctx, id) => release(ctx, id),
    onClose(ctx) {
      for (const place of connections.get(ctx)?.places.values() ?? []) place();
    },
  };
}
