import type { Progress } from '../../outreach/coverage.ts';
import { formatVietnameseDate } from '#shared/time/vietnam-time.ts';
import { localePath, translator, type Lang } from '#shared/i18n/index.ts';
import { escapeHtml, fill, formatNumber } from './html.ts';
import { formChart, monthChart, shareBar } from './progress-charts.ts';

export const PROGRESS_REGION_START = '<!--outreach-progress-->';
export const PROGRESS_REGION_END = '<!--/outreach-progress-->';

/**
 * The figures of /tien-do/, rendered by the server into the prerendered shell (so they need no script and
 * are at most a minute old, like the cached figures they come from).
 */
export function renderProgress(lang: Lang, progress: Progress, years: readonly number[], updatedAt: string): string {
  const t = translator(lang);
  const page = localePath(lang, '/tien-do/');
  const yearLinks = years
    .map((year) => (year === progress.year ? `<li><span aria-current="page">${year}</span></li>` : `<li><a href="${page}?nam=${year}">${year}</a></li>`))
    .join('');
  const deadline = progress.deadline
    ? fill(t('outreach.progress.deadlineDaysLeft'), {
        days: formatNumber(progress.deadline.daysLeft),
        report: `${t(`outreach.report.${progress.deadline.kind}`).toLocaleLowerCase(lang)} ${progress.deadline.year}`,
        date: formatVietnameseDate(progress.deadline.dueBefore),
      })
    : t('outreach.progress.deadlineNone');
  const shares = (['communes', 'schools'] as const)
    .map((key) => {
      const value = progress[key];
      return `<div class="share"><h3>${escapeHtml(t(`outreach.progress.${key}`))}: <span class="share-percent">${value.percent}%</span></h3>${shareBar(key, t(`outreach.progress.${key}`), value.percent)}<p>${escapeHtml(fill(t('outreach.progress.ofTarget'), { reached: formatNumber(value.reached), total: formatNumber(value.total) }))}</p></div>`;
    })
    .join('');
  const today = progress.today;
  const months = progress.byMonth.filter((row) => `${progress.year}-${String(row.month).padStart(2, '0')}` <= today.slice(0, 7));
  const percentOf = (reached: number, total: number) => (total ? `${Math.floor((reached * 1000) / total) / 10}` : '0');

  const formTable = `<div class="table-scroll" role="region" aria-labelledby="by-form-title" tabindex="0"><table class="data-table"><caption class="visually-hidden">${escapeHtml(t('outreach.progress.byFormTitle'))}</caption><thead><tr><th scope="col">${escapeHtml(t('outreach.progress.colForm'))}</th><th scope="col" class="num">${escapeHtml(t('outreach.progress.colSessions'))}</th><th scope="col" class="num">${escapeHtml(t('outreach.progress.colAudience'))}</th></tr></thead><tbody>${progress.byForm
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(t(`outreach.form.${row.form}`))}</th><td class="num">${formatNumber(row.sessions)}</td><td class="num">${formatNumber(row.audience)}</td></tr>`,
    )
    .join('')}</tbody></table></div>`;
  const monthTable = `<div class="table-scroll" role="region" aria-labelledby="by-month-title" tabindex="0"><table class="data-table"><caption class="visually-hidden">${escapeHtml(t('outreach.progress.byMonthTitle'))}</caption><thead><tr><th scope="col">${escapeHtml(t('outreach.progress.colMonth'))}</th><th scope="col" class="num">${escapeHtml(t('outreach.progress.colSessions'))}</th><th scope="col" class="num">${escapeHtml(t('outreach.progress.colCommunesPct'))}</th><th scope="col" class="num">${escapeHtml(t('outreach.progress.colSchoolsPct'))}</th></tr></thead><tbody>${months
    .map(
      (row) =>
        `<tr><th scope="row">${String(row.month).padStart(2, '0')}/${progress.year}</th><td class="num">${formatNumber(row.sessions)}</td><td class="num">${percentOf(row.communesReached, progress.communes.total)}</td><td class="num">${percentOf(row.schoolsReached, progress.schools.total)}</td></tr>`,
    )
    .join('')}</tbody></table></div>`;

  const status = (reached: boolean) =>
    reached
      ? `<span class="status status-reached">${escapeHtml(t('outreach.status.reached'))}</span>`
      : `<span class="status status-pending">${escapeHtml(t('outreach.status.notReached'))}</span>`;
  const communeTable = `<div class="table-scroll" role="region" aria-labelledby="commune-list-title" tabindex="0"><table class="data-table"><thead><tr><th scope="col">${escapeHtml(t('outreach.progress.colCommune'))}</th><th scope="col">${escapeHtml(t('outreach.progress.colStatus'))}</th><th scope="col" class="num">${escapeHtml(t('outreach.progress.colSessions'))}</th><th scope="col">${escapeHtml(t('outreach.progress.colFirst'))}</th><th scope="col" class="num">${escapeHtml(t('outreach.progress.colSchools'))}</th></tr></thead><tbody>${progress.communeList
    .map(
      (commune) =>
        `<tr id="xa-${commune.code}"><th scope="row">${escapeHtml(commune.name)}</th><td>${status(commune.reached)}</td><td class="num">${formatNumber(commune.sessions)}</td><td>${commune.firstReachedOn ? formatVietnameseDate(commune.firstReachedOn) : '–'}</td><td class="num">${commune.schools.reached}/${commune.schools.total}</td></tr>`,
    )
    .join('')}</tbody></table></div>`;

  const unreachedCommunes = progress.communeList.filter((commune) => !commune.reached);
  const unreachedSchools = progress.schoolList.filter((school) => !school.reached);
  const reachedSchools = progress.schoolList.filter((school) => school.reached);
  // Schools grouped under their commune, folded: 2,000 names would drown the page on a phone.
  const schoolGroups = (list: typeof progress.schoolList) =>
    progress.communeList
      .map((commune) => ({ commune, schools: list.filter((school) => school.communeCode === commune.code) }))
      .filter((group) => group.schools.length)
      .map(
        ({ commune, schools }) =>
          `<details class="school-group"><summary>${escapeHtml(commune.name)} (${schools.length})</summary><ul>${schools.map((school) => `<li>${escapeHtml(school.name)} <span class="muted">(${escapeHtml(school.code)})</span></li>`).join('')}</ul></details>`,
      )
      .join('');

  return `${PROGRESS_REGION_START}
