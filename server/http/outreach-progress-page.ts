import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from '../app-env.ts';
import { cachedProgress } from '../outreach/progress.ts';
import { formatVietnameseDate, vietnamDate, yearOf } from '#shared/time/vietnam-time.ts';
import type { Lang } from '#shared/i18n/index.ts';
import { PROGRESS_REGION_END, PROGRESS_REGION_START, renderProgress } from './string-pages/progress-view.ts';

const FIRST_YEAR = 2021;

/**
 * /tien-do/ and /en/tien-do/: the prerendered shell with the figures filled in by the server from the
 * one-minute cache, so the page needs no script and is never more than a minute behind. `?nam=2025` shows
 * an earlier year. Browsers and proxies may keep it for a minute too.
 */
export function outreachProgressPage(clientDir: string): Hono<AppEnv> {
  const templates = new Map<Lang, Promise<string | null>>();
  const template = (lang: Lang) => {
    if (!templates.has(lang))
      templates.set(
        lang,
        readFile(join(clientDir, ...(lang === 'en' ? ['en'] : []), 'tien-do', 'index.html'), 'utf8').catch(() => null),
      );
    return templates.get(lang)!;
  };
  const page = (lang: Lang) => async (c: Context<AppEnv>) => {
    const shell = await template(lang);
    if (!shell?.includes(PROGRESS_REGION_START)) return c.notFound();
    const now = new Date();
    const currentYear = yearOf(vietnamDate(now));
    const asked = Number(c.req.query('nam'));
    const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= currentYear ? asked : currentYear;
    const progress = await cachedProgress(c.var.database.db, year);
    const years = Array.from({ length: currentYear - FIRST_YEAR + 1 }, (_, index) => currentYear - index);
    const updatedAt = `${new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' }).format(now)} ${formatVietnameseDate(vietnamDate(now))}`;
    const start = shell.indexOf(PROGRESS_REGION_START);
    const end = shell.indexOf(PROGRESS_REGION_END) + PROGRESS_REGION_END.length;
    c.header('Cache-Control', 'public, max-age=60');
    return c.html(shell.slice(0, start) + renderProgress(lang, progress, years, updatedAt) + shell.slice(end));
  };
  return new Hono<AppEnv>().use(compress()).get('/tien-do/', page('vi')).get('/en/tien-do/', page('en'));
}
