import type { Db } from '../db/client.ts';
import { tipPhotos } from '../db/schema.ts';
import { fingerprint, seal } from '../crypto/keyring.ts';
import type { SanitizedPhoto } from '../photos/sanitize.ts';
import type { Secrets } from '../secrets.ts';
import { normalizeVietnamese } from '#shared/text/vietnamese.ts';
import type { CaptchaOutcome } from '../captcha/captcha.ts';
import { generateReceipt, receiptHash } from './receipt.ts';
import { decideRoute } from './routing.ts';
import { routingContext } from './routing-context.ts';
import { insertTip, type TipRow } from './store-tip.ts';
import type { FieldError, TipFields } from './tip-request.ts';

export class TipRejected extends Error {
  override name = 'TipRejected';
  readonly errors: FieldError[];
  constructor(errors: FieldError[]) {
    super(errors.map((error) => error.message).join(' '));
    this.errors = errors;
  }
}

export interface SubmittedTip {
  tipId: number;
  /** 16 digits, shown once to the tipster and never stored. */
  receipt: string;
  removedMetadata: string[];
}

/** The keyed fingerprint officers use to count tips about the same place without linking tipsters. */
export const placeFingerprint = (secrets: Secrets, place: string) => fingerprint(secrets.receiptSecret, `place:${normalizeVietnamese(place)}`);

/**
 * Stores a tip atomically — content sealed, photos, routing decision and copies, audit entry — and returns
 * the receipt. If anything fails, nothing is stored and no receipt exists.
 */
export async function submitTip(
  db: Db,
  secrets: Secrets,
  fields: Omit<TipFields, 'captcha'>,
  captcha: Exclude<CaptchaOutcome, 'failed'>,
  photos: SanitizedPhoto[],
): Promise<SubmittedTip> {
  const context = await routingContext(db);
  const commune = fields.communeCode ? context.communes.get(fields.communeCode) : null;
  if (fields.communeCode && !commune?.active) {
    throw new TipRejected([{ field: 'communeCode', message: 'Chọn xã, phường trong danh sách, hoặc chọn “Không rõ”.' }]);
  }
  const route = decideRoute(context.rules, context.queues, {
    category: fields.category,
    commune: commune ?? null,
    avoidCommunePolice: fields.avoidCommunePolice,
  });

  const receipt = generateReceipt();
  const description = seal(secrets.tipKeys, fields.description);
  const place = fields.place ? seal(secrets.tipKeys, fields.place) : null;
  const row: TipRow = {
    receiptHash: receiptHash(secrets.receiptSecret, receipt),
    category: fields.category,
    communeCode: fields.communeCode,
    observedOn: fields.observedAt,
    keyId: description.keyId,
    descriptionSealed: description.data,
    placeSealed: place?.data ?? null,
    placeFingerprint: fields.place ? placeFingerprint(secrets, fields.place) : null,
    avoidCommunePolice: fields.avoidCommunePolice,
    captchaStatus: captcha,
    ownerQueueCode: route.ownerQueueCode,
    routingReason: route.reason,
    photoCount: photos.length,
  };
  const audit = {
    actor: 'system' as const,
    action: 'tip.received',
    detail: { owner: route.ownerQueueCode, copies: route.copyQueueCodes, captcha, photos: photos.length },
  };
  // A text tip is one statement, atomic by itself; photos join it in a transaction.
  const tipId =
    photos.length === 0
      ? await insertTip(db, row, route.copyQueueCodes, audit)
      : await db.transaction(async (tx) => {
          const id = await insertTip(tx, row, route.copyQueueCodes, audit);
          await tx.insert(tipPhotos).values(photos.map((photo) => photoRow(secrets, id, null, photo)));
          return id;
        });
  return { tipId, receipt, removedMetadata: [...new Set(photos.flatMap((photo) => photo.removedMetadata))] };
}

export function photoRow(secrets: Secrets, tipId: number, messageId: number | null, photo: SanitizedPhoto) {
  const image = seal(secrets.tipKeys, photo.bytes);
  return {
    tipId,
    messageId,
    keyId: image.keyId,
    imageSealed: image.data,
    mediaType: photo.mediaType,
    width: photo.width,
    height: photo.height,
    originalSha256: photo.originalSha256,
    removedMetadata: photo.removedMetadata,
  };
}
