import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { apiError } from '../http/api-error.ts';
import { requireStaff, staffSession } from '../http/staff-session.ts';
import { cleanEvidence, EVIDENCE_LIMITS } from '../outreach/evidence.ts';
import { lessonKitOptions } from '../outreach/kits.ts';
import { OutreachRefusal, refuse, type FieldError } from '../outreach/errors.ts';
import { CAPTCHA_FAILED_MESSAGE } from '../captcha/captcha.ts';
import { cachedProgress } from '../outreach/progress.ts';
import { checkPublicSession, storePublicSession } from '../outreach/public-submission.ts';
import { buildOutreachReport } from '../outreach/report-data.ts';
import { importSchools } from '../outreach/school-import.ts';
import { attachment, SPREADSHEET_MEDIA_TYPES } from '../reports/spreadsheet.ts';
import { createSubmissionRateLimiter, type SubmissionRateLimiter } from '../outreach/submission-rate-limit.ts';
import { isoFromVietnameseDate, vietnamDate, yearOf } from '#shared/time/vietnam-time.ts';
import { submissionFormOptions } from '../outreach/form-options.ts';
import { fillPageTemplate, renderSubmissionForm, renderSubmissionReceipt } from '../http/string-pages/submission-form.ts';
import { translator, type Lang } from '#shared/i18n/index.ts';

/** Upload routes set their own, larger body limits; the API's general limit skips them. */
export const OUTREACH_UPLOAD_PATHS = ['/api/outreach/submissions', '/api/outreach/schools/import'];

const yearParam = z.coerce
  .number({ message: 'Năm phải là số, ví dụ 2026.' })
  .int('Năm phải là số nguyên.')
  .min(2021, 'Chỉ có số liệu từ năm 2021.')
  .max(2100, 'Năm không hợp lệ.');

/** GET /progress?year=Y — the year defaults to the current one in Vietnam. */
export const outreachProgressRequest = z.object({ year: yearParam.optional() });
/** GET /reports?year=Y&kind=six-month|annual&format=xlsx|csv */
export const outreachReportRequest = z.object({
  year: yearParam,
  kind: z.enum(['six-month', 'annual'], { message: 'Chọn loại báo cáo: six-month hoặc annual.' }),
  format: z.enum(['xlsx', 'csv'], { message: 'Chọn định dạng: xlsx hoặc csv.' }).default('xlsx'),
});
/** POST /submissions (multipart/form-data): the public report form's text fields. */
export const createOutreachSubmissionRequest = z.object({
  lang: z.enum(['vi', 'en']).catch('vi'),
  heldOn: z.string().default(''),
  communeCode: z.string().default(''),
  includeCommune: z.string().optional(),
  schools: z.string().max(2000, 'Danh sách mã trường tối đa 2.000 ký tự.').default(''),
  form: z.string().default(''),
  agencyCode: z.string().default(''),
  audience: z.string().default(''),
  kitSlug: z.string().default(''),
  notes: z.string().default(''),
  reporterName: z.string().default(''),
  reporterContact: z.string().default(''),
  /** The ALTCHA or hCaptcha token, as on the tip form. */
  captcha: z.string().default(''),
});

const wantsHtml = (c: Context) => (c.req.header('accept') ?? '').includes('text/html');
const formTemplates = new Map<string, Promise<string | null>>();
function formTemplate(siteDir: string | null, lang: Lang): Promise<string | null> {
  if (!siteDir) return Promise.resolve(null);
  const path = join(siteDir, 'client', ...(lang === 'en' ? ['en'] : []), 'tien-do', 'bao-cao', 'index.html');
  if (!formTemplates.has(path))
    formTemplates.set(
      path,
      readFile(path, 'utf8').catch(() => null),
    );
  return formTemplates.get(path)!;
}

export interface OutreachApiOptions {
  /** The Astro build (for the HTML answers to the no-JavaScript form); null answers a bare page. */
  siteDir: string | null;
  rateLimiter?: SubmissionRateLimiter;
}

