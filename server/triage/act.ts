import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../auth/audit.ts';
import type { Db } from '../db/client.ts';
import { tips } from '../db/schema.ts';
import { findTipInScope, TipNotFound, TriageError, TriageForbidden, type TipRow } from './access.ts';

/**
 * The frame of every officer action on a tip: one transaction that locks the tip, checks the caller's
 * scope and rights, refuses purged tips, does the work, stamps updated_at and (the first time) first_action_at,
 * and writes the audit entry. If any step throws, nothing of it stays.
 */
export const PURGED_MESSAGE = 'Nội dung tin này đã được xoá theo thời hạn lưu trữ nên không thể thao tác thêm.';

export interface ActionOutcome {
  /** Dotted, past tense: 'tip.status.changed'. */
  action: string;
  /** Small facts for the audit log: codes and ids, never tip content or note text. */
  detail?: Record<string, unknown>;
  /** Columns of the tip to change with the stamp (status, closed_at, owner …). */
  changes?: Partial<Pick<TipRow, 'status' | 'closedAt' | 'assignedUserId' | 'ownerQueueCode' | 'routingReason'>>;
}

export interface ActionOptions {
  /** 'owner' (the default): only the owner queue's staff and administrators; 'read': anyone who sees the tip. */
  needs?: 'owner' | 'read';
  now?: Date;
}

export type TipAction = (tx: Db, tip: TipRow, now: Date) => Promise<ActionOutcome>;

export async function actOnTip(db: Db, actor: Actor, tipId: number, work: TipAction, { needs = 'owner', now = new Date() }: ActionOptions = {}): Promise<void> {
  await db.transaction(async (tx) => {
    const scope = await findTipInScope(tx, actor, tipId, { lock: true });
    if (!scope) throw new TipNotFound();
    if (needs === 'owner' && scope.access !== 'owner') throw new TriageForbidden();
    if (scope.tip.purgedAt) throw new TriageError('tip', PURGED_MESSAGE);
    const outcome = await work(tx, scope.tip, now);
    await tx
      .update(tips)
      .set({ ...outcome.changes, updatedAt: now, firstActionAt: sql`coalesce(${tips.firstActionAt}, ${now.toISOString()}::timestamptz)` })
      .where(eq(tips.id, tipId));
    await recordAudit(tx, { actor, action: outcome.action, targetType: 'tip', targetId: String(tipId), detail: outcome.detail ?? {} }, now);
  });
}

/** Text an officer typed: NFC, trimmed, with a clear message when it is empty or too long. */
export function officerText(raw: string, field: string, { min, max, missing }: { min: number; max: number; missing: string }): string {
  const text = raw.normalize('NFC').trim();
  if (text.length === 0) throw new TriageError(field, missing);
  if (text.length < min) throw new TriageError(field, `Nhập ít nhất ${min} ký tự.`);
  if (text.length > max) throw new TriageError(field, `Tối đa ${max.toLocaleString('vi-VN')} ký tự (hiện có ${text.length.toLocaleString('vi-VN')}).`);
  return text;
}
