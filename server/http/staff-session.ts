import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from '../app-env.ts';
import type { Role } from '../auth/actor.ts';
import { CSRF_HEADER, sessionCookie } from '../auth/cookies.ts';
import { resolveSession } from '../auth/sessions.ts';
import { tokensMatch } from '../auth/tokens.ts';
import { apiError } from './api-error.ts';

/**
 * For Hono routes staff call (e.g. a tip's photos, exports): the same session as the staff pages.
 *
 *   const photos = new Hono<AppEnv>()
 *     .use('*', staffSession(), requireStaff(['officer', 'supervisor', 'admin']))
 *     .get('/:id', (c) => { const actor = c.var.actor!; ... })
 *
 * staffSession() sets c.var.actor (full sessions only) and refuses a state-changing request whose
 * X-CSRF-Token header does not match the session's token; requireStaff() answers 401 or 403.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function staffSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const cookie = sessionCookie(c.var.config.behindTls);
    const session = await resolveSession(c.var.database.db, getCookie(c, cookie.name), new Date());
    if (session) {
      c.set('staffSession', session);
      if (session.actor && !session.mustChangePassword) c.set('actor', session.actor);
    }
    if (session && !SAFE_METHODS.has(c.req.method) && !tokensMatch(session.csrfToken, c.req.header(CSRF_HEADER))) {
      return c.json(apiError(null, 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Tải lại trang và thử lại.'), 403);
    }
    return next();
  };
}

export function requireStaff(roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.var.actor;
    if (!actor) return c.json(apiError(null, 'Cần đăng nhập khu vực cán bộ.'), 401);
    if (!roles.includes(actor.role)) return c.json(apiError(null, 'Tài khoản của bạn không được dùng chức năng này.'), 403);
    return next();
  };
}
