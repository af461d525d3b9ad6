import type { Role } from '#server/auth/actor.ts';

/**
 * Who opens the outreach staff pages (the domain checks again in server/outreach/access.ts). Officers handle
 * tips, not outreach: none of these pages is theirs.
 */
/** Sessions list, entry and edit: reporters (their own unit), supervisors and administrators. */
export const OUTREACH_STAFF_ROLES: readonly Role[] = ['reporter', 'supervisor', 'admin'];
/** The approval queue of public reports. */
export const OUTREACH_REVIEW_ROLES: readonly Role[] = ['supervisor', 'admin'];
/** Registry of schools and communes, report periods: administrators. */
export const OUTREACH_ADMIN_ROLES: readonly Role[] = ['admin'];
