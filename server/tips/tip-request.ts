import { z } from 'zod';
import { isCalendarDate, vietnamDate } from '#shared/time/vietnam-time.ts';
import { TIP_CATEGORY_CODES } from '#shared/tips/categories.ts';

export const MAX_PHOTOS = 5;
export const DESCRIPTION_MIN = 20;
export const DESCRIPTION_MAX = 5000;
export const PLACE_MAX = 300;
export const UNKNOWN_COMMUNE = 'khong-ro';

export interface FieldError {
  field: string | null;
  message: string;
}

/** "2026-11-30" or "30/11/2026" (what people type where there is no date picker) → "2026-11-30", or null. */
export function parseDate(input: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  const vietnamese = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(input);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : vietnamese ? [vietnamese[3], vietnamese[2], vietnamese[1]] : [];
  if (!year || !month || !day) return null;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : null;
}

const text = (field: string) =>
  z.preprocess((value) => (typeof value === 'string' ? value.normalize('NFC').trim() : value), z.string({ error: `Trường ${field} không hợp lệ.` }));

const OBSERVED_AT_MESSAGE = 'Nhập ngày nhìn thấy theo dạng ngày/tháng/năm, không sau hôm nay.';

/**
 * The fields of a tip as they arrive from the form or the API (photos are checked separately, from their
 * bytes). Messages are Vietnamese instructions, in the order the form shows the fields. Built once: zod
 * compiles a parser per schema, and rebuilding it per request cost more than the rest of the request.
 * "Not after today" needs the clock, so parseTipFields checks it after parsing.
 */
export const createTipRequest = z.object({
  category: z.enum(TIP_CATEGORY_CODES, { error: 'Chọn loại hành vi bạn muốn báo tin.' }),
  communeCode: text('xã, phường')
    .optional()
    .transform((value) => (!value || value === UNKNOWN_COMMUNE ? null : value))
    .refine((value) => value === null || /^\d{5}$/.test(value), 'Chọn xã, phường trong danh sách, hoặc chọn “Không rõ”.'),
  place: text('địa điểm')
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || value.length <= PLACE_MAX, `Địa điểm tối đa ${PLACE_MAX} ký tự.`),
  observedAt: text('ngày')
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      const date = parseDate(value);
      if (!date || date < '2000-01-01') {
        context.addIssue({ code: 'custom', message: OBSERVED_AT_MESSAGE });
        return z.NEVER;
      }
      return date;
    }),
  description: text('nội dung')
    .optional()
    .transform((value) => value ?? '')
    .refine((value) => value.length > 0, 'Nhập nội dung tố giác.')
    .refine(
      (value) => value.length === 0 || value.length >= DESCRIPTION_MIN,
      `Nội dung cần ít nhất ${DESCRIPTION_MIN} ký tự để cơ quan chức năng xác minh được.`,
    )
    .refine((value) => value.length <= DESCRIPTION_MAX, `Nội dung tối đa ${DESCRIPTION_MAX.toLocaleString('vi-VN')} ký tự.`),
  avoidCommunePolice: z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean()).default(false),
  captcha: text('xác minh')
    .optional()
    .transform((value) => value ?? ''),
});

export type TipFields = z.output<typeof createTipRequest>;

/** The fields of a multipart form as plain values; repeated or file values where text belongs are refused. */
export function formFields(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (name === 'photos') continue;
    fields[name] = typeof value === 'string' ? (name in fields ? [fields[name], value] : value) : value;
  }
  return fields;
}

/** The photo files of a form; browsers send an empty, nameless part when no file was chosen. */
export function formPhotos(form: FormData): File[] {
  return form.getAll('photos').filter((value): value is File => typeof value !== 'string' && (value.size > 0 || value.name !== ''));
}

export function parseTipFields(fields: Record<string, unknown>, now: Date): { ok: true; value: TipFields } | { ok: false; errors: FieldError[] } {
  const result = createTipRequest.safeParse(fields);
  const errors = result.success ? [] : result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? '') || null, message: issue.message }));
  if (result.success && result.data.observedAt && result.data.observedAt > vietnamDate(now)) {
    errors.push({ field: 'observedAt', message: OBSERVED_AT_MESSAGE });
  }
  if (result.success && errors.length === 0) return { ok: true, value: result.data };
  return { ok: false, errors: firstPerField(errors) };
}

function firstPerField(errors: FieldError[]): FieldError[] {
  const seen = new Set<string | null>();
  return errors.filter((error) => !seen.has(error.field) && seen.add(error.field));
}
