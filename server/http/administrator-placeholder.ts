import type { MiddlewareHandler } from 'hono';
import type { Actor } from '../auth/actor.ts';
import { apiError } from './api-error.ts';

/**
 * PLACEHOLDER — replace with the real administrator guard when the staff-accounts branch is merged.
 * It lets a request through only when an earlier middleware has put an administrator in `c.var.actor`.
 * Nothing in this branch does, so in a running portal every route behind it answers 401: closed, never
 * silently public. Tests mount the routes behind a middleware that sets an actor.
 */
export const requireAdministratorPlaceholder: MiddlewareHandler = async (c, next) => {
  const actor = (c.var as { actor?: Actor }).actor;
  if (!actor) return c.json(apiError(null, 'Cần đăng nhập bằng tài khoản quản trị viên.'), 401);
  if (actor.role !== 'admin') return c.json(apiError(null, 'Chỉ quản trị viên được dùng chức năng này.'), 403);
  return next();
};

/** The actor the placeholder let through. */
export const placeholderActor = (c: { var: object }): Actor => (c.var as { actor: Actor }).actor;
