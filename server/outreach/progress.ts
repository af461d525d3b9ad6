import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communes, outreachSessions, outreachSessionUnits, schools } from '../db/schema.ts';
import { computeProgress, type FormMonthStats, type Progress, type UnitYearStats } from './coverage.ts';
import { reportPeriodsFor } from './periods.ts';
import { vietnamDate, yearOf } from '../text/vietnam-time.ts';

/** Progress towards target III.2 in a year, read from the database (three aggregate queries and the registry). */
export async function loadProgress(db: Db, year: number, now: Date = new Date()): Promise<Progress> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const today = vietnamDate(now);
  const [unitStats, formMonthStats, communeRows, schoolRows, periods, nextPeriods] = await Promise.all([
    db
      .select({
        kind: outreachSessionUnits.unitKind,
        code: outreachSessionUnits.unitCode,
        sessions: sql<number>`count(*)::int`,
        firstOn: sql<string>`min(${outreachSessionUnits.heldOn})::text`,
      })
      .from(outreachSessionUnits)
      .where(and(eq(outreachSessionUnits.counted, true), gte(outreachSessionUnits.heldOn, from), lt(outreachSessionUnits.heldOn, to)))
      .groupBy(outreachSessionUnits.unitKind, outreachSessionUnits.unitCode) as Promise<UnitYearStats[]>,
    db
      .select({
        form: outreachSessions.form,
        month: sql<number>`extract(month from ${outreachSessions.heldOn})::int`,
        sessions: sql<number>`count(*)::int`,
        audience: sql<number>`coalesce(sum(${outreachSessions.audience}), 0)::int`,
      })
      .from(outreachSessions)
      .where(and(eq(outreachSessions.status, 'approved'), gte(outreachSessions.heldOn, from), lt(outreachSessions.heldOn, to)))
      .groupBy(outreachSessions.form, sql`2`) as Promise<FormMonthStats[]>,
    db
      .select({ code: communes.code, name: communes.name, kind: communes.kind, isBorder: communes.isBorder, isCoastal: communes.isCoastal, active: communes.active, deactivatedOn: communes.deactivatedOn })
      .from(communes),
    db
      .select({ code: schools.code, name: schools.name, level: schools.level, communeCode: schools.communeCode, active: schools.active, deactivatedOn: schools.deactivatedOn })
      .from(schools),
    reportPeriodsFor(db, year),
    reportPeriodsFor(db, yearOf(today) + 1),
  ]);
  // The countdown is always about the next report from today, whichever year is displayed.
  const deadlinePeriods = year === yearOf(today) ? [...periods, ...nextPeriods] : [...(await reportPeriodsFor(db, yearOf(today))), ...nextPeriods];
  return computeProgress({ year, today, communes: communeRows, schools: schoolRows, unitStats, formMonthStats, periods: deadlinePeriods });
}

const TTL_MS = 60_000;
interface CacheEntry {
  at: number;
  value: Promise<Progress>;
}
const caches = new WeakMap<Db, Map<number, CacheEntry>>();

/**
 * The public figures, kept in memory for at most a minute per database and year: the public page and the
 * JSON answer from it, so a crowd of visitors costs one computation a minute.
 */
export function cachedProgress(db: Db, year: number, now: () => number = Date.now): Promise<Progress> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const entry = cache.get(year);
  if (entry && now() - entry.at < TTL_MS) return entry.value;
  const value = loadProgress(db, year);
  cache.set(year, { at: now(), value });
  // A failed computation is not kept: the next visitor tries again.
  value.catch(() => cache.delete(year));
  return value;
}
