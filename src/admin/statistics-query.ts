import type { Db } from '#server/db/client.ts';
import { currentReportPeriod, type StatisticsRange } from '#server/triage/statistics.ts';
import { formatVietnameseDate, vietnamDate } from '#shared/time/vietnam-time.ts';
import type { translator } from '#shared/i18n/index.ts';
import { parseVietnamDay } from './forms.ts';

/**
 * The statistics page's and downloads' date range, as typed in the query string (?tu=dd/mm/yyyy&den=…):
 * kept for redisplay, checked, and read as Vietnam calendar dates. An empty field takes the current report
 * period's date.
 */
export interface StatisticsQuery {
  values: { tu: string; den: string };
  /** Null when a field is wrong. */
  range: StatisticsRange | null;
  errors: { tu?: string; den?: string };
}

const FIRST_DAY = '2021-01-01';
const LAST_DAY = '2100-12-31';

export function statisticsQueryFrom(params: URLSearchParams, fallback: StatisticsRange, t: ReturnType<typeof translator>): StatisticsQuery {
  const get = (name: string) => (params.get(name) ?? '').trim().slice(0, 40);
  const values = { tu: get('tu'), den: get('den') };
  const errors: StatisticsQuery['errors'] = {};
  const read = (field: 'tu' | 'den', fallbackDay: string, bad: string, outOfBounds: string): string | null => {
    if (!values[field]) return fallbackDay;
    const day = parseVietnamDay(values[field]);
    const iso = day ? vietnamDate(day) : null;
    if (!iso) errors[field] = bad;
    else if (iso < FIRST_DAY || iso > LAST_DAY) errors[field] = outOfBounds;
    return errors[field] ? null : iso;
  };
  const from = read('tu', fallback.from, t('admin.stats.badFrom'), t('admin.stats.fromOutOfBounds'));
  const to = read('den', fallback.to, t('admin.stats.badTo'), t('admin.stats.toOutOfBounds'));
  if (from && to && to < from) errors.den = t('admin.stats.toBeforeFrom');
  return { values, range: from && to && !errors.den ? { from, to } : null, errors };
}

/** The query string of a range, in the form's own dd/mm/yyyy. */
export const statisticsSearch = (range: StatisticsRange) =>
  new URLSearchParams({ tu: formatVietnameseDate(range.from), den: formatVietnameseDate(range.to) }).toString();

/** The current report period (the default range) and the range the query asks for. */
export async function readStatisticsQuery(db: Db, params: URLSearchParams, t: ReturnType<typeof translator>, now: Date = new Date()) {
  const period = await currentReportPeriod(db, vietnamDate(now));
  const query = statisticsQueryFrom(params, { from: period.coversFrom, to: period.coversTo }, t);
  return { period, query };
}
