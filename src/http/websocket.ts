import type http from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { guardWs, type WsGuardOptions } from './guard.ws';

/** The most a WebSocket message may weigh: the same as an HTTP request body. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * GraphQL over WebSocket (the graphql-transport-ws protocol of graphql-ws) on the HTTP server's
 * /graphql path: subscriptions, and queries and mutations too, behind the request guard
 * (./guard.ws.ts). Pings every `keepAliveMs`; a client that does not answer in time is dropped.
 */
export function serveWebSocket(
  server: http.Server,
  options: WsGuardOptions & { keepAliveMs: number },
): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: MAX_MESSAGE_BYTES });
  const serving = useServer(guardWs(options), wss, options.keepAliveMs);
  return {
    close: async () => {
      await serving.dispose();
    },
  };
}
