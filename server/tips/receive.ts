import { CAPTCHA_FAILED_MESSAGE, type Captcha } from '../captcha/captcha.ts';
import type { Db } from '../db/client.ts';
import { PhotoError, sanitizePhoto, type SanitizedPhoto } from '../photos/sanitize.ts';
import type { Secrets } from '../secrets.ts';
import { submitTip, TipRejected, type SubmittedTip } from './submit.ts';
import { MAX_PHOTOS, parseTipFields, type FieldError } from './tip-request.ts';

export interface ReceiveDeps {
  db: Db;
  secrets: Secrets;
  captcha: Captcha;
  now: Date;
}

export type ReceiveOutcome = { ok: true; tip: SubmittedTip } | { ok: false; errors: FieldError[] };

const PHOTO_LIMIT_MESSAGE = `Tối đa ${MAX_PHOTOS} ảnh, mỗi ảnh dưới 10 MB.`;

/** Re-encodes every photo; a photo that fails is named by its place in the list. */
export async function sanitizePhotos(files: File[]): Promise<{ ok: true; photos: SanitizedPhoto[] } | { ok: false; errors: FieldError[] }> {
  if (files.length > MAX_PHOTOS) return { ok: false, errors: [{ field: 'photos', message: PHOTO_LIMIT_MESSAGE }] };
  const results = await Promise.allSettled(files.map(async (file) => sanitizePhoto(new Uint8Array(await file.arrayBuffer()))));
  const failed = results.findIndex((result) => result.status === 'rejected');
  if (failed >= 0) {
    const reason = (results[failed] as PromiseRejectedResult).reason;
    if (!(reason instanceof PhotoError)) throw reason;
    const which = files.length > 1 ? `Ảnh thứ ${failed + 1} (${files[failed]!.name || 'không tên'}): ` : '';
    return { ok: false, errors: [{ field: 'photos', message: `${which}${reason.message}` }] };
  }
  return { ok: true, photos: results.map((result) => (result as PromiseFulfilledResult<SanitizedPhoto>).value) };
}

/**
 * A tip as it arrives: fields checked first (so a tipster with a typo keeps their captcha), then the
 * captcha, then the photos, then one transaction. Any failure leaves nothing stored.
 */
export async function receiveTip(deps: ReceiveDeps, fields: Record<string, unknown>, files: File[]): Promise<ReceiveOutcome> {
  const parsed = parseTipFields(fields, deps.now);
  const errors: FieldError[] = parsed.ok ? [] : [...parsed.errors];
  if (files.length > MAX_PHOTOS) errors.push({ field: 'photos', message: PHOTO_LIMIT_MESSAGE });
  if (!parsed.ok || errors.length > 0) return { ok: false, errors: orderLike(errors) };

  const { captcha: token, ...tip } = parsed.value;
  const captcha = await deps.captcha.verify(token);
  if (captcha === 'failed') {
    return { ok: false, errors: [{ field: 'captcha', message: CAPTCHA_FAILED_MESSAGE }] };
  }
  const photos = await sanitizePhotos(files);
  if (!photos.ok) return photos;
  try {
    return { ok: true, tip: await submitTip(deps.db, deps.secrets, tip, captcha, photos.photos) };
  } catch (error) {
    if (error instanceof TipRejected) return { ok: false, errors: error.errors };
    throw error;
  }
}

const FIELD_ORDER = ['category', 'communeCode', 'place', 'observedAt', 'description', 'avoidCommunePolice', 'photos', 'captcha'];
const orderLike = (errors: FieldError[]) => [...errors].sort((a, b) => FIELD_ORDER.indexOf(a.field ?? '') - FIELD_ORDER.indexOf(b.field ?? ''));
