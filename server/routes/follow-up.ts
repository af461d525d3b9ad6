import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.ts';
import type { Config } from '../config.ts';
import { readForm } from '../http/form-body.ts';
import { padTime, prefersHtml } from '../http/negotiation.ts';
import { rateLimits } from '../http/rate-limit.ts';
import { addTipsterMessage, findTipIdByReceipt, MESSAGE_MAX, MESSAGE_MIN, tipPublicView } from '../tips/follow-up.ts';
import { formatReceipt, parseReceipt } from '../tips/receipt.ts';
import { sanitizePhotos } from '../tips/receive.ts';
import { textValues } from '../tips/tip-page.ts';
import { formFields, formPhotos, type FieldError } from '../tips/tip-request.ts';
import { TEXT_FORM_BYTES, TIP_BODY_LIMIT } from './tips.ts';

const FOLLOW_UP_PAGE = '/theo-doi/ket-qua/';
/** Every receipt lookup takes at least this long, found or not, so timing says nothing about validity. */
const LOOKUP_FLOOR_MS = 400;
const RECEIPT_ERROR: FieldError = { field: 'receipt', message: 'Không tìm thấy tin với mã biên nhận này. Kiểm tra lại 16 chữ số trên giấy bạn đã ghi.' };

/** The request as fields, whether it came as JSON, a urlencoded form or multipart (with photos). */
async function readRequest(c: Context<AppEnv>): Promise<{ fields: Record<string, unknown>; files: File[] } | null> {
  const type = c.req.header('Content-Type') ?? '';
  try {
    if (type.includes('application/json')) {
      const body = (await c.req.json()) as unknown;
      return body && typeof body === 'object' && !Array.isArray(body) ? { fields: body as Record<string, unknown>, files: [] } : null;
    }
    const form = await readForm(c);
    if (!form) return null;
    const fields = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === 'string'));
    return { fields, files: formPhotos(form) };
  } catch {
    return null;
  }
}

const langOf = (fields: Record<string, unknown> | undefined) => (typeof fields?.lang === 'string' ? fields.lang : 'vi');

function errorAnswer(c: Context<AppEnv>, errors: FieldError[], receipt: string, lang: string, status: 400 | 404 | 429 = 400) {
  const { renderPage } = c.var;
  if (renderPage && prefersHtml(c)) return renderPage(c, FOLLOW_UP_PAGE, { followUpOutcome: { kind: 'errors', lang, errors, receipt } }, status);
  return c.json({ errors }, status);
}

/** Too many look-ups: a browser's own post gets the page with the message and its receipt kept; programs get JSON. */
async function rateLimited(c: Context<AppEnv>, message: string) {
  const form = c.var.renderPage && prefersHtml(c) ? await readForm(c, TEXT_FORM_BYTES) : null;
  const fields = form ? textValues(formFields(form)) : {};
  return errorAnswer(c, [{ field: null, message }], fields.receipt ?? '', langOf(fields), 429);
}

export function createFollowUpRoutes({ trustProxy, rateLimits: limits }: Config) {
  const guessLimit = rateLimits({
    perClient: limits.followUpsPerClient,
    global: Math.max(2000, limits.followUpsPerClient),
    windowMs: 15 * 60_000,
    trustProxy,
    message: 'Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau 15 phút.',
    answer: rateLimited,
  });
  return new Hono<AppEnv>()
    .use('*', guessLimit)
    .post('/', bodyLimit({ maxSize: 16 * 1024 }), async (c) => {
      const startedAt = performance.now();
      const request = await readRequest(c);
      const digits = parseReceipt(request?.fields.receipt);
      const { database, secrets, renderPage } = c.var;
      const tipId = digits ? await findTipIdByReceipt(database.db, secrets, digits) : null;
      const view = tipId === null ? null : await tipPublicView(database.db, secrets, tipId);
      await padTime(startedAt, LOOKUP_FLOOR_MS);
      if (!view || !digits) return errorAnswer(c, [RECEIPT_ERROR], String(request?.fields.receipt ?? ''), langOf(request?.fields), 404);
      if (renderPage && prefersHtml(c)) {
        const followUpOutcome = {
          kind: 'view' as const,
          lang: langOf(request?.fields),
          receipt: formatReceipt(digits),
          view,
          messageSent: false,
          errors: [],
          draft: '',
        };
        return renderPage(c, FOLLOW_UP_PAGE, { followUpOutcome });
      }
      return c.json(view);
    })
    .post('/messages', bodyLimit({ maxSize: TIP_BODY_LIMIT }), async (c) => {
      const startedAt = performance.now();
      const request = await readRequest(c);
      const digits = parseReceipt(request?.fields.receipt);
      const { database, secrets, renderPage } = c.var;
      const tipId = digits ? await findTipIdByReceipt(database.db, secrets, digits) : null;
      await padTime(startedAt, LOOKUP_FLOOR_MS);
      if (tipId === null || !digits || !request) return errorAnswer(c, [RECEIPT_ERROR], String(request?.fields.receipt ?? ''), langOf(request?.fields), 404);

      const text = typeof request.fields.text === 'string' ? request.fields.text.normalize('NFC').trim() : '';
      const errors: FieldError[] = [];
      if (text.length < MESSAGE_MIN) errors.push({ field: 'text', message: 'Nhập nội dung bạn muốn gửi thêm.' });
      if (text.length > MESSAGE_MAX) errors.push({ field: 'text', message: `Nội dung tối đa ${MESSAGE_MAX.toLocaleString('vi-VN')} ký tự.` });
      const photos = errors.length === 0 ? await sanitizePhotos(request.files) : { ok: true as const, photos: [] };
      if (!photos.ok) errors.push(...photos.errors);
      if (errors.length === 0 && photos.ok && !(await addTipsterMessage(database.db, secrets, tipId, text, photos.photos))) {
        errors.push({ field: 'text', message: 'Tin này đã được đóng hồ sơ và không nhận thêm trao đổi.' });
      }
      const sent = errors.length === 0;
      const latest = await tipPublicView(database.db, secrets, tipId);
      if (renderPage && prefersHtml(c)) {
        const followUpOutcome = {
          kind: 'view' as const,
          lang: langOf(request.fields),
          receipt: formatReceipt(digits),
          view: latest,
          messageSent: sent,
          errors,
          draft: sent ? '' : text,
        };
        return renderPage(c, FOLLOW_UP_PAGE, { followUpOutcome }, sent ? 201 : 400);
      }
      return sent ? c.json(latest, 201) : c.json({ errors }, 400);
    });
}
