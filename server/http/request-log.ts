import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.ts';
import { alreadySent } from './already-sent.ts';

/**
 * Logs method, path (never the query string), status and duration — and nothing else about the request.
 * Tipsters' anonymity depends on this: no address, user agent, cookie or referrer ever reaches the log.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      {
        method: c.req.method,
        route: c.req.path,
        status: alreadySent(c) ? c.env.outgoing.statusCode : c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}
