import pino from 'pino';

/** The one logger. Cypher and its parameters are logged at debug level only. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: undefined,
  redact: ['params.password', 'config.NEO4J_PASSWORD'],
});

export type Logger = typeof logger;
