import type { MiddlewareHandler } from 'hono';

const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/;

/**
 * Refuses state-changing requests that a browser says come from another site (CSRF), on the API and on
 * Astro's pages alike. Browsers send Sec-Fetch-Site on every request; under our Referrer-Policy
 * `no-referrer` they send `Origin: null` for same-origin form posts, which is why Astro's own origin check
 * is off (astro.config.mjs) and this one reads Sec-Fetch-Site first. Requests that carry neither header
 * come from programs, not browsers, and cannot carry a victim's cookies: they pass, and session-bound
 * CSRF tokens still guard the admin area.
 */
export function blockCrossSiteWrites(publicOrigin: string): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHOD.test(c.req.method)) return next();
    const site = c.req.header('Sec-Fetch-Site');
    const origin = c.req.header('Origin');
    const own = new URL(c.req.url);
    // Behind a TLS-terminating proxy the request arrives as http://, while the browser's Origin says https://.
    const sameOrigin = (value: string) => value === publicOrigin || value === own.origin || value === `https://${own.host}`;
    const allowed = site !== undefined ? site === 'same-origin' : origin === undefined || (origin !== 'null' && sameOrigin(origin));
    if (!allowed) {
      return c.json({ errors: [{ field: null, message: 'Yêu cầu bị từ chối vì không gửi từ trang của cổng thông tin.' }] }, 403);
    }
    return next();
  };
}
