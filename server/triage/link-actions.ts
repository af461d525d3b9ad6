import { and, count, eq, or } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { tipLinks, tipTags } from '../db/schema.ts';
import { findTipInScope, parseTipId, TriageError } from './access.ts';
import { actOnTip } from './act.ts';
import { closedAtAfter } from './workflow-actions.ts';

/**
 * Links between tips and tags on them (owner queue only). The other tip of a link must be one the caller
 * can see: a tip they cannot see gets the same answer as a tip that does not exist, so the form cannot be
 * used to probe other queues. Marking a duplicate closes the tip as 'trung-lap'; the tip it repeats stays
 * the one worked on. A pair of tips is linked once, whichever way round.
 */

export type LinkKind = 'duplicate' | 'related';

export async function linkTip(db: Db, actor: Actor, tipId: number, otherIdText: string, kind: LinkKind, now = new Date()): Promise<void> {
  const otherId = parseTipId(otherIdText);
  if (otherId === null) throw new TriageError('linkTipId', 'Nhập số của tin cần liên kết, ví dụ 1024.');
  if (otherId === tipId) throw new TriageError('linkTipId', 'Không thể liên kết một tin với chính nó. Nhập số của tin khác.');
  await actOnTip(
    db,
    actor,
    tipId,
    async (tx, tip) => {
      if (!(await findTipInScope(tx, actor, otherId))) throw new TriageError('linkTipId', `Không tìm thấy tin số ${otherId} trong các hàng đợi bạn được xem.`);
      const [existing] = await tx
        .select({ value: count() })
        .from(tipLinks)
        .where(or(and(eq(tipLinks.tipId, tipId), eq(tipLinks.linkedTipId, otherId)), and(eq(tipLinks.tipId, otherId), eq(tipLinks.linkedTipId, tipId))));
      if (existing!.value > 0) throw new TriageError('linkTipId', `Tin này đã được liên kết với tin số ${otherId}.`);
      await tx.insert(tipLinks).values({ tipId, linkedTipId: otherId, kind, createdBy: actor.userId, createdAt: now });
      if (kind === 'related') return { action: 'tip.linked', detail: { to: otherId } };
      return {
        action: 'tip.duplicate.marked',
        detail: { of: otherId, from: tip.status },
        changes: { status: 'trung-lap', closedAt: closedAtAfter(tip, 'trung-lap', now) },
      };
    },
    { now },
  );
}

export const TAG_MAX = 40;
export const TAGS_PER_TIP = 20;

/** A tag as stored: NFC, lower-case, single spaces; null when empty. */
export function normaliseTag(text: string): string | null {
  const tag = text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return tag === '' ? null : tag;
}

export async function addTag(db: Db, actor: Actor, tipId: number, text: string, now = new Date()): Promise<void> {
  const tag = normaliseTag(text);
  if (!tag) throw new TriageError('tag', 'Nhập nhãn cần gắn, ví dụ “điểm nóng”.');
  if (tag.length > TAG_MAX) throw new TriageError('tag', `Nhãn tối đa ${TAG_MAX} ký tự.`);
  await actOnTip(
    db,
    actor,
    tipId,
    async (tx) => {
      const present = await tx.select({ tag: tipTags.tag }).from(tipTags).where(eq(tipTags.tipId, tipId));
      if (present.some((row) => row.tag === tag)) throw new TriageError('tag', `Tin đã có nhãn “${tag}”.`);
      if (present.length >= TAGS_PER_TIP) throw new TriageError('tag', `Mỗi tin có tối đa ${TAGS_PER_TIP} nhãn. Gỡ bớt nhãn trước khi thêm.`);
      await tx.insert(tipTags).values({ tipId, tag });
      return { action: 'tip.tag.added', detail: { tag } };
    },
    { now },
  );
}

export async function removeTag(db: Db, actor: Actor, tipId: number, text: string, now = new Date()): Promise<void> {
  const tag = normaliseTag(text) ?? '';
  await actOnTip(
    db,
    actor,
    tipId,
    async (tx) => {
      const removed = await tx
        .delete(tipTags)
        .where(and(eq(tipTags.tipId, tipId), eq(tipTags.tag, tag)))
        .returning({ tag: tipTags.tag });
      if (removed.length === 0) throw new TriageError('tag', 'Tin không có nhãn này.');
      return { action: 'tip.tag.removed', detail: { tag } };
    },
    { now },
  );
}
