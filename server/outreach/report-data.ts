import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communes, outreachSessions, outreachSessionUnits, schools } from '../db/schema.ts';
import { byVietnameseName, countsInYear, share, type OutreachForm, type Share } from './coverage.ts';
import { reportPeriodsFor, type ReportKind, type ReportPeriod } from './periods.ts';

/** One row of the outreach report: a unit, whether it was reached in the period, and how. */
export interface ReportUnitRow {
  kind: 'commune' | 'school';
  code: string;
  name: string;
  /** 'xa' | 'phuong' for communes, the school level for schools. */
  category: string;
  /** The commune a school belongs to (its own name for a commune). */
  communeName: string;
  reached: boolean;
  sessions: number;
  /** Attendance of the sessions that reached the unit (a session reaching several units counts for each). */
  audience: number;
  forms: OutreachForm[];
  firstOn: string | null;
  lastOn: string | null;
}

export interface OutreachReport {
  period: ReportPeriod;
  generatedAt: Date;
  communes: Share;
  schools: Share;
  sessions: number;
  audience: number;
  byForm: { form: OutreachForm; sessions: number; audience: number }[];
  units: ReportUnitRow[];
}

/**
 * The figures of a 6-month or annual report: approved sessions dated within the period's covered dates,
 * every unit of the year's target with its status, and the summary for target III.2.
 */
export async function buildOutreachReport(db: Db, year: number, kind: ReportKind, now: Date = new Date()): Promise<OutreachReport> {
  const period = (await reportPeriodsFor(db, year)).find((candidate) => candidate.kind === kind)!;
  const inPeriod = and(gte(outreachSessions.heldOn, period.coversFrom), lte(outreachSessions.heldOn, period.coversTo), eq(outreachSessions.status, 'approved'));
  const [unitRows, formRows, communeRows, schoolRows] = await Promise.all([
    db
      .select({
        kind: outreachSessionUnits.unitKind,
        code: outreachSessionUnits.unitCode,
        sessions: sql<number>`count(*)::int`,
        audience: sql<number>`sum(${outreachSessions.audience})::int`,
        forms: sql<string>`string_agg(distinct ${outreachSessions.form}, ',')`,
        firstOn: sql<string>`min(${outreachSessions.heldOn})::text`,
        lastOn: sql<string>`max(${outreachSessions.heldOn})::text`,
      })
      .from(outreachSessionUnits)
      .innerJoin(outreachSessions, eq(outreachSessions.id, outreachSessionUnits.sessionId))
      .where(inPeriod)
      .groupBy(outreachSessionUnits.unitKind, outreachSessionUnits.unitCode),
    db
      .select({ form: outreachSessions.form, sessions: sql<number>`count(*)::int`, audience: sql<number>`coalesce(sum(${outreachSessions.audience}), 0)::int` })
      .from(outreachSessions)
      .where(inPeriod)
      .groupBy(outreachSessions.form),
    db.select().from(communes),
    db.select().from(schools),
  ]);
  const stats = new Map(unitRows.map((row) => [`${row.kind}:${row.code}`, row]));
  const communeName = new Map(communeRows.map((row) => [row.code, row.name]));
  const toRow = (kind: 'commune' | 'school', unit: { code: string; name: string }, category: string, commune: string): ReportUnitRow => {
    const stat = stats.get(`${kind}:${unit.code}`);
    return {
      kind,
      code: unit.code,
      name: unit.name,
      category,
      communeName: commune,
      reached: Boolean(stat),
      sessions: stat?.sessions ?? 0,
      audience: stat?.audience ?? 0,
      forms: (stat?.forms.split(',') ?? []) as OutreachForm[],
      firstOn: stat?.firstOn ?? null,
      lastOn: stat?.lastOn ?? null,
    };
  };
  const communeUnits = communeRows
    .filter((row) => countsInYear(row, year, stats.has(`commune:${row.code}`)))
    .map((row) => toRow('commune', row, row.kind, row.name))
    .sort(byVietnameseName);
  const schoolUnits = schoolRows
    .filter((row) => countsInYear(row, year, stats.has(`school:${row.code}`)))
    .map((row) => toRow('school', row, row.level, communeName.get(row.communeCode) ?? row.communeCode))
    .sort((a, b) => byVietnameseName({ name: a.communeName }, { name: b.communeName }) || byVietnameseName(a, b));
  const byForm = formRows.map((row) => ({ form: row.form, sessions: row.sessions, audience: row.audience }));
  return {
    period,
    generatedAt: now,
    communes: share(communeUnits.filter((row) => row.reached).length, communeUnits.length),
    schools: share(schoolUnits.filter((row) => row.reached).length, schoolUnits.length),
    sessions: byForm.reduce((total, row) => total + row.sessions, 0),
    audience: byForm.reduce((total, row) => total + row.audience, 0),
    byForm,
    units: [...communeUnits, ...schoolUnits],
  };
}
