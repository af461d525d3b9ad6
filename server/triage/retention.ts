import { and, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import { recordAudit } from '../auth/audit.ts';
import type { Db } from '../db/client.ts';
import { tipMessages, tipNotes, tipPhotos, tips, tipTags } from '../db/schema.ts';

/**
 * Retention: a tip's content is kept for `retentionDays` after it was closed, then removed for good — the
 * sealed description and place, the place fingerprint, the photos, the conversation with the tipster, the
 * officers' notes and tags (free text officers typed). What stays is what statistics and the follow-up page
 * need: category, commune, queues, status, dates and the receipt hash, so the tipster still sees the status.
 * A reopened tip has no closed_at and is never touched.
 */

export const PURGE_BATCH_SIZE = 500;

export interface PurgeOptions {
  now: Date;
  retentionDays: number;
  /** Tips per transaction, so a large backlog never holds locks on many rows for long. */
  batchSize?: number;
}

export interface PurgeResult {
  purged: number;
  batches: number;
}

export async function purgeExpiredTips(db: Db, { now, retentionDays, batchSize = PURGE_BATCH_SIZE }: PurgeOptions): Promise<PurgeResult> {
  const closedBefore = new Date(now.getTime() - retentionDays * 86_400_000);
  let purged = 0;
  let batches = 0;
  for (;;) {
    const ids = await purgeBatch(db, closedBefore, batchSize, now, retentionDays);
    if (ids.length === 0) break;
    purged += ids.length;
    batches += 1;
    if (ids.length < batchSize) break;
  }
  return { purged, batches };
}

/** One transaction: claim up to `batchSize` expired tips (skipping rows another writer holds), empty them, audit. */
async function purgeBatch(db: Db, closedBefore: Date, batchSize: number, now: Date, retentionDays: number): Promise<number[]> {
  return db.transaction(async (tx) => {
    const expired = tx
      .select({ id: tips.id })
      .from(tips)
      .where(and(isNotNull(tips.closedAt), lt(tips.closedAt, closedBefore), isNull(tips.purgedAt)))
      // Oldest closed first (tips_closed_at_idx).
      .orderBy(tips.closedAt, tips.id)
      .limit(batchSize)
      .for('update', { skipLocked: true });
    const rows = await tx
      .update(tips)
      .set({ descriptionSealed: null, placeSealed: null, placeFingerprint: null, purgedAt: now })
      .where(inArray(tips.id, expired))
      .returning({ id: tips.id });
    const ids = rows.map((row) => row.id).sort((a, b) => a - b);
    if (ids.length === 0) return ids;
    // Photos first: some belong to messages.
    await tx.delete(tipPhotos).where(inArray(tipPhotos.tipId, ids));
    await tx.delete(tipMessages).where(inArray(tipMessages.tipId, ids));
    await tx.delete(tipNotes).where(inArray(tipNotes.tipId, ids));
    await tx.delete(tipTags).where(inArray(tipTags.tipId, ids));
    await recordAudit(
      tx,
      { actor: 'system', action: 'tips.purged', targetType: 'tip', detail: { count: ids.length, firstId: ids[0], lastId: ids.at(-1), retentionDays } },
      now,
    );
    return ids;
  });
}
