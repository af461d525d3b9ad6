import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { outreachAgencies, outreachEvidence, outreachSessions, outreachSessionUnits } from '../db/schema.ts';
import { assertMayRecordFor } from './access.ts';
import { recordOutreachAudit } from './audit-port.ts';
import type { CleanEvidence } from './evidence.ts';
import { refuse } from './errors.ts';
import { lockingPeriod } from './periods.ts';
import { parseSessionDetails, type SessionDetails } from './session-details.ts';
import { refreshOutreachSummary } from './summary.ts';
import { resolveUnits, type ResolvedUnit } from './units.ts';
import { formatVietnameseDate } from '#shared/time/vietnam-time.ts';

type SessionRow = typeof outreachSessions.$inferSelect;

/**
 * A sent report locks the sessions it covers: only an administrator may change them, and the audit entry
 * says so. Returns whether the date was locked.
 */
export async function assertUnlockedOrAdministrator(db: Db, actor: Actor, heldOn: string): Promise<boolean> {
  const locked = await lockingPeriod(db, heldOn);
  if (!locked) return false;
  if (actor.role !== 'admin') {
    const which = locked.kind === 'annual' ? 'báo cáo năm' : 'báo cáo 6 tháng';
    throw refuse(409, 'heldOn', `Ngày ${formatVietnameseDate(heldOn)} thuộc kỳ ${which} ${locked.year} đã gửi; chỉ quản trị viên được thay đổi.`);
  }
  return true;
}

async function assertAgency(db: Db, code: string): Promise<void> {
  const [agency] = await db
    .select()
    .from(outreachAgencies)
    .where(and(eq(outreachAgencies.code, code), eq(outreachAgencies.active, true)));
  if (!agency) throw refuse(422, 'agencyCode', 'Chọn cơ quan, đơn vị tổ chức trong danh sách.');
}

async function writeUnits(db: Db, sessionId: string, units: ResolvedUnit[], heldOn: string, counted: boolean): Promise<void> {
  await db.delete(outreachSessionUnits).where(eq(outreachSessionUnits.sessionId, sessionId));
  await db
    .insert(outreachSessionUnits)
    .values(units.map((unit) => ({ sessionId, unitKind: unit.kind, unitCode: unit.unitCode, recordedCode: unit.recordedCode, heldOn, counted })));
}

/** What staff may edit of a session. Who reported it (a teacher's name and contact) is kept as submitted. */
function editableValues(details: SessionDetails) {
  return {
    heldOn: details.heldOn,
    form: details.form,
    agencyCode: details.agencyCode,
    audience: details.audience,
    kitSlug: details.kitSlug,
    notes: details.notes,
  };
}

function sessionValues(details: SessionDetails) {
  return { ...editableValues(details), reporterName: details.reporterName, reporterContact: details.reporterContact };
}

export async function insertSession(
  db: Db,
  details: SessionDetails,
  options: {
    actor: Actor | null;
    status: 'pending' | 'approved';
    evidence: readonly CleanEvidence[];
    now: Date;
    assertUnlocked?: (tx: Db) => Promise<boolean>;
  },
): Promise<string> {
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const units = await resolveUnits(tx, details.units, details.heldOn);
    await assertAgency(tx, details.agencyCode);
    const lockedPeriod = (await options.assertUnlocked?.(tx)) ?? false;
    await tx.insert(outreachSessions).values({
      id,
      ...sessionValues(details),
      status: options.status,
      source: options.actor ? 'staff' : 'public',
      createdBy: options.actor?.userId ?? null,
      createdAt: options.now,
      updatedAt: options.now,
    });
    await writeUnits(tx, id, units, details.heldOn, options.status === 'approved');
    if (options.status === 'approved') await refreshOutreachSummary(tx, [{ heldOn: details.heldOn, units }]);
    if (options.evidence.length) {
      await tx.insert(outreachEvidence).values(
        options.evidence.map((file) => ({
          id: file.id,
          sessionId: id,
          kind: file.kind,
          mediaType: file.mediaType,
          byteSize: file.bytes.length,
          bytes: file.bytes,
        })),
      );
    }
    await recordOutreachAudit(tx, {
      actor: options.actor,
      action: options.actor ? 'outreach.session.create' : 'outreach.session.submit',
      subjectType: 'outreach-session',
      subjectId: id,
      details: {
        heldOn: details.heldOn,
        units: units.map((unit) => `${unit.kind}:${unit.unitCode}`),
        form: details.form,
        status: options.status,
        evidence: options.evidence.length,
        lockedPeriod,
      },
    });
    return id;
  });
}

