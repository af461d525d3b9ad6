import type { APIRoute } from 'astro';
import { requireRole } from '#src/admin/guard.ts';
import { ADMIN_PATHS } from '#shared/paths/admin.ts';
import { plainPage } from '#src/admin/responses.ts';
import { readStatisticsQuery } from '#src/admin/statistics-query.ts';
import { translator } from '#shared/i18n/index.ts';
import { recordAudit } from '#server/auth/audit.ts';
import { attachment, SPREADSHEET_MEDIA_TYPES } from '#server/reports/spreadsheet.ts';
import { vietnamDate } from '#shared/time/vietnam-time.ts';
import { STATISTICS_ROLES, tipStatistics } from '#server/triage/statistics.ts';

/**
 * GET /quan-tri/thong-ke/tai-ve.csv|.xlsx?tu=dd/mm/yyyy&den=dd/mm/yyyy — the statistics page's figures as
 * a file, for the same people (the middleware sends the public to sign in and forbids caching). Every
 * download is audited with its range and format.
 */
export const prerender = false;

export const GET: APIRoute = async (context) => {
  const actor = requireRole(context, STATISTICS_ROLES);
  if (actor instanceof Response) return actor;
  const format = context.params.format;
  if (format !== 'csv' && format !== 'xlsx') return new Response(null, { status: 404 });
  const t = translator('vi');
  const db = context.locals.database.db;
  const now = new Date();
  const { query } = await readStatisticsQuery(db, context.url.searchParams, t, now);
  if (!query.range) {
    const message = Object.values(query.errors).join('. ');
    return plainPage(400, t('admin.stats.badRange'), `${message}.`, {
      href: `${ADMIN_PATHS.statistics}${context.url.search}`,
      label: t('admin.stats.backToPage'),
    });
  }
  const stats = await tipStatistics(db, actor, query.range);
  // exceljs is large: loaded on the first download, not at every start.
  const { statisticsFileName, statisticsToCsv, statisticsToXlsx } = await import('#server/triage/statistics-files.ts');
  const bytes = format === 'xlsx' ? await statisticsToXlsx(stats, vietnamDate(now), now) : statisticsToCsv(stats, vietnamDate(now));
  await recordAudit(db, {
    actor: { userId: actor.userId, username: actor.username },
    action: 'tips.statistics.exported',
    detail: { from: stats.range.from, to: stats.range.to, format, scope: stats.scope },
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': SPREADSHEET_MEDIA_TYPES[format],
      'Content-Disposition': attachment(statisticsFileName(stats, format)),
      'Cache-Control': 'no-store',
    },
  });
};
