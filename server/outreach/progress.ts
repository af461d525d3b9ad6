import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communes, outreachFormMonthStats, outreachUnitYearStats, schools } from '../db/schema.ts';
import { computeProgress, type CommuneRecord, type FormMonthStats, type Progress, type SchoolRecord, type UnitYearStats } from './coverage.ts';
import { reportPeriodsFor } from './periods.ts';
import { vietnamDate, yearOf } from '#shared/time/vietnam-time.ts';

/**
 * The rows of one query as a single JSON value: PGlite pays dearly per row returned (2,000 schools took
 * 75 ms as rows, 16 ms as one JSON array, on the loaded test machine), and PostgreSQL's driver gains too.
 */
async function jsonRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: { json_agg: Row[] | null }[] };
  return result.rows[0]?.json_agg ?? [];
}

/** Progress towards target III.2 in a year, from the summaries kept by summary.ts and the registry. */
export async function loadProgress(db: Db, year: number, now: Date = new Date()): Promise<Progress> {
  const today = vietnamDate(now);
  const [unitStats, formMonthStats, communeRows, schoolRows, periods, nextPeriods] = await Promise.all([
    jsonRows<[UnitYearStats['kind'], string, number, string]>(
      db,
      sql`select json_agg(json_build_array(${outreachUnitYearStats.unitKind}, ${outreachUnitYearStats.unitCode}, ${outreachUnitYearStats.sessions}, ${outreachUnitYearStats.firstOn})) from ${outreachUnitYearStats} where ${outreachUnitYearStats.year} = ${year}`,
    ).then((rows) => rows.map(([kind, code, sessions, firstOn]): UnitYearStats => ({ kind, code, sessions, firstOn }))),
    db
      .select({
        form: outreachFormMonthStats.form,
        month: outreachFormMonthStats.month,
        sessions: outreachFormMonthStats.sessions,
        audience: outreachFormMonthStats.audience,
      })
      .from(outreachFormMonthStats)
      .where(eq(outreachFormMonthStats.year, year)) as Promise<FormMonthStats[]>,
    jsonRows<[string, string, CommuneRecord['kind'], boolean, boolean, boolean, string | null]>(
      db,
      sql`select json_agg(json_build_array(${communes.code}, ${communes.name}, ${communes.kind}, ${communes.isBorder}, ${communes.isCoastal}, ${communes.active}, ${communes.deactivatedOn})) from ${communes}`,
    ).then((rows) =>
      rows.map(([code, name, kind, isBorder, isCoastal, active, deactivatedOn]): CommuneRecord => ({
        code,
        name,
        kind,
        isBorder,
        isCoastal,
        active,
        deactivatedOn,
      })),
    ),
    jsonRows<[string, string, string, string, boolean, string | null]>(
      db,
      sql`select json_agg(json_build_array(${schools.code}, ${schools.name}, ${schools.level}, ${schools.communeCode}, ${schools.active}, ${schools.deactivatedOn})) from ${schools}`,
    ).then((rows) =>
      rows.map(([code, name, level, communeCode, active, deactivatedOn]): SchoolRecord => ({ code, name, level, communeCode, active, deactivatedOn })),
    ),
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
