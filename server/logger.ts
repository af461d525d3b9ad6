import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * The application log. It carries no host name or pid and has no request serializers: callers log only
 * the fields they name, so no client address, user agent or cookie can slip in by default.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, base: null, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
