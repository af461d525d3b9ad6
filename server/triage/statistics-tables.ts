import { translator, type MessageKey } from '#shared/i18n/index.ts';
import { formatVietnameseDate } from '#shared/time/vietnam-time.ts';
import type { CountRow, TipStatistics } from './statistics.ts';

/**
 * The statistics as labelled tables, shared by the page and both downloads so they always say the same.
 * Pure. Reports go to the province in Vietnamese, as the page is.
 */
const t = translator('vi');

export interface StatisticsTable {
  /** Stable id for the page's anchors. */
  id: 'category' | 'commune' | 'queue' | 'status' | 'month';
  title: string;
  /** Short name for a workbook sheet (at most 31 characters). */
  sheetName: string;
  /** Header of the label column. */
  labelHeader: string;
  rows: { code: string | null; label: string; count: number; percent: number }[];
}

export const hoursOf = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 360) / 10);
const percentOf = (count: number, total: number) => (total === 0 ? 0 : Math.round((count * 1000) / total) / 10);
/** "2026-06" → "06/2026", the way Vietnamese documents write a month. */
export const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

export function statisticsTables(stats: TipStatistics): StatisticsTable[] {
  const table = (id: StatisticsTable['id'], title: MessageKey, rows: CountRow[]): StatisticsTable => ({
    id,
    title: t(title),
    sheetName: t(`admin.stats.sheet.${id}`),
    labelHeader: t(`admin.stats.sheet.${id}`),
    rows: rows.map((row) => ({ ...row, percent: percentOf(row.count, stats.total) })),
  });
  return [
    table('category', 'admin.stats.byCategory', stats.byCategory),
    table('commune', 'admin.stats.byCommune', stats.byCommune),
    table('queue', 'admin.stats.byQueue', stats.byQueue),
    table('status', 'admin.stats.byStatus', stats.byStatus),
    table(
      'month',
      'admin.stats.byMonth',
      stats.byMonth.map(({ month, count }) => ({ code: month, label: monthLabel(month), count })),
    ),
  ];
}

export const scopeLabel = (scope: TipStatistics['scope']) =>
  scope === 'all' ? t('admin.stats.scopeAll') : t('admin.stats.scopeQueues', { queues: scope.join(', ') || '—' });

/** Time to first action as label / value (/ share) lines; numbers stay numbers, "Chưa có" when none. */
export function firstActionLines(stats: TipStatistics): { label: string; value: number | string; percent?: number }[] {
  const figures = stats.firstAction;
  const hours = (seconds: number | null) => hoursOf(seconds) ?? t('admin.stats.notApplicable');
  return [
    { label: t('admin.stats.acted'), value: figures.acted },
    { label: t('admin.stats.notActed'), value: figures.notActed },
    { label: t('admin.stats.medianHours'), value: hours(figures.medianSeconds) },
    { label: t('admin.stats.p90Hours'), value: hours(figures.p90Seconds) },
    { label: t('admin.stats.withinDay'), value: figures.withinDay, percent: figures.withinDayPercent },
    { label: t('admin.stats.withinWeek'), value: figures.withinWeek, percent: figures.withinWeekPercent },
  ];
}

/** The summary: title, period, scope, date made, total, then the time to first action. */
export function summaryLines(stats: TipStatistics, generatedOn: string): (string | number)[][] {
  return [
    [t('admin.stats.reportTitle')],
    [t('admin.stats.showing', { from: formatVietnameseDate(stats.range.from), to: formatVietnameseDate(stats.range.to) })],
    [t('admin.stats.scope'), scopeLabel(stats.scope)],
    [t('admin.stats.generatedOn'), formatVietnameseDate(generatedOn)],
    [t('admin.stats.total'), stats.total],
    [],
    [t('admin.stats.firstAction'), t('admin.stats.value'), t('admin.stats.percent')],
    ...firstActionLines(stats).map((line) => (line.percent === undefined ? [line.label, line.value] : [line.label, line.value, line.percent])),
  ];
}
