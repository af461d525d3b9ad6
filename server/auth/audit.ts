import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import type { Actor } from './actor.ts';

/**
 * The audit log: who did what to which object, when. Append-only (the database refuses UPDATE and DELETE);
 * it never holds a client address, user agent, password or tip content — only identifiers and small facts.
 */

/** A signed-in staff member, or the portal itself ('system': e.g. a failed sign-in), or the shell ('cli'). */
export type AuditActor = Pick<Actor, 'userId' | 'username'> | 'system' | 'cli';

export interface AuditEntry {
  actor: AuditActor;
  /** Dotted, past tense: 'auth.login.succeeded', 'user.created', 'tip.viewed'. */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  /** Small facts about the action (changed fields, a reason). Kept under 2 KB. */
  detail?: Record<string, unknown>;
}

/** The actions this part writes; other modules add their own ('tip.viewed', 'tip.exported', ...). */
export const AUTH_ACTIONS = [
  'auth.login.succeeded',
  'auth.login.failed',
  'auth.logout',
  'auth.logout.everywhere',
  'auth.totp.enrolled',
  'auth.password.changed',
  'user.created',
  'user.updated',
  'user.password.reset',
  'user.totp.reset',
  'user.deactivated',
  'user.reactivated',
] as const;

const MAX_DETAIL_BYTES = 2048;

/** The row an entry becomes, checked; for a statement that writes the entry together with its change (server/tips/store-tip.ts). */
export function auditRow(entry: AuditEntry, at: Date = new Date()): typeof auditLog.$inferInsert & { detail: Record<string, unknown> } {
  const detail = entry.detail ?? {};
  if (Buffer.byteLength(JSON.stringify(detail)) > MAX_DETAIL_BYTES) {
    throw new Error(`audit detail for ${entry.action} is larger than ${MAX_DETAIL_BYTES} bytes`);
  }
  const actor = entry.actor;
  return {
    at,
    actorId: typeof actor === 'string' ? actor : actor.userId,
    actorName: typeof actor === 'string' ? actor : actor.username,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    detail,
  };
}

/** Writes one entry. `db` may be a transaction, so the entry commits or rolls back with the change it records. */
export async function recordAudit(db: Db, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  await db.insert(auditLog).values(auditRow(entry, at));
}

export interface AuditFilter {
  /** A user id, 'system' or 'cli'. */
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  /** Inclusive start. */
  from?: Date;
  /** Exclusive end. */
  until?: Date;
}

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = typeof auditLog.$inferSelect;

/** One page of entries matching the filter, newest first, and how many match in all. */
export async function queryAudit(db: Db, filter: AuditFilter, page = 1): Promise<{ rows: AuditRow[]; total: number; pages: number }> {
  const conditions: SQL[] = [];
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.targetType) conditions.push(eq(auditLog.targetType, filter.targetType));
  if (filter.targetId) conditions.push(eq(auditLog.targetId, filter.targetId));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.until) conditions.push(lt(auditLog.at, filter.until));
  const where = conditions.length ? and(...conditions) : undefined;
  const [{ total }] = (await db.select({ total: count() }).from(auditLog).where(where)) as [{ total: number }];
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((current - 1) * AUDIT_PAGE_SIZE);
  return { rows, total, pages };
}

/** The distinct actions in the log, for the filter's list. */
export async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return [...new Set([...AUTH_ACTIONS, ...rows.map((row) => row.action)])].sort();
}
