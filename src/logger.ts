import pino from 'pino';

/**
 * The one logger. Cypher and its parameters are logged at debug level only. Credentials never
 * appear: a logged request's Authorization header and the configured secrets are redacted.
 */
export const LOG_REDACT = [
  'params.password',
  'config.NEO4J_PASSWORD',
  'config.API_KEYS',
  'config.JWT_SECRET',
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
];

export const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: undefined, redact: LOG_REDACT });

export type Logger = typeof logger;
