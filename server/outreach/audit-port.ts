import { and, asc, eq, like } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../auth/audit.ts';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';

/**
 * Outreach's entries in the one audit log (server/auth/audit.ts), in outreach's own words: a subject
 * instead of a target, and null for the public form or the server's own CLI. Callers pass the transaction
 * handle, so an audited change and its entry are written together or not at all.
 */
export interface OutreachAuditEntry {
  /** The signed-in staff member, or null for the public form and the server's own CLI. */
  actor: Actor | null;
  /** e.g. 'outreach.session.create', 'outreach.session.approve', 'outreach.schools.import'. */
  action: string;
  subjectType: 'outreach-session' | 'school' | 'commune' | 'report-period';
  subjectId: string;
  /** What changed; never a client address or user agent. */
  details?: Record<string, unknown>;
}

export async function recordOutreachAudit(db: Db, entry: OutreachAuditEntry): Promise<void> {
  await recordAudit(db, {
    actor: entry.actor ? { userId: entry.actor.userId, username: entry.actor.username } : 'system',
    action: entry.action,
    targetType: entry.subjectType,
    targetId: entry.subjectId,
    detail: { ...(entry.details ?? {}), ...(entry.actor ? { role: entry.actor.role } : {}) },
  });
}

export interface StoredAuditEntry {
  actorUserId: string | null;
  action: string;
  subjectId: string;
  details: Record<string, unknown>;
}

/** The outreach audit trail of one subject, oldest first. */
export async function readOutreachAudit(db: Db, subjectId: string): Promise<StoredAuditEntry[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, subjectId), like(auditLog.action, 'outreach.%')))
    .orderBy(asc(auditLog.id));
  return rows.map((row) => ({
    actorUserId: row.actorId === 'system' || row.actorId === 'cli' ? null : row.actorId,
    action: row.action,
    subjectId: row.targetId ?? '',
    details: row.detail,
  }));
}
