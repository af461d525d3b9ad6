import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../auth/audit.ts';
import type { Db } from '../db/client.ts';
import { tipMessages, tipPhotos, tips } from '../db/schema.ts';
import { openText, seal } from '../crypto/keyring.ts';
import type { SanitizedPhoto } from '../photos/sanitize.ts';
import type { Secrets } from '../secrets.ts';
import { categoryLabel } from '#shared/tips/categories.ts';
import { receiptHash } from './receipt.ts';
import { statusOf } from '#shared/tips/statuses.ts';
import { photoRow } from './submit.ts';

export const MESSAGE_MIN = 2;
export const MESSAGE_MAX = 5000;

/** What a tipster may see: the status in plain words and the conversation — nothing about officers or units. */
export interface TipPublicView {
  status: string;
  statusLabel: string;
  statusText: string;
  category: string;
  receivedOn: string;
  photoCount: number;
  messages: { author: 'tipster' | 'police'; text: string; sentAt: string; photoCount: number }[];
  /** A purged tip keeps its status but no longer accepts messages. */
  acceptsMessages: boolean;
}

export async function findTipIdByReceipt(db: Db, secrets: Secrets, digits: string): Promise<number | null> {
  const [row] = await db
    .select({ id: tips.id })
    .from(tips)
    .where(eq(tips.receiptHash, receiptHash(secrets.receiptSecret, digits)));
  return row?.id ?? null;
}

export async function tipPublicView(db: Db, secrets: Secrets, tipId: number): Promise<TipPublicView> {
  const [[tip], messages, photoCounts] = await Promise.all([
    db.select().from(tips).where(eq(tips.id, tipId)),
    db.select().from(tipMessages).where(eq(tipMessages.tipId, tipId)).orderBy(asc(tipMessages.createdAt), asc(tipMessages.id)),
    db.select({ messageId: tipPhotos.messageId, value: count() }).from(tipPhotos).where(eq(tipPhotos.tipId, tipId)).groupBy(tipPhotos.messageId),
  ]);
  if (!tip) throw new Error(`tip ${tipId} not found`);
  const status = statusOf(tip.status);
  const photosOf = (messageId: number | null) => photoCounts.find((row) => row.messageId === messageId)?.value ?? 0;
  return {
    status: status.code,
    statusLabel: status.label,
    statusText: status.publicText,
    category: categoryLabel(tip.category),
    receivedOn: tip.createdAt.toISOString(),
    photoCount: photosOf(null),
    messages: messages
      .filter((message) => message.textSealed)
      .map((message) => ({
        author: message.author,
        text: openText(secrets.tipKeys, { keyId: message.keyId, data: message.textSealed! }),
        sentAt: message.createdAt.toISOString(),
        photoCount: photosOf(message.id),
      })),
    acceptsMessages: tip.purgedAt === null,
  };
}

/**
 * Adds the tipster's message (and photos) to their tip, in one transaction. Answers false, storing
 * nothing, when the tip's content was purged and it no longer accepts messages.
 */
export async function addTipsterMessage(db: Db, secrets: Secrets, tipId: number, text: string, photos: SanitizedPhoto[]): Promise<boolean> {
  const sealed = seal(secrets.tipKeys, text);
  return db.transaction(async (tx) => {
    const [open] = await tx
      .select({ id: tips.id })
      .from(tips)
      .where(and(eq(tips.id, tipId), isNull(tips.purgedAt)));
    if (!open) return false;
    const [message] = await tx
      .insert(tipMessages)
      .values({ tipId, author: 'tipster', keyId: sealed.keyId, textSealed: sealed.data })
      .returning({ id: tipMessages.id });
    if (photos.length > 0) await tx.insert(tipPhotos).values(photos.map((photo) => photoRow(secrets, tipId, message!.id, photo)));
    await tx.update(tips).set({ updatedAt: new Date() }).where(eq(tips.id, tipId));
    await recordAudit(tx, { actor: 'system', action: 'tip.message.received', targetType: 'tip', targetId: String(tipId), detail: { photos: photos.length } });
    return true;
  });
}
