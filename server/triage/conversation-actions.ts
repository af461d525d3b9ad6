import type { Actor } from '../auth/actor.ts';
import { seal } from '../crypto/keyring.ts';
import type { Db } from '../db/client.ts';
import { tipMessages, tipNotes } from '../db/schema.ts';
import type { Secrets } from '../secrets.ts';
import { MESSAGE_MAX } from '../tips/follow-up.ts';
import { actOnTip, officerText } from './act.ts';

/**
 * Internal notes and replies to the tipster, both sealed like the tip. A note is for staff only and any
 * queue that sees the tip may add one (copy queues too: they may know something). A reply is read by the
 * tipster on the follow-up page with their receipt, so only the owner queue writes one; it records which
 * officer wrote it, which the tipster never sees. Audit entries hold ids only, never the text.
 */

export const NOTE_LIMITS = { min: 2, max: 5000 };
export const REPLY_LIMITS = { min: 2, max: MESSAGE_MAX };

export async function addNote(db: Db, secrets: Secrets, actor: Actor, tipId: number, text: string, now = new Date()): Promise<void> {
  const sealed = seal(secrets.tipKeys, officerText(text, 'note', { ...NOTE_LIMITS, missing: 'Nhập nội dung ghi chú.' }));
  await actOnTip(
    db,
    actor,
    tipId,
    async (tx) => {
      const [note] = await tx
        .insert(tipNotes)
        .values({ tipId, authorUserId: actor.userId, authorName: actor.username, keyId: sealed.keyId, textSealed: sealed.data, createdAt: now })
        .returning({ id: tipNotes.id });
      return { action: 'tip.note.added', detail: { noteId: note!.id } };
    },
    { needs: 'read', now },
  );
}

export async function replyToTipster(db: Db, secrets: Secrets, actor: Actor, tipId: number, text: string, now = new Date()): Promise<void> {
  const sealed = seal(secrets.tipKeys, officerText(text, 'reply', { ...REPLY_LIMITS, missing: 'Nhập nội dung trả lời người báo tin.' }));
  await actOnTip(
    db,
    actor,
    tipId,
    async (tx) => {
      const [message] = await tx
        .insert(tipMessages)
        .values({ tipId, author: 'police', authorUserId: actor.userId, keyId: sealed.keyId, textSealed: sealed.data, createdAt: now })
        .returning({ id: tipMessages.id });
      return { action: 'tip.replied', detail: { messageId: message!.id } };
    },
    { now },
  );
}
