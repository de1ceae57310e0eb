import pino from 'pino';
import pretty from 'pino-pretty';

/** Where credentials could appear in a log line: redacted, never written. */
export const LOG_REDACT = [
  'params.password',
  'config.NEO4J_PASSWORD',
  'config.API_KEYS',
  'config.JWT_SECRET',
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
];

/** LOG_LEVEL as pino knows it; anything else starts at info, and the configuration check (src/config.ts) then names the bad value in one line. */
const PINO_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const envLevel = process.env.LOG_LEVEL ?? 'info';
const options: pino.LoggerOptions = {
  level: PINO_LEVELS.includes(envLevel) ? envLevel : 'info',
  base: undefined,
  redact: LOG_REDACT,
};

/**
 * The one logger. Cypher and its parameters are logged at debug level only; credentials never
 * (LOG_REDACT). On a terminal the lines are readable (pino-pretty: time, level, message, then the
 * fields); anywhere else (a pipe, a file, Docker, CI) they stay one JSON object per line for log
 * tools. pino-pretty runs in this thread (sync), so nothing is lost when the process exits.
 */
export const logger = process.stdout.isTTY
  ? pino(options, pretty({ colorize: true, sync: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' }))
  : pino(options);

export type Logger = typeof logger;
