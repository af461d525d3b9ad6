import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { Config } from '../config.ts';
import { apiError } from '../http/api-error.ts';
import { limitBody, readForm } from '../http/form-body.ts';
import { prefersHtml } from '../http/negotiation.ts';
import { rateLimits } from '../http/rate-limit.ts';
import { TIP_CATEGORIES } from '#shared/tips/categories.ts';
import { formatReceipt } from '../tips/receipt.ts';
import { receiveTip } from '../tips/receive.ts';
import { textValues } from '../tips/tip-page.ts';
import { formFields, formPhotos, type FieldError } from '../tips/tip-request.ts';

/** Five photos of up to 10 MB each, the text and multipart framing. */
export const TIP_BODY_LIMIT = 52 * 1024 * 1024;
const TIP_PAGE = '/to-giac/ket-qua/';
/** A form without photos is well under this; a rate-limited post this small is read to give its text back. */
export const TEXT_FORM_BYTES = 64 * 1024;

function badRequest(c: Context<AppEnv>, errors: FieldError[], values: Record<string, string>, status: 400 | 413 | 422 | 429 = 400) {
  const { renderPage } = c.var;
  if (renderPage && prefersHtml(c)) return renderPage(c, TIP_PAGE, { tipOutcome: { kind: 'errors', lang: values.lang ?? 'vi', errors, values } }, status);
  return c.json({ errors }, status);
}

/**
 * Too many tips: a browser's own post gets the form back with the message and what the tipster typed (when
 * the post carries no photos, so reading it costs little); programs get JSON.
 */
async function rateLimited(c: Context<AppEnv>, message: string) {
  const form = c.var.renderPage && prefersHtml(c) ? await readForm(c, TEXT_FORM_BYTES) : null;
  return badRequest(c, [{ field: null, message }], form ? textValues(formFields(form)) : {}, 429);
}

export function createTipsRoutes({ trustProxy, rateLimits: limits }: Config) {
  return new Hono<AppEnv>()
    .get('/categories', (c) => c.json(TIP_CATEGORIES.map(({ code, label }) => ({ code, label }))))
    .post(
      '/',
      rateLimits({
        perClient: limits.tipsPerClient,
        global: Math.max(600, limits.tipsPerClient),
        windowMs: 10 * 60_000,
        trustProxy,
        message: 'Bạn đã gửi nhiều tin trong thời gian ngắn. Vui lòng thử lại sau ít phút.',
        answer: rateLimited,
      }),
      limitBody({
        maxSize: TIP_BODY_LIMIT,
        onError: (c) => badRequest(c as Context<AppEnv>, [{ field: 'photos', message: 'Tối đa 5 ảnh, mỗi ảnh dưới 10 MB.' }], {}, 413),
      }),
      async (c) => {
        const form = await readForm(c);
        if (!form) return badRequest(c, [{ field: null, message: 'Dữ liệu gửi lên phải là biểu mẫu (multipart/form-data).' }], {});
        const fields = formFields(form);
        const { database, secrets, captcha, renderPage } = c.var;
        const outcome = await receiveTip({ db: database.db, secrets, captcha, now: new Date() }, fields, formPhotos(form));
        if (!outcome.ok) return badRequest(c, outcome.errors, textValues(fields));
        const receipt = formatReceipt(outcome.tip.receipt);
        if (renderPage && prefersHtml(c)) {
          const photoCount = formPhotos(form).length;
          const lang = typeof fields.lang === 'string' ? fields.lang : 'vi';
          return renderPage(c, TIP_PAGE, { tipOutcome: { kind: 'received', lang, receipt, removedMetadata: outcome.tip.removedMetadata, photoCount } }, 201);
        }
        return c.json({ receipt, removedMetadata: outcome.tip.removedMetadata }, 201);
      },
    )
    .all('/', (c) => c.json(apiError(null, 'Gửi tin bằng phương thức POST.'), 405));
}
