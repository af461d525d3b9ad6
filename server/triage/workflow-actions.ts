import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { queues, tipCopies, userQueues, users } from '../db/schema.ts';
import { formatVietnameseDate, vietnamDate } from '#shared/time/vietnam-time.ts';
import { CLOSED_STATUSES, statusOf, TIP_STATUSES } from '#shared/tips/statuses.ts';
import { isSupervising, TriageError, TriageForbidden } from './access.ts';
import { actOnTip, officerText } from './act.ts';

/**
 * Status, assignment and transfer. Rules beyond access.ts:
 * - The status form offers every status but 'trung-lap' (set by marking a duplicate, which records which
 *   tip it repeats) and 'da-chuyen' (set by a transfer, which records where it went). Entering a closed
 *   status stamps closed_at; leaving one clears it (the tip is reopened and retention stops counting).
 * - A transfer moves the tip to another active queue with a required reason: the new queue becomes the
 *   owner (its copy, if it had one, is dropped), the old owner keeps nothing (unless it is also a copy),
 *   the assignment is cleared, the reason is appended to the routing reason, and the status becomes
 *   'da-chuyen', which the tipster reads as "transferred to the competent unit".
 */

/** Statuses an officer may choose directly. */
export const CHOOSABLE_STATUSES = TIP_STATUSES.filter((status) => status.code !== 'trung-lap' && status.code !== 'da-chuyen');

const isClosed = (status: string) => (CLOSED_STATUSES as readonly string[]).includes(status);

/** closed_at after a move from one status to another: kept, stamped or cleared. */
export function closedAtAfter(current: { status: string; closedAt: Date | null }, next: string, now: Date): Date | null {
  if (!isClosed(next)) return null;
  return isClosed(current.status) ? (current.closedAt ?? now) : now;
}

export async function changeStatus(db: Db, actor: Actor, tipId: number, status: string, now = new Date()): Promise<void> {
  if (!CHOOSABLE_STATUSES.some((choice) => choice.code === status)) throw new TriageError('status', 'Chọn một trạng thái trong danh sách.');
  await actOnTip(
    db,
    actor,
    tipId,
    async (_tx, tip) => {
      if (tip.status === status) throw new TriageError('status', `Tin đang ở trạng thái “${statusOf(status).label}”. Chọn trạng thái khác.`);
      return {
        action: 'tip.status.changed',
        detail: { from: tip.status, to: status },
        changes: { status, closedAt: closedAtAfter(tip, status, now) },
      };
    },
    { now },
  );
}

/** Officers and supervisors of a queue who may be given its tips, by username. */
export async function queueOfficers(db: Db, queueCode: string): Promise<{ id: string; username: string }[]> {
  const rows = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .innerJoin(userQueues, eq(userQueues.userId, users.id))
    .where(and(eq(userQueues.queueCode, queueCode), eq(users.active, true), inArray(users.role, ['officer', 'supervisor'])));
  return rows.sort((a, b) => a.username.localeCompare(b.username, 'vi'));
}

/** Assigns the tip to `userId`, or clears the assignment with null. */
export async function assignTip(db: Db, actor: Actor, tipId: number, userId: string | null, now = new Date()): Promise<void> {
  await actOnTip(
    db,
    actor,
    tipId,
    async (tx, tip) => {
      if (!isSupervising(actor)) {
        const allowed = (userId === actor.userId && tip.assignedUserId === null) || (userId === null && tip.assignedUserId === actor.userId);
        if (!allowed)
          throw new TriageForbidden('Cán bộ chỉ được nhận tin chưa giao cho ai hoặc trả lại tin mình đang giữ. Lãnh đạo hàng đợi giao tin cho người khác.');
      }
      if (userId === tip.assignedUserId) throw new TriageError('assignee', userId ? 'Tin đã được giao cho người này.' : 'Tin chưa được giao cho ai.');
      let username: string | null = null;
      if (userId !== null) {
        const officer = (await queueOfficers(tx, tip.ownerQueueCode)).find((candidate) => candidate.id === userId);
        if (!officer) throw new TriageError('assignee', 'Chọn một cán bộ đang hoạt động của hàng đợi sở hữu tin.');
        username = officer.username;
      }
      return { action: 'tip.assigned', detail: { to: username }, changes: { assignedUserId: userId } };
    },
    { now },
  );
}

export const TRANSFER_REASON = { min: 10, max: 500 };

/** Moves the tip to another active queue (supervisors and administrators). */
export async function transferTip(db: Db, actor: Actor, tipId: number, queueCode: string, reasonText: string, now = new Date()): Promise<void> {
  const reason = officerText(reasonText, 'transferReason', { ...TRANSFER_REASON, missing: 'Nhập lý do chuyển tin.' });
  await actOnTip(
    db,
    actor,
    tipId,
    async (tx, tip) => {
      if (!isSupervising(actor)) throw new TriageForbidden('Chỉ lãnh đạo hàng đợi hoặc quản trị viên được chuyển tin sang đơn vị khác.');
      if (queueCode === tip.ownerQueueCode) throw new TriageError('transferQueue', 'Tin đang thuộc hàng đợi này. Chọn một đơn vị khác.');
      const found = await tx
        .select({ code: queues.code, name: queues.name, active: queues.active })
        .from(queues)
        .where(inArray(queues.code, [queueCode, tip.ownerQueueCode]));
      const target = found.find((queue) => queue.code === queueCode);
      if (!target?.active) throw new TriageError('transferQueue', 'Chọn đơn vị nhận trong danh sách.');
      const from = found.find((queue) => queue.code === tip.ownerQueueCode)?.name ?? tip.ownerQueueCode;
      await tx.delete(tipCopies).where(and(eq(tipCopies.tipId, tip.id), eq(tipCopies.queueCode, queueCode)));
      const note = `Ngày ${formatVietnameseDate(vietnamDate(now))}, ${actor.username} chuyển từ ${from} sang ${target.name}: ${reason}`;
      return {
        action: 'tip.transferred',
        detail: { from: tip.ownerQueueCode, to: queueCode },
        changes: { ownerQueueCode: queueCode, assignedUserId: null, status: 'da-chuyen', closedAt: null, routingReason: `${tip.routingReason}\n${note}` },
      };
    },
    { now },
  );
}