/**
 * Staff record a session: reporters for their own unit, supervisors and administrators for any. Signed-in
 * staff are accountable, so their sessions count at once.
 */
export async function recordSession(db: Db, actor: Actor, input: unknown, options: { evidence?: readonly CleanEvidence[]; now?: Date } = {}): Promise<string> {
  const now = options.now ?? new Date();
  const details = parseSessionDetails(input, now);
  assertMayRecordFor(actor, details.units);
  return insertSession(db, details, {
    actor,
    status: 'approved',
    evidence: options.evidence ?? [],
    now,
    assertUnlocked: (tx) => assertUnlockedOrAdministrator(tx, actor, details.heldOn),
  });
}

export async function findSession(db: Db, id: string): Promise<(SessionRow & { units: ResolvedUnit[] }) | null> {
  const [row] = await db.select().from(outreachSessions).where(eq(outreachSessions.id, id));
  if (!row) return null;
  const units = await db.select().from(outreachSessionUnits).where(eq(outreachSessionUnits.sessionId, id));
  return { ...row, units: units.map((unit) => ({ kind: unit.unitKind, unitCode: unit.unitCode, recordedCode: unit.recordedCode })) };
}

/**
 * Edits a session's details; the rules of recording apply to both the old and the new units and dates. An
 * administrator changing a session inside a sent report's period must say why; the audit entry keeps it.
 */
export async function updateSession(
  db: Db,
  actor: Actor,
  id: string,
  input: unknown,
  now: Date = new Date(),
  options: { reason?: string } = {},
): Promise<void> {
  const details = parseSessionDetails(input, now);
  assertMayRecordFor(actor, details.units);
  await db.transaction(async (tx) => {
    const before = await findSession(tx, id);
    if (!before) throw refuse(404, null, 'Không tìm thấy buổi tuyên truyền này.');
    assertMayRecordFor(
      actor,
      before.units.map((unit) => ({ kind: unit.kind, code: unit.unitCode })),
    );
    const lockedBefore = await assertUnlockedOrAdministrator(tx, actor, before.heldOn);
    const lockedAfter = await assertUnlockedOrAdministrator(tx, actor, details.heldOn);
    const reason = (options.reason ?? '').trim().normalize('NFC');
    if ((lockedBefore || lockedAfter) && !reason) throw refuse(422, 'reason', 'Buổi này thuộc kỳ báo cáo đã gửi: nhập lý do sửa để ghi vào nhật ký.');
    if (reason.length > 1000) throw refuse(422, 'reason', 'Lý do sửa tối đa 1.000 ký tự.');
    const units = await resolveUnits(tx, details.units, details.heldOn);
    await assertAgency(tx, details.agencyCode);
    await tx
      .update(outreachSessions)
      .set({ ...editableValues(details), updatedAt: now })
      .where(eq(outreachSessions.id, id));
    await writeUnits(tx, id, units, details.heldOn, before.status === 'approved');
    if (before.status === 'approved') await refreshOutreachSummary(tx, [before, { heldOn: details.heldOn, units }]);
    const changed = Object.fromEntries(
      Object.entries(editableValues(details))
        .filter(([key, value]) => before[key as keyof SessionRow] !== value)
        .map(([key, value]) => [key, { from: before[key as keyof SessionRow], to: value }]),
    );
    await recordOutreachAudit(tx, {
      actor,
      action: 'outreach.session.update',
      subjectType: 'outreach-session',
      subjectId: id,
      details: {
        changed,
        units: units.map((unit) => `${unit.kind}:${unit.unitCode}`),
        lockedPeriod: lockedBefore || lockedAfter,
        ...(reason ? { reason } : {}),
      },
    });
  });
}
