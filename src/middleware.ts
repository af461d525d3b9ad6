import { defineMiddleware } from 'astro:middleware';
import type { APIContext, MiddlewareNext } from 'astro';
import { CSRF_FIELD, CSRF_HEADER, loginCsrfCookie, sessionCookie } from '#server/auth/cookies.ts';
import { resolveSession, type ResolvedSession } from '#server/auth/sessions.ts';
import { randomToken, tokensMatch } from '#server/auth/tokens.ts';
import { ADMIN_PATHS, isAdminPath, withTrailingSlash } from '#shared/paths/admin.ts';
import { csrfRejectedResponse } from './admin/responses.ts';

/**
 * The staff area's gate. For /quan-tri/ only (public pages are untouched and never get a cookie): resolves
 * the session cookie into Astro.locals.actor, checks the CSRF token of every state-changing request, sends
 * whoever is not signed in (or not through every step) to the right sign-in page, and forbids caching.
 * Which role a page needs is declared on the page itself (requireRole).
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered || !isAdminPath(context.url.pathname)) return next();
  const response = await guardStaffArea(context, next);
  return withStaffHeaders(response);
});

async function guardStaffArea(context: APIContext, next: MiddlewareNext): Promise<Response> {
  const { locals, cookies } = context;
  const behindTls = locals.config.behindTls;
  const cookie = sessionCookie(behindTls);
  const token = cookies.get(cookie.name)?.value;
  const session = await resolveSession(locals.database.db, token, new Date());
  if (token && !session) cookies.delete(cookie.name, cookie.options);
  if (session) {
    locals.staffSession = session;
    if (session.actor) locals.actor = session.actor;
  }
  const path = withTrailingSlash(context.url.pathname);

  if (path === ADMIN_PATHS.login) {
    const loginCookie = loginCsrfCookie(behindTls);
    let loginToken = cookies.get(loginCookie.name)?.value;
    if (!SAFE_METHODS.has(context.request.method) && !tokensMatch(loginToken, await submittedCsrfToken(context.request))) {
      return csrfRejectedResponse();
    }
    if (!loginToken) {
      loginToken = randomToken();
      cookies.set(loginCookie.name, loginToken, loginCookie.options);
    }
    locals.loginCsrfToken = loginToken;
    if (session?.stage === 'full' && context.request.method === 'GET') return context.redirect(ADMIN_PATHS.home, 303);
    return next();
  }

  if (!session) return context.redirect(ADMIN_PATHS.login, 303);
  if (!SAFE_METHODS.has(context.request.method) && !tokensMatch(session.csrfToken, await submittedCsrfToken(context.request))) {
    return csrfRejectedResponse();
  }
  const required = requiredStep(session);
  if (required && path !== required && path !== ADMIN_PATHS.logout) return context.redirect(required, 303);
  if (!required && (path === ADMIN_PATHS.totp || path === ADMIN_PATHS.enrol)) return context.redirect(ADMIN_PATHS.home, 303);
  return next();
}

/** The one page a session must go through before anything else, if any. */
function requiredStep(session: ResolvedSession): string | null {
  if (session.stage === 'partial') return session.totpConfirmed ? ADMIN_PATHS.totp : ADMIN_PATHS.enrol;
  if (session.mustChangePassword) return ADMIN_PATHS.account;
  return null;
}

/** The token from the X-CSRF-Token header (fetch) or the hidden form field; the body stays readable for the page. */
async function submittedCsrfToken(request: Request): Promise<string | null> {
  const header = request.headers.get(CSRF_HEADER);
  if (header) return header;
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return null;
  try {
    const value = (await request.clone().formData()).get(CSRF_FIELD);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Nothing from the staff area may be kept by a browser or a proxy. */
const STAFF_HEADERS = { 'Cache-Control': 'no-store' };

function withStaffHeaders(response: Response): Response {
  const set = (target: Response) => {
    for (const [name, value] of Object.entries(STAFF_HEADERS)) target.headers.set(name, value);
    return target;
  };
  try {
    return set(response);
  } catch {
    // Some responses (Response.redirect) have immutable headers: copy them into a new one.
    return set(new Response(response.body, response));
  }
}
