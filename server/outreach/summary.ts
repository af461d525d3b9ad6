import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { outreachFormMonthStats, outreachUnitYearStats } from '../db/schema.ts';
import type { UnitKind } from './units.ts';
import { monthOf, yearOf } from '#shared/time/vietnam-time.ts';

/**
 * The per-unit-per-year and per-month-per-form summaries the progress figures read (tables
 * outreach_unit_year_stats and outreach_form_month_stats). They are never edited by hand: every change to
 * an approved session recomputes, in its own transaction, the summary rows it may have touched from the
 * sessions themselves, so the sessions stay the single source of truth.
 */
export interface TouchedSessions {
  /** The session's date (before or after the change). */
  heldOn: string;
  /** The units the session counts for on that date. */
  units: readonly { kind: UnitKind; unitCode: string }[];
}

/** Any fixed number: the transaction-scoped advisory lock that makes summary writers take turns. */
const SUMMARY_LOCK = 60_032;

const yearRange = (year: number) => [`${year}-01-01`, `${year + 1}-01-01`] as const;
const monthRange = (year: number, month: number) =>
  [`${year}-${String(month).padStart(2, '0')}-01`, month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`] as const;

/**
 * Recomputes the summary rows of these sessions' units, years and months. Call it inside the transaction
 * that changed the sessions, after the change. Writers take turns (advisory lock until commit), so under
 * READ COMMITTED each recomputation sees every session committed before it: two approvals for the same
 * school at once cannot leave a count that misses one of them.
 */
export async function refreshOutreachSummary(tx: Db, touched: readonly TouchedSessions[]): Promise<void> {
  if (!touched.length) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${SUMMARY_LOCK})`);
  const unitYears = new Map<string, { year: number; kind: UnitKind; code: string }>();
  const months = new Map<string, { year: number; month: number }>();
  for (const { heldOn, units } of touched) {
    const year = yearOf(heldOn);
    const month = monthOf(heldOn);
    months.set(`${year}-${month}`, { year, month });
    for (const unit of units) unitYears.set(`${year}:${unit.kind}:${unit.unitCode}`, { year, kind: unit.kind, code: unit.unitCode });
  }
  for (const { year, kind, code } of unitYears.values()) {
    const [from, to] = yearRange(year);
    await tx
      .delete(outreachUnitYearStats)
      .where(and(eq(outreachUnitYearStats.year, year), eq(outreachUnitYearStats.unitKind, kind), eq(outreachUnitYearStats.unitCode, code)));
    await tx.execute(sql`
      insert into outreach_unit_year_stats (year, unit_kind, unit_code, sessions, first_on)
      select ${year}, unit_kind, unit_code, count(*)::int, min(held_on)
      from outreach_session_units
      where counted and unit_kind = ${kind} and unit_code = ${code} and held_on >= ${from} and held_on < ${to}
      group by unit_kind, unit_code`);
  }
  for (const { year, month } of months.values()) {
    const [from, to] = monthRange(year, month);
    await tx.delete(outreachFormMonthStats).where(and(eq(outreachFormMonthStats.year, year), eq(outreachFormMonthStats.month, month)));
    await tx.execute(sql`
      insert into outreach_form_month_stats (year, month, form, sessions, audience)
      select ${year}, ${month}, form, count(*)::int, sum(audience)::int
      from outreach_sessions
      where status = 'approved' and held_on >= ${from} and held_on < ${to}
      group by form`);
  }
}

/**
 * Rebuilds both summaries from every session: for data loaded around the domain functions (the benchmark's
 * bulk fill) and for checking that the maintained rows equal a fresh computation.
 */
export async function rebuildOutreachSummary(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SUMMARY_LOCK})`);
    await tx.delete(outreachUnitYearStats);
    await tx.delete(outreachFormMonthStats);
    await tx.execute(sql`
      insert into outreach_unit_year_stats (year, unit_kind, unit_code, sessions, first_on)
      select extract(year from held_on)::int, unit_kind, unit_code, count(*)::int, min(held_on)
      from outreach_session_units where counted group by 1, 2, 3`);
    await tx.execute(sql`
      insert into outreach_form_month_stats (year, month, form, sessions, audience)
      select extract(year from held_on)::int, extract(month from held_on)::int, form, count(*)::int, sum(audience)::int
      from outreach_sessions where status = 'approved' group by 1, 2, 3`);
  });
}
