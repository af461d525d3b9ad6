import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communes, outreachFormMonthStats, outreachUnitYearStats, schools } from '../db/schema.ts';
import { computeProgress, type FormMonthStats, type Progress, type UnitYearStats } from './coverage.ts';
import { reportPeriodsFor } from './periods.ts';
import { vietnamDate, yearOf } from '../text/vietnam-time.ts';

/** Progress towards target III.2 in a year, from the summaries kept by summary.ts and the registry. */
export async function loadProgress(db: Db, year: number, now: Date = new Date()): Promise<Progress> {
  const today = vietnamDate(now);
  const [unitStats, formMonthStats, communeRows, schoolRows, periods, nextPeriods] = await Promise.all([
    db
      .select({ kind: outreachUnitYearStats.unitKind, code: outreachUnitYearStats.unitCode, sessions: outreachUnitYearStats.sessions, firstOn: outreachUnitYearStats.firstOn })
      .from(outreachUnitYearStats)
      .where(eq(outreachUnitYearStats.year, year)) as Promise<UnitYearStats[]>,
    db
      .select({ form: outreachFormMonthStats.form, month: outreachFormMonthStats.month, sessions: outreachFormMonthStats.sessions, audience: outreachFormMonthStats.audience })
      .from(outreachFormMonthStats)
      .where(eq(outreachFormMonthStats.year, year)) as Promise<FormMonthStats[]>,
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