<nav class="year-nav" aria-label="${escapeHtml(t('outreach.progress.otherYears'))}"><span>${escapeHtml(t('outreach.progress.yearLabel'))}:</span><ul>${yearLinks}</ul></nav>
<section class="deadline" aria-labelledby="deadline-title"><h2 id="deadline-title">${escapeHtml(t('outreach.progress.deadlineTitle'))}</h2><p class="deadline-text">${escapeHtml(deadline)}</p></section>
<section aria-labelledby="summary-title"><h2 id="summary-title">${escapeHtml(fill(t('outreach.progress.summaryTitle'), { year: progress.year }))}</h2><div class="shares">${shares}</div>
<p>${escapeHtml(fill(t('outreach.progress.sessionsTotal'), { sessions: formatNumber(progress.sessions), audience: formatNumber(progress.audience) }))}</p></section>
<section aria-labelledby="by-form-title"><h2 id="by-form-title">${escapeHtml(t('outreach.progress.byFormTitle'))}</h2><figure class="chart-figure">${formChart(lang, progress)}<figcaption class="hint">${escapeHtml(t('outreach.progress.chartDataNote'))}</figcaption></figure>${formTable}</section>
<section aria-labelledby="by-month-title"><h2 id="by-month-title">${escapeHtml(t('outreach.progress.byMonthTitle'))}</h2><figure class="chart-figure">${monthChart(lang, months, { communes: progress.communes.total, schools: progress.schools.total })}<figcaption class="hint">${escapeHtml(t('outreach.progress.chartDataNote'))}</figcaption></figure>${monthTable}</section>
<section aria-labelledby="not-reached-title"><h2 id="not-reached-title">${escapeHtml(t('outreach.progress.notReachedTitle'))}</h2>
<h3>${escapeHtml(fill(t('outreach.progress.notReachedCommunes'), { count: unreachedCommunes.length }))}</h3>${unreachedCommunes.length ? `<ul class="columns">${unreachedCommunes.map((commune) => `<li><a href="#xa-${commune.code}">${escapeHtml(commune.name)}</a></li>`).join('')}</ul>` : `<p>${escapeHtml(t('outreach.progress.allReached'))}</p>`}
<h3>${escapeHtml(fill(t('outreach.progress.notReachedSchools'), { count: unreachedSchools.length }))}</h3>${unreachedSchools.length ? schoolGroups(unreachedSchools) : `<p>${escapeHtml(t('outreach.progress.allReached'))}</p>`}</section>
<section aria-labelledby="reached-schools-title"><h2 id="reached-schools-title">${escapeHtml(fill(t('outreach.progress.reachedSchools'), { count: reachedSchools.length }))}</h2>${schoolGroups(reachedSchools)}</section>
<section aria-labelledby="commune-list-title"><h2 id="commune-list-title">${escapeHtml(t('outreach.progress.communeListTitle'))}</h2>${communeTable}</section>
<p class="hint">${escapeHtml(t('outreach.progress.updated'))} ${escapeHtml(updatedAt)} · <a href="/api/outreach/progress?year=${progress.year}">${escapeHtml(t('outreach.progress.downloadJson'))}</a></p>
${PROGRESS_REGION_END}`;
}
