import type { Progress } from '../../outreach/coverage.ts';
import { translator, type Lang } from '#shared/i18n/index.ts';
import { escapeHtml, fill, formatNumber } from './html.ts';

/**
 * Inline SVG charts of the progress page: no script, no style attribute (the CSP allows neither), colours
 * from CSS classes. Each chart is an image with a title; its figures are in the table that follows it.
 */
const WIDTH = 320;

export function shareBar(id: string, label: string, percent: number): string {
  const width = Math.round((WIDTH - 2) * Math.min(percent, 100)) / 100;
  return `<svg class="chart chart-share" viewBox="0 0 ${WIDTH} 28" role="img" aria-labelledby="${id}-title"><title id="${id}-title">${escapeHtml(label)}: ${percent}%</title>
<rect class="chart-track" x="1" y="4" width="${WIDTH - 2}" height="20" rx="3"/><rect class="chart-bar-${id}" x="1" y="4" width="${width}" height="20" rx="3"/><line class="chart-target" x1="${WIDTH - 1}" x2="${WIDTH - 1}" y1="0" y2="28"/></svg>`;
}

export function formChart(lang: Lang, progress: Progress): string {
  const t = translator(lang);
  const max = Math.max(1, ...progress.byForm.map((row) => row.sessions));
  const rowHeight = 36;
  const bars = progress.byForm
    .map((row, index) => {
      const y = index * rowHeight;
      const width = Math.max(row.sessions ? 2 : 0, Math.round(((WIDTH - 60) * row.sessions) / max));
      return `<text class="chart-label" x="0" y="${y + 12}">${escapeHtml(t(`outreach.form.${row.form}`))}</text><rect class="chart-bar-form" x="0" y="${y + 16}" width="${width}" height="14"/><text class="chart-value" x="${width + 4}" y="${y + 28}">${formatNumber(row.sessions)}</text>`;
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${progress.byForm.length * rowHeight}" role="img" aria-labelledby="chart-form-title"><title id="chart-form-title">${escapeHtml(t('outreach.progress.byFormTitle'))}</title>${bars}</svg>`;
}

/** Cumulative share of communes and schools reached at the end of each month, up to this month. */
export function monthChart(lang: Lang, months: Progress['byMonth'], totals: { communes: number; schools: number }): string {
  const t = translator(lang);
  const height = 150;
  const top = 12;
  const left = 30;
  const slot = (WIDTH - left) / 12;
  const y = (percent: number) => top + (height - top) * (1 - percent / 100);
  const pct = (reached: number, total: number) => (total ? (reached * 100) / total : 0);
  const grid = [0, 50, 100]
    .map(
      (value) =>
        `<line class="${value === 100 ? 'chart-target' : 'chart-grid'}" x1="${left}" x2="${WIDTH}" y1="${y(value)}" y2="${y(value)}"/><text class="chart-axis" x="${left - 4}" y="${y(value) + 4}" text-anchor="end">${value}%</text>`,
    )
    .join('');
  const columns = months
    .map((row, index) => {
      const x = left + index * slot + 2;
      const barWidth = (slot - 6) / 2;
      const communeY = y(pct(row.communesReached, totals.communes));
      const schoolY = y(pct(row.schoolsReached, totals.schools));
      return `<rect class="chart-bar-communes" x="${x}" y="${communeY}" width="${barWidth}" height="${height - communeY}"/><rect class="chart-bar-schools" x="${x + barWidth + 1}" y="${schoolY}" width="${barWidth}" height="${height - schoolY}"/><text class="chart-axis" x="${x + barWidth}" y="${height + 14}" text-anchor="middle">${escapeHtml(fill(t('outreach.progress.monthShort'), { month: row.month }))}</text>`;
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height + 20}" role="img" aria-labelledby="chart-month-title"><title id="chart-month-title">${escapeHtml(t('outreach.progress.byMonthTitle'))}</title>${grid}${columns}</svg>
<p class="chart-legend"><span class="legend-swatch legend-communes" aria-hidden="true"></span>${escapeHtml(t('outreach.progress.communes'))} <span class="legend-swatch legend-schools" aria-hidden="true"></span>${escapeHtml(t('outreach.progress.schools'))}</p>`;
}
