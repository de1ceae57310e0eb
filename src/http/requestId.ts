import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger';
import { textOf } from '../errors';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's own request id is kept when it is short and plain; otherwise (or without one) a new UUID. */
const ACCEPTED_ID = /^[\w.:-]{1,64}$/;

/**
 * Gives every request an id, answered in `X-Request-Id` and kept on the request (the header, so
 * Apollo's plugins read it too) and in `res.locals.requestId`: what a client quotes and a log line names.
 */
export const requestIds: RequestHandler = (req, res, next) => {
  const given = req.get(REQUEST_ID_HEADER);
  const id = given && ACCEPTED_ID.test(given) ? given : randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  res.locals.requestId = id;
  res.set('X-Request-Id', id);
  next();
};

/**
 * Every unexpected error (answered as INTERNAL_SERVER_ERROR) is logged at error level with the
 * request id, the operation and the error with its stack, and the answer's error carries
 * `extensions.requestId`, so a client's report finds the log line.
 */
export function unexpectedErrorsPlugin(logger: Logger): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const requestId = request.http?.headers.get(REQUEST_ID_HEADER) ?? randomUUID();
      let raw: readonly Error[] = [];
      return {
        async didEncounterErrors({ errors }) {
          raw = errors;
        },
        async willSendResponse({ response, operationName }) {
          if (response.body.kind !== 'single') return;
          const unexpected = (response.body.singleResult.errors ?? []).filter(
            (e) => (e.extensions?.code ?? 'INTERNAL_SERVER_ERROR') === 'INTERNAL_SERVER_ERROR',
          );
          if (!unexpected.length) return;
          for (const error of unexpected)
            Object.assign(error, { extensions: { ...error.extensions, code: 'INTERNAL_SERVER_ERROR', requestId } });
          const causes = raw.map((e) => (e as { originalError?: Error }).originalError ?? e);
          logger.error(
            {
              requestId,
              operation: operationName ?? null,
              errors: causes.map((e) => ({
                message: e.message,
                stack: e.stack,
                cause: textOf((e as { cause?: unknown }).cause ?? ''),
              })),
            },
            'unexpected error',
          );
        },
      };
    },
  };
}
