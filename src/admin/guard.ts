import type { AstroGlobal } from 'astro';
import type { Actor, Role } from '#server/auth/actor.ts';
import { ADMIN_PATHS } from '#shared/paths/admin.ts';
import { forbiddenResponse } from './responses.ts';

/**
 * The role check every admin page makes in its first line (GlobaLeaks style: the rule sits with the page):
 *
 *   const actor = requireRole(Astro, ['admin']); if (actor instanceof Response) return actor;
 *
 * The middleware has already sent anyone not signed in to the login page; this refuses a signed-in staff
 * member whose role is not listed with 403.
 */
export function requireRole(astro: Pick<AstroGlobal, 'locals' | 'redirect'>, roles: readonly Role[]): Actor | Response {
  const actor = astro.locals.actor;
  if (!actor) return astro.redirect(ADMIN_PATHS.login, 303);
  return roles.includes(actor.role) ? actor : forbiddenResponse();
}

/** Every staff role: pages any signed-in staff member may open (home, own account). */
export const ANY_STAFF: readonly Role[] = ['officer', 'supervisor', 'admin', 'reporter'];
