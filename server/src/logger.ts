import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';

export type { Logger };

/**
 * A pino logger writing one JSON object per line to stdout (pretty-print by piping through
 * `npx pino-pretty` if wanted; the server never depends on it). `name` tags every line, e.g. the
 * module or the process role (`server`, `worker`). `destination` is for tests that read the lines.
 */
export function createLogger(
  config: Pick<Config, 'logLevel'>,
  name?: string,
  destination?: DestinationStream,
): Logger {
  const options = {
    level: config.logLevel,
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(name === undefined ? {} : { name }),
  };
  return destination ? pino(options, destination) : pino(options);
}
