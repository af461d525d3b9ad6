import { and, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { translator } from '#shared/i18n/index.ts';
import type { Actor, Role } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { TRIAGE_ROLES } from './access.ts';
import { communes, queues, tips } from '../db/schema.ts';
import { byVietnameseName } from '../outreach/coverage.ts';
import { reportPeriodsFor, type ReportPeriod } from '../outreach/periods.ts';
import { TIP_CATEGORIES, categoryLabel } from '#shared/tips/categories.ts';
import { TIP_STATUSES } from '#shared/tips/statuses.ts';
import { yearOf } from '#shared/time/vietnam-time.ts';

/**
 * Tip statistics for the 6-month and annual reports and for supervisors: counts by category, commune,
 * queue, status and month, and how soon officers first act. Only non-content columns are read, so the
 * figures survive retention purges; everything is aggregated in the database (one scan for the counts,
 * one for the timings, both index-only on tips_statistics_idx), never row by row here.
 */

/** Who may see statistics: those who work tips; officers and supervisors see their own queues' tips, administrators all. */
export const STATISTICS_ROLES: readonly Role[] = TRIAGE_ROLES;

/** Vietnam calendar dates, both included. */
export interface StatisticsRange {
  from: string;
  to: string;
}

export interface CountRow {
  /** Category, commune, queue or status code; null for tips with no commune. */
  code: string | null;
  label: string;
  count: number;
}

export interface FirstActionFigures {
  /** Tips an officer has acted on, and those still waiting for a first action. */
  acted: number;
  notActed: number;
  /** Over acted tips, in seconds from receipt to the first action; null when none was acted on. */
  medianSeconds: number | null;
  p90Seconds: number | null;
  /** Tips first acted on within 24 hours / 7 days of receipt, and their share (%) of all tips in the range. */
  withinDay: number;
  withinWeek: number;
  withinDayPercent: number;
  withinWeekPercent: number;
}

export interface TipStatistics {
  range: StatisticsRange;
  /** 'all' for administrators, otherwise the owner queues counted. */
  scope: 'all' | string[];
  total: number;
  byCategory: CountRow[];
  byCommune: CountRow[];
  byQueue: CountRow[];
  byStatus: CountRow[];
  /** Every month of the range (YYYY-MM, Vietnam time), including months without tips. */
  byMonth: { month: string; count: number }[];
  firstAction: FirstActionFigures;
}

const statusLabel = (code: string) => TIP_STATUSES.find((status) => status.code === code)?.label ?? code;

export class StatisticsRefused extends Error {
  override name = 'StatisticsRefused';
}

/** Tips sent without a commune: the tip form's own word for it. */
const UNKNOWN_COMMUNE_LABEL = translator('vi')('tip.field.commune.unknown');

/** The start of a Vietnam calendar day as an instant (UTC+7 all year). */
const vietnamMidnight = (isoDate: string) => new Date(`${isoDate}T00:00:00+07:00`);
const nextDay = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The report period a date falls in, as periods.ts models it (the plan's due dates, or the dates an
 * administrator set): the 6-month period while it runs, then the annual one. After the annual period has
 * ended (late December) it stays the annual one until the new year's first period starts.
 */
export async function currentReportPeriod(db: Db, today: string): Promise<ReportPeriod> {
  const periods = await reportPeriodsFor(db, yearOf(today));
  const running = periods.find((period) => period.coversFrom <= today && today <= period.coversTo);
  return running ?? periods.filter((period) => period.coversTo < today).at(-1) ?? periods[0]!;
}

function scopeOf(actor: Actor): 'all' | string[] {
  if (!STATISTICS_ROLES.includes(actor.role)) throw new StatisticsRefused('Tài khoản của bạn không được xem thống kê tin tố giác.');
  return actor.role === 'admin' ? 'all' : [...actor.queueCodes].sort();
}

export async function tipStatistics(db: Db, actor: Actor, range: StatisticsRange): Promise<TipStatistics> {
  const scope = scopeOf(actor);
  const conditions: SQL[] = [gte(tips.createdAt, vietnamMidnight(range.from)), lt(tips.createdAt, vietnamMidnight(nextDay(range.to)))];
  if (scope !== 'all') conditions.push(inArray(tips.ownerQueueCode, scope));
  const where = and(...conditions)!;
  const [groups, timing] = await Promise.all([countGroups(db, where), firstActionTiming(db, where)]);

  const countsOf = (set: GroupRow['set']) => groups.filter((row) => row.set === set);
  const total = countsOf('status').reduce((sum, row) => sum + row.count, 0);
  const [communeNames, queueNames] = await Promise.all([
    namesOf(
      db,
      communes,
      countsOf('commune').flatMap((row) => (row.code ? [row.code] : [])),
    ),
    namesOf(
      db,
      queues,
      countsOf('queue').flatMap((row) => (row.code ? [row.code] : [])),
    ),
  ]);
  return {
    range,
    scope,
    total,
    byCategory: inListOrder(
      TIP_CATEGORIES.map((category) => category.code),
      countsOf('category'),
      categoryLabel,
    ),
    byCommune: sortedByName(countsOf('commune'), (code) => communeNames.get(code) ?? code),
    byQueue: sortedByName(countsOf('queue'), (code) => queueNames.get(code) ?? code),
    byStatus: inListOrder(
      TIP_STATUSES.map((status) => status.code),
      countsOf('status'),
      statusLabel,
    ),
    byMonth: monthsOf(range).map((month) => ({ month, count: countsOf('month').find((row) => row.code === month)?.count ?? 0 })),
    firstAction: firstActionFigures(timing, total),
  };
}

interface GroupRow {
  set: 'category' | 'commune' | 'queue' | 'status' | 'month';
  code: string | null;
  count: number;
}

/**
 * Every breakdown from one pass over the range: rows are first counted per combination of the five keys
 * (a few thousand groups, since queue and commune go together), then GROUPING SETS adds those small counts
 * up five ways. Months are bucketed in Vietnam time.
 */
async function countGroups(db: Db, where: SQL): Promise<GroupRow[]> {
  const result = await db.execute(sql`
    with combined as (
      select ${tips.category} as category, ${tips.communeCode} as commune, ${tips.ownerQueueCode} as queue, ${tips.status} as status,
             date_trunc('month', ${tips.createdAt} at time zone 'Asia/Ho_Chi_Minh') as month, count(*) as tips
      from ${tips} where ${where}
      group by 1, 2, 3, 4, 5
    )
    select case when grouping(category) = 0 then 'category' when grouping(commune) = 0 then 'commune'
                when grouping(queue) = 0 then 'queue' when grouping(status) = 0 then 'status' else 'month' end as set,
           coalesce(category, queue, status, to_char(month, 'YYYY-MM'), commune) as code,
           sum(tips)::int as count
    from combined
    group by grouping sets ((category), (commune), (queue), (status), (month))`);
  return (result as { rows: GroupRow[] }).rows;
}

interface TimingRow {
  acted: number;
  within_day: number;
  within_week: number;
  median: number | null;
  p90: number | null;
}

async function firstActionTiming(db: Db, where: SQL): Promise<TimingRow> {
  const wait = sql`extract(epoch from ${tips.firstActionAt} - ${tips.createdAt})`;
  const result = await db.execute(sql`
    select count(${tips.firstActionAt})::int as acted,
           (count(*) filter (where ${tips.firstActionAt} <= ${tips.createdAt} + interval '24 hours'))::int as within_day,
           (count(*) filter (where ${tips.firstActionAt} <= ${tips.createdAt} + interval '7 days'))::int as within_week,
           percentile_cont(0.5) within group (order by ${wait})::float8 as median,
           percentile_cont(0.9) within group (order by ${wait})::float8 as p90
    from ${tips} where ${where}`);
  return (result as { rows: TimingRow[] }).rows[0]!;
}

const percentOf = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10);

