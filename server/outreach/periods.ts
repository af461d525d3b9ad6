import { and, eq, gte, isNotNull, lte } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { reportPeriods } from '../db/schema.ts';
import { assertAdministrator } from './access.ts';
import { recordOutreachAudit } from './audit-port.ts';
import { OutreachRefusal, refuse } from './errors.ts';
import { daysBetween, isCalendarDate, vietnamDate } from '#shared/time/vietnam-time.ts';

export type ReportKind = 'six-month' | 'annual';
export const REPORT_KINDS: readonly ReportKind[] = ['six-month', 'annual'];

export interface ReportPeriod {
  year: number;
  kind: ReportKind;
  coversFrom: string;
  coversTo: string;
  /** The report must be sent before this date. */
  dueBefore: string;
  sentAt: Date | null;
}

/**
 * Plan V: the 6-month report is sent before 16/06 and the annual report before 16/12. The plan names no
 * covered dates, so by default each report covers 1 January up to the day before it is due; an
 * administrator can change all three dates for a year.
 */
export function defaultReportPeriod(year: number, kind: ReportKind): ReportPeriod {
  const month = kind === 'six-month' ? '06' : '12';
  return { year, kind, coversFrom: `${year}-01-01`, coversTo: `${year}-${month}-15`, dueBefore: `${year}-${month}-16`, sentAt: null };
}

/** A year's two periods: the stored ones where an administrator set them, the plan's defaults otherwise. */
export async function reportPeriodsFor(db: Db, year: number): Promise<ReportPeriod[]> {
  const rows = await db.select().from(reportPeriods).where(eq(reportPeriods.year, year));
  return REPORT_KINDS.map((kind) => {
    const row = rows.find((candidate) => candidate.kind === kind);
    return row
      ? { year, kind, coversFrom: row.coversFrom, coversTo: row.coversTo, dueBefore: row.dueBefore, sentAt: row.sentAt }
      : defaultReportPeriod(year, kind);
  });
}

export interface Deadline {
  period: ReportPeriod;
  /** Days from today (Vietnam) until the due date; 1 on the last day it may still be sent. */
  daysLeft: number;
}

/** The first report not yet sent whose due date has not passed. */
export function nextDeadline(periods: readonly ReportPeriod[], today: string): Deadline | null {
  const upcoming = periods.filter((period) => !period.sentAt && period.dueBefore > today).sort((a, b) => a.dueBefore.localeCompare(b.dueBefore))[0];
  return upcoming ? { period: upcoming, daysLeft: daysBetween(today, upcoming.dueBefore) } : null;
}

/** The sent report whose period covers a date, if any: changes to sessions on that date need an administrator. */
export async function lockingPeriod(db: Db, heldOn: string): Promise<ReportPeriod | null> {
  const [row] = await db
    .select()
    .from(reportPeriods)
    .where(and(isNotNull(reportPeriods.sentAt), lte(reportPeriods.coversFrom, heldOn), gte(reportPeriods.coversTo, heldOn)))
    .limit(1);
  return row ? { year: row.year, kind: row.kind, coversFrom: row.coversFrom, coversTo: row.coversTo, dueBefore: row.dueBefore, sentAt: row.sentAt } : null;
}

export interface PeriodDates {
  coversFrom: string;
  coversTo: string;
  dueBefore: string;
}

/** An administrator changes a year's period dates (before its report is sent). */
export async function updateReportPeriod(db: Db, actor: Actor, year: number, kind: ReportKind, dates: PeriodDates): Promise<ReportPeriod> {
  assertAdministrator(actor, 'đổi kỳ báo cáo');
  const badDates = Object.entries(dates)
    .filter(([, value]) => !isCalendarDate(value))
    .map(([field]) => ({ field, message: 'Nhập ngày đúng dạng ngày/tháng/năm, ví dụ 15/06/2026.' }));
  if (badDates.length) throw new OutreachRefusal(422, badDates);
  if (dates.coversFrom > dates.coversTo) throw refuse(422, 'coversTo', 'Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu.');
  return db.transaction(async (tx) => {
    const [current] = await reportPeriodsFor(tx, year).then((periods) => periods.filter((period) => period.kind === kind));
    if (current!.sentAt) throw refuse(409, null, 'Báo cáo của kỳ này đã gửi; không đổi được ngày của kỳ.');
    await tx
      .insert(reportPeriods)
      .values({ year, kind, ...dates })
      .onConflictDoUpdate({ target: [reportPeriods.year, reportPeriods.kind], set: dates });
    await recordOutreachAudit(tx, {
      actor,
      action: 'outreach.period.update',
      subjectType: 'report-period',
      subjectId: `${year}/${kind}`,
      details: { ...dates },
    });
    return { ...current!, ...dates };
  });
}

/** An administrator marks a report sent: from then on its period is locked. */
export async function markReportSent(db: Db, actor: Actor, year: number, kind: ReportKind, now: Date = new Date()): Promise<ReportPeriod> {
  assertAdministrator(actor, 'đánh dấu đã gửi báo cáo');
  return db.transaction(async (tx) => {
    const [current] = (await reportPeriodsFor(tx, year)).filter((period) => period.kind === kind);
    if (current!.sentAt) throw refuse(409, null, `Báo cáo này đã được đánh dấu gửi ngày ${vietnamDate(current!.sentAt)}.`);
    const values = { coversFrom: current!.coversFrom, coversTo: current!.coversTo, dueBefore: current!.dueBefore, sentAt: now, sentBy: actor.userId };
    await tx
      .insert(reportPeriods)
      .values({ year, kind, ...values })
      .onConflictDoUpdate({ target: [reportPeriods.year, reportPeriods.kind], set: values });
    await recordOutreachAudit(tx, { actor, action: 'outreach.period.sent', subjectType: 'report-period', subjectId: `${year}/${kind}` });
    return { ...current!, sentAt: now };
  });
}

/**
 * An administrator reopens a sent report's period (a correction is needed), saying why: the audit log keeps
 * the reason, and the report must be marked sent again afterwards.
 */
export async function unlockReportPeriod(db: Db, actor: Actor, year: number, kind: ReportKind, reason: string): Promise<ReportPeriod> {
  assertAdministrator(actor, 'mở khóa kỳ báo cáo');
  const note = reason.trim().normalize('NFC');
  if (!note) throw refuse(422, 'reason', 'Nhập lý do mở khóa kỳ báo cáo.');
  if (note.length > 1000) throw refuse(422, 'reason', 'Lý do mở khóa tối đa 1.000 ký tự.');
  return db.transaction(async (tx) => {
    const [current] = (await reportPeriodsFor(tx, year)).filter((period) => period.kind === kind);
    if (!current!.sentAt) throw refuse(409, null, 'Kỳ báo cáo này chưa được đánh dấu đã gửi nên không cần mở khóa.');
    await tx
      .update(reportPeriods)
      .set({ sentAt: null, sentBy: null })
      .where(and(eq(reportPeriods.year, year), eq(reportPeriods.kind, kind)));
    await recordOutreachAudit(tx, {
      actor,
      action: 'outreach.period.unlock',
      subjectType: 'report-period',
      subjectId: `${year}/${kind}`,
      details: { reason: note, sentAt: current!.sentAt.toISOString() },
    });
    return { ...current!, sentAt: null };
  });
}
