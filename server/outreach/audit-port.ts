import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { outreachAuditEntries } from '../db/schema.ts';

/**
 * The one door through which outreach writes its audit trail. MERGE NOTE: when server/auth/audit.ts
 * (recordAudit) lands, make `recordOutreachAudit` call it and `readOutreachAudit` read it, then drop the
 * temporary outreach_audit_entries table. Callers pass the transaction handle, so an audited change and its
 * audit entry are written together or not at all.
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
  await db.insert(outreachAuditEntries).values({
    actorUserId: entry.actor?.userId ?? null,
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    details: entry.details ?? {},
  });
}

export interface StoredAuditEntry {
  actorUserId: string | null;
  action: string;
  subjectId: string;
  details: Record<string, unknown>;
}

/** The audit trail of one subject, oldest first (for tests and, later, the admin pages). */
export async function readOutreachAudit(db: Db, subjectId: string): Promise<StoredAuditEntry[]> {
  const rows = await db
    .select()
    .from(outreachAuditEntries)
    .where(eq(outreachAuditEntries.subjectId, subjectId))
    .orderBy(asc(outreachAuditEntries.id));
  return rows.map((row) => ({
    actorUserId: row.actorUserId,
    action: row.action,
    subjectId: row.subjectId,
    details: row.details as Record<string, unknown>,
  }));
}
