import { and, desc, eq, exists, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { type SESSION_STATUSES } from '#shared/outreach/enums.ts';
import { outreachEvidence, outreachSessions, outreachSessionUnits } from '../db/schema.ts';
import { assertMayRecordFor } from './access.ts';
import { refuse } from './errors.ts';
import { findSession } from './sessions.ts';

export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface SessionFilter {
  year?: number;
  status?: SessionStatus;
  /** Sessions that reached this commune or school code. */
  unitCode?: string;
}

export interface SessionListItem {
  id: string;
  heldOn: string;
  form: string;
  audience: number;
  status: SessionStatus;
  source: 'public' | 'staff';
  units: { kind: 'commune' | 'school'; code: string }[];
}

/** Who may see which sessions on the staff pages: reporters their own unit's only. */
function unitScope(actor: Actor, filter: SessionFilter): string | null {
  if (actor.role === 'reporter') {
    if (!actor.unitCode) throw refuse(403, null, 'Tài khoản báo cáo viên chưa được gán đơn vị. Liên hệ quản trị viên.');
    return actor.unitCode;
  }
  if (actor.role !== 'admin' && actor.role !== 'supervisor') throw refuse(403, null, 'Tài khoản này không có quyền xem buổi tuyên truyền.');
  return filter.unitCode?.trim() || null;
}

/** Sessions newest first, filtered and scoped by the caller; at most `limit` of them. */
export async function listSessions(db: Db, actor: Actor, filter: SessionFilter, limit = 200): Promise<SessionListItem[]> {
  const unitCode = unitScope(actor, filter);
  const conditions: SQL[] = [];
  if (filter.year) conditions.push(gte(outreachSessions.heldOn, `${filter.year}-01-01`), lt(outreachSessions.heldOn, `${filter.year + 1}-01-01`));
  if (filter.status) conditions.push(eq(outreachSessions.status, filter.status));
  if (unitCode) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(outreachSessionUnits)
          .where(and(eq(outreachSessionUnits.sessionId, outreachSessions.id), eq(outreachSessionUnits.unitCode, unitCode))),
      ),
    );
  }
  const rows = await db
    .select({
      id: outreachSessions.id,
      heldOn: outreachSessions.heldOn,
      form: outreachSessions.form,
      audience: outreachSessions.audience,
      status: outreachSessions.status,
      source: outreachSessions.source,
    })
    .from(outreachSessions)
    .where(and(...conditions))
    .orderBy(desc(outreachSessions.heldOn), desc(outreachSessions.createdAt))
    .limit(limit);
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
    ...row,
    units: units.filter((unit) => unit.sessionId === row.id).map((unit) => ({ kind: unit.unitKind, code: unit.unitCode })),
  }));
}

/** One session for its edit page, if the caller may change it (reporters: sessions of their own unit only). */
export async function findSessionFor(db: Db, actor: Actor, id: string) {
  const session = await findSession(db, id);
  if (!session) return null;
  assertMayRecordFor(
    actor,
    session.units.map((unit) => ({ kind: unit.kind, code: unit.unitCode })),
  );
  const evidence = await db
    .select({ id: outreachEvidence.id, kind: outreachEvidence.kind, mediaType: outreachEvidence.mediaType, byteSize: outreachEvidence.byteSize })
    .from(outreachEvidence)
    .where(eq(outreachEvidence.sessionId, id));
  return { ...session, evidence };
}

/** A session's evidence file for the staff who may open that session; null when either is not found. */
export async function evidenceFileFor(db: Db, actor: Actor, sessionId: string, evidenceId: string) {
  const session = await findSessionFor(db, actor, sessionId);
  if (!session?.evidence.some((file) => file.id === evidenceId)) return null;
  const [file] = await db
    .select({ kind: outreachEvidence.kind, mediaType: outreachEvidence.mediaType, bytes: outreachEvidence.bytes })
    .from(outreachEvidence)
    .where(eq(outreachEvidence.id, evidenceId));
  return file ?? null;
}