export function createOutreachApi({ siteDir, rateLimiter = createSubmissionRateLimiter() }: OutreachApiOptions) {
  const answerSubmission = async (
    c: Context<AppEnv>,
    lang: Lang,
    status: 201 | 400 | 413 | 422 | 429,
    result: { reference: string } | { errors: FieldError[]; values: Record<string, string> },
  ) => {
    if (!wantsHtml(c)) return c.json('reference' in result ? { reference: result.reference } : { errors: result.errors }, status);
    const t = translator(lang);
    const region =
      'reference' in result
        ? renderSubmissionReceipt(lang, result.reference)
        : renderSubmissionForm({ lang, ...submissionFormOptions(lessonKitOptions()), values: result.values, errors: result.errors });
    const title = 'reference' in result ? t('outreach.submit.doneTitle') : `${lang === 'vi' ? 'Lỗi: ' : 'Error: '}${t('outreach.submit.title')}`;
    return c.html(fillPageTemplate(await formTemplate(siteDir, lang), region, title), status);
  };

  return new Hono<AppEnv>()
    .get('/progress', async (c) => {
      const query = outreachProgressRequest.safeParse(c.req.query());
      if (!query.success) return c.json(apiError('year', query.error.issues[0]!.message), 400);
      const year = query.data.year ?? yearOf(vietnamDate(new Date()));
      return c.json(await cachedProgress(c.var.database.db, year));
    })
    .post(
      '/submissions',
      bodyLimit({
        maxSize: EVIDENCE_LIMITS.maxFiles * EVIDENCE_LIMITS.maxBytes + 1024 * 1024,
        onError: (c) => c.json(apiError('evidence', 'Tổng dung lượng gửi lên quá lớn: tối đa 5 tệp, mỗi tệp dưới 10 MB.'), 413),
      }),
      async (c) => {
        const body = await c.req.parseBody({ all: true }).catch(() => null);
        if (!body) return c.json(apiError(null, 'Gửi biểu mẫu dạng multipart/form-data.'), 400);
        const text = Object.fromEntries(Object.entries(body).filter(([, value]) => typeof value === 'string'));
        const fields = createOutreachSubmissionRequest.safeParse(text);
        const lang: Lang = fields.success ? fields.data.lang : 'vi';
        const values = Object.fromEntries(Object.entries(text).map(([key, value]) => [key, String(value)]));
        if (!fields.success)
          return answerSubmission(c, lang, 422, {
            errors: fields.error.issues.map((issue) => ({ field: String(issue.path[0]), message: issue.message })),
            values,
          });
        const input = fields.data;
        const schoolCodes = input.schools.split(/[\s,;]+/u).filter(Boolean);
        if (!rateLimiter.tryTake([input.communeCode, ...schoolCodes])) {
          return answerSubmission(c, lang, 429, {
            errors: [{ field: null, message: 'Đã có quá nhiều báo cáo gửi trong ít phút. Vui lòng thử lại sau 10 phút.' }],
            values,
          });
        }
        const files = ([] as unknown[]).concat(body['evidence'] ?? []).filter((value): value is File => value instanceof File && value.size > 0);
        try {
          const now = new Date();
          const db = c.var.database.db;
          // Fields first, then the captcha (a typo does not cost a solved captcha), then the files.
          const details = await checkPublicSession(
            db,
            { ...input, heldOn: isoFromVietnameseDate(input.heldOn), includeCommune: Boolean(input.includeCommune), schoolCodes },
            now,
          );
          // hCaptcha out of reach ('unverified') lets the report through: it waits for a supervisor anyway.
          if ((await c.var.captcha.verify(input.captcha)) === 'failed') throw refuse(422, 'captcha', CAPTCHA_FAILED_MESSAGE);
          const evidence = await cleanEvidence(await Promise.all(files.map(async (file) => ({ bytes: new Uint8Array(await file.arrayBuffer()) }))));
          const id = await storePublicSession(db, details, { evidence, now });
          return answerSubmission(c, lang, 201, { reference: id.slice(0, 8).toUpperCase() });
        } catch (error) {
          if (!(error instanceof OutreachRefusal)) throw error;
          // Files cannot be kept in a re-shown form: say so next to the field.
          const errors =
            files.length && !error.errors.some((problem) => problem.field === 'evidence')
              ? [...error.errors, { field: 'evidence', message: 'Chọn lại tệp minh chứng trước khi gửi lại.' }]
              : error.errors;
          return answerSubmission(c, lang, error.status === 422 ? 422 : 400, { errors: errors, values });
        }
      },
    )
    .get('/reports', staffSession(), requireStaff(['admin']), async (c) => {
      const query = outreachReportRequest.safeParse(c.req.query());
      if (!query.success) return c.json({ errors: query.error.issues.map((issue) => ({ field: String(issue.path[0]), message: issue.message })) }, 400);
      const { year, kind, format } = query.data;
      const report = await buildOutreachReport(c.var.database.db, year, kind);
      const name = `bao-cao-tuyen-truyen-${kind === 'annual' ? 'nam' : '6-thang'}-${year}.${format}`;
      // exceljs is large: loaded on the first report, not at every start.
      const { reportToCsv, reportToXlsx } = await import('../outreach/report-files.ts');
      const bytes = format === 'xlsx' ? await reportToXlsx(report) : reportToCsv(report);
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': SPREADSHEET_MEDIA_TYPES[format],
        'Content-Disposition': attachment(name),
      });
    })
    .post(
      '/schools/import',
      staffSession(),
      requireStaff(['admin']),
      bodyLimit({ maxSize: 5 * 1024 * 1024, onError: (c) => c.json(apiError('file', 'Tệp danh sách trường tối đa 5 MB.'), 413) }),
      async (c) => {
        const body = await c.req.parseBody().catch(() => null);
        const file = body?.['file'];
        if (!(file instanceof File) || file.size === 0) return c.json(apiError('file', 'Chọn tệp CSV danh sách trường học.'), 400);
        const result = await importSchools(c.var.database.db, c.var.actor!, new Uint8Array(await file.arrayBuffer()));
        if (!result.ok) return c.json({ errors: result.errors.map((error) => ({ field: 'file', line: error.line, message: error.message })) }, 422);
        return c.json(result, 200);
      },
    )
    .onError((error, c) => {
      if (error instanceof OutreachRefusal) return c.json({ errors: error.errors }, error.status);
      // As the app's own handler does: the message and stack only, never the request.
      c.var.logger.error({ err: { message: error.message, stack: error.stack } }, 'unhandled error');
      return c.json(apiError(null, 'Máy chủ gặp lỗi. Vui lòng thử lại sau.'), 500);
    });
}