function firstActionFigures(row: TimingRow, total: number): FirstActionFigures {
  const seconds = (value: number | null) => (value === null ? null : Math.round(Number(value)));
  return {
    acted: row.acted,
    notActed: total - row.acted,
    medianSeconds: seconds(row.median),
    p90Seconds: seconds(row.p90),
    withinDay: row.within_day,
    withinWeek: row.within_week,
    withinDayPercent: percentOf(row.within_day, total),
    withinWeekPercent: percentOf(row.within_week, total),
  };
}

async function namesOf(db: Db, table: typeof communes | typeof queues, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select({ code: table.code, name: table.name }).from(table).where(inArray(table.code, codes));
  return new Map(rows.map((row) => [row.code, row.name]));
}

/** A fixed list (categories, statuses) in its own order with zeros, then any code the list does not know. */
function inListOrder(codes: readonly string[], rows: GroupRow[], label: (code: string) => string): CountRow[] {
  const count = new Map(rows.map((row) => [row.code ?? '', row.count]));
  const unknown = rows.filter((row) => row.code !== null && !codes.includes(row.code)).map((row) => row.code!);
  return [...codes, ...unknown].map((code) => ({ code, label: label(code), count: count.get(code) ?? 0 }));
}

/** Named units in Vietnamese order (ignoring "Xã"/"Phường"), tips without a commune last as "Không rõ". */
function sortedByName(rows: GroupRow[], name: (code: string) => string): CountRow[] {
  const named = rows
    .filter((row) => row.code !== null)
    .map((row) => ({ code: row.code, label: name(row.code!), name: name(row.code!), count: row.count }))
    .sort(byVietnameseName)
    .map(({ code, label, count }) => ({ code, label, count }));
  const unknown = rows.find((row) => row.code === null);
  return unknown ? [...named, { code: null, label: UNKNOWN_COMMUNE_LABEL, count: unknown.count }] : named;
}

function monthsOf(range: StatisticsRange): string[] {
  const months: string[] = [];
  let [year, month] = [yearOf(range.from), Number(range.from.slice(5, 7))];
  const last = range.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}
