import type { Context } from 'hono';

/**
 * True when the answer was written straight to the socket (Astro's pages). Middleware must then leave
 * `c.res` alone: touching it makes Hono copy the "already sent" marker into a response that
 * @hono/node-server would try to write a second time.
 */
export const alreadySent = (c: Context) => Boolean(c.env?.outgoing?.headersSent);
