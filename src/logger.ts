import pino from 'pino';
import pretty from 'pino-pretty';

const options: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL ?? 'info',
  base: undefined,
  redact: ['params.password', 'config.NEO4J_PASSWORD'],
};

/**
 * The one logger. Cypher and its parameters are logged at debug level only. On a terminal the
 * lines are readable (pino-pretty: time, level, message, then the fields); anywhere else (a pipe,
 * a file, Docker, CI) they stay one JSON object per line for log tools. pino-pretty runs in this
 * thread (sync), so nothing is lost when the process exits.
 */
export const logger = process.stdout.isTTY
  ? pino(options, pretty({ colorize: true, sync: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' }))
  : pino(options);

export type Logger = typeof logger;
