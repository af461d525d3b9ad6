import { asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { outreachSessions, outreachSessionUnits } from '../db/schema.ts';
import { assertMayReview } from './access.ts';
import { recordOutreachAudit } from './audit-port.ts';
import { refuse } from './errors.ts';
import { assertUnlockedOrAdministrator, findSession } from './sessions.ts';
import { refreshOutreachSummary } from './summary.ts';

type Decision = 'approved' | 'rejected';

async function decide(db: Db, actor: Actor, id: string, decision: Decision, note: string, now: Date): Promise<void> {
  assertMayReview(actor);
  await db.transaction(async (tx) => {
    const session = await findSession(tx, id);
    if (!session) throw refuse(404, null, 'Không tìm thấy buổi tuyên truyền này.');
    if (session.status === decision) {
      throw refuse(409, null, decision === 'approved' ? 'Buổi tuyên truyền này đã được duyệt.' : 'Buổi tuyên truyền này đã bị từ chối.');
    }
    if (decision === 'approved' && session.status === 'rejected') {
      throw refuse(409, null, 'Buổi tuyên truyền đã bị từ chối; hãy ghi nhận lại nếu thông tin đã được bổ sung.');
    }
    const lockedPeriod = await assertUnlockedOrAdministrator(tx, actor, session.heldOn);
    await tx
      .update(outreachSessions)
      .set({ status: decision, reviewedBy: actor.userId, reviewedAt: now, reviewNote: note, updatedAt: now })
      .where(eq(outreachSessions.id, id));
    await tx
      .update(outreachSessionUnits)
      .set({ counted: decision === 'approved' })
      .where(eq(outreachSessionUnits.sessionId, id));
    await refreshOutreachSummary(tx, [session]);
    await recordOutreachAudit(tx, {
      actor,
      action: decision === 'approved' ? 'outreach.session.approve' : 'outreach.session.reject',
      subjectType: 'outreach-session',
      subjectId: id,
      details: { from: session.status, note, lockedPeriod },
    });
  });
}

/** A supervisor or administrator approves a pending session: from now on it counts towards the target. */
export async function approveSession(db: Db, actor: Actor, id: string, now: Date = new Date()): Promise<void> {
  return decide(db, actor, id, 'approved', '', now);
}

/** A supervisor or administrator rejects a session (pending, or approved by mistake), saying why. */
export async function rejectSession(db: Db, actor: Actor, id: string, reason: string, now: Date = new Date()): Promise<void> {
  const note = reason.trim().normalize('NFC');
  if (!note) throw refuse(422, 'reason', 'Nhập lý do từ chối để người báo cáo biết cần bổ sung gì.');
  if (note.length > 1000) throw refuse(422, 'reason', 'Lý do từ chối tối đa 1.000 ký tự.');
  return decide(db, actor, id, 'rejected', note, now);
}

export interface PendingSession {
  id: string;
  heldOn: string;
  form: string;
  audience: number;
  reporterName: string;
  reporterContact: string;
  units: { kind: 'commune' | 'school'; code: string }[];
}

/** Sessions waiting for review, oldest first: the queue of the approval page (after the auth merge). */
export async function listPendingSessions(db: Db, actor: Actor, limit = 200): Promise<PendingSession[]> {
  assertMayReview(actor);
  const rows = await db.select().from(outreachSessions).where(eq(outreachSessions.status, 'pending')).orderBy(asc(outreachSessions.createdAt)).limit(limit);
  if (!rows.length) return [];
  const units = await db
    .select()
    .from(outreachSessionUnits)
    .where(
      inArray(
        outreachSessionUnits.sessionId,
        rows.map((row) => row.id),
      ),
    );
  return rows.map((row) => ({
    id: row.id,
    heldOn: row.heldOn,
    form: row.form,
    audience: row.audience,
    reporterName: row.reporterName,
    reporterContact: row.reporterContact,
    units: units.filter((unit) => unit.sessionId === row.id).map((unit) => ({ kind: unit.unitKind, code: unit.unitCode })),
  }));
}
