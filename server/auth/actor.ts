/**
 * Who is acting, as every domain module that enforces access sees it. Set from the session by the auth
 * middleware; domain modules take it as an argument and scope every query by it (GlobaLeaks style).
 */
export const ROLES = ['officer', 'supervisor', 'admin', 'reporter'] as const;
export type Role = (typeof ROLES)[number];
/** Queues belong to officers and supervisors; a reporter records outreach for one unit. */
export const ROLES_WITH_QUEUES: readonly Role[] = ['officer', 'supervisor'];

export interface Actor {
  userId: string;
  username: string;
  role: Role;
  /** Queues an officer or supervisor works; empty for administrators (who see all) and reporters. */
  queueCodes: string[];
  /** For reporters: the commune (5-digit code) or school code whose outreach they record; null otherwise. */
  unitCode: string | null;
}
