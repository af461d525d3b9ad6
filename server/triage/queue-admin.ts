import { count, eq, notInArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import { recordAudit } from '../auth/audit.ts';
import type { Db } from '../db/client.ts';
import { queues, tips, userQueues } from '../db/schema.ts';
import { CLOSED_STATUSES } from '#shared/tips/statuses.ts';
import { forgetRoutingContext } from '../tips/routing-context.ts';

/**
 * Administrators keep the list of queues tips are routed to (issue 4, item 1): add a provincial unit,
 * rename one, deactivate or reactivate it. A queue is never deleted, since tips and users point at it.
 *
 * Deactivating does not move tips: routing (server/tips/routing.ts) sends new tips for the queue to PC04,
 * while the tips it already owns stay there and remain visible to its officers. PC04 is routing's fallback
 * owner, so it can never be deactivated. Commune police queues come from the commune registry only.
 */
export type QueueKind = (typeof queues.kind.enumValues)[number];
export type QueueField = 'code' | 'name' | 'kind' | 'active';

/** The fallback owner every rule falls back to (server/tips/routing.ts). */
export const FALLBACK_QUEUE = 'pc04';

/** Kinds an administrator may add: every kind but commune police, whose queues follow the commune registry. */
export const ADDABLE_QUEUE_KINDS = queues.kind.enumValues.filter((kind) => kind !== 'commune-police') as Exclude<QueueKind, 'commune-police'>[];

const CODE_PATTERN = /^[a-z0-9-]{2,40}$/;

/** A refused change: the field it concerns, a Vietnamese message, and the status a page should answer. Nothing was written. */
export class QueueRefusal extends Error {
  override name = 'QueueRefusal';
  readonly field: QueueField | null;
  readonly status: 403 | 404 | 409 | 422;
  constructor(status: 403 | 404 | 409 | 422, field: QueueField | null, message: string) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

export interface QueueAdminRow {
  code: string;
  name: string;
  kind: QueueKind;
  active: boolean;
  /** Tips the queue owns that are not in a closed status. */
  openTips: number;
  /** Officers and supervisors who work the queue. */
  users: number;
}

function assertAdmin(actor: Actor, doing: string): void {
  if (actor.role !== 'admin') throw new QueueRefusal(403, null, `Chỉ quản trị viên được ${doing}.`);
}

function checkedName(name: string): string {
  const trimmed = name.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (trimmed.length < 3 || trimmed.length > 120) throw new QueueRefusal(422, 'name', 'Tên hàng đợi dài từ 3 đến 120 ký tự.');
  return trimmed;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Every queue, active or not: provincial units first, then commune police, each by Vietnamese name. */
export async function listQueuesForAdmin(db: Db, actor: Actor): Promise<QueueAdminRow[]> {
  assertAdmin(actor, 'xem danh sách hàng đợi');
  const [rows, open, staff] = await Promise.all([
    db.select({ code: queues.code, name: queues.name, kind: queues.kind, active: queues.active }).from(queues),
    db
      .select({ code: tips.ownerQueueCode, n: count() })
      .from(tips)
      .where(notInArray(tips.status, [...CLOSED_STATUSES]))
      .groupBy(tips.ownerQueueCode),
    db.select({ code: userQueues.queueCode, n: count() }).from(userQueues).groupBy(userQueues.queueCode),
  ]);
  const openBy = new Map(open.map((row) => [row.code, Number(row.n)]));
  const usersBy = new Map(staff.map((row) => [row.code, Number(row.n)]));
  const isCommune = (kind: QueueKind) => (kind === 'commune-police' ? 1 : 0);
  return rows
    .map((row) => ({ ...row, openTips: openBy.get(row.code) ?? 0, users: usersBy.get(row.code) ?? 0 }))
    .sort((a, b) => isCommune(a.kind) - isCommune(b.kind) || collator.compare(a.name, b.name));
}

/** One queue for its edit page, or null. */
export async function findQueueForAdmin(db: Db, actor: Actor, code: string): Promise<QueueAdminRow | null> {
  return (await listQueuesForAdmin(db, actor)).find((row) => row.code === code) ?? null;
}

export interface NewQueue {
  code: string;
  name: string;
  kind: string;
}

export async function createQueue(db: Db, actor: Actor, input: NewQueue): Promise<void> {
  assertAdmin(actor, 'thêm hàng đợi');
  const code = input.code.trim();
  if (!CODE_PATTERN.test(code)) throw new QueueRefusal(422, 'code', 'Mã hàng đợi chỉ gồm chữ thường không dấu, số và dấu gạch ngang, 2–40 ký tự.');
  const name = checkedName(input.name);
  const kind = ADDABLE_QUEUE_KINDS.find((candidate) => candidate === input.kind);
  if (!kind) throw new QueueRefusal(422, 'kind', 'Chọn loại đơn vị. Hàng đợi công an xã, phường được tạo theo danh mục xã, phường.');
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ code: queues.code }).from(queues).where(eq(queues.code, code));
    if (existing) throw new QueueRefusal(409, 'code', 'Mã này đã có.');
    await tx.insert(queues).values({ code, name, kind });
    await recordAudit(tx, { actor, action: 'queue.created', targetType: 'queue', targetId: code, detail: { name, kind } });
  });
  forgetRoutingContext(db);
}

async function lockedQueue(tx: Db, code: string) {
  const [row] = await tx.select().from(queues).where(eq(queues.code, code)).for('update');
  if (!row) throw new QueueRefusal(404, null, `Không có hàng đợi mã ${code}.`);
  return row;
}

export async function renameQueue(db: Db, actor: Actor, code: string, newName: string): Promise<void> {
  assertAdmin(actor, 'đổi tên hàng đợi');
  const name = checkedName(newName);
  await db.transaction(async (tx) => {
    const before = await lockedQueue(tx, code);
    if (before.name === name) return;
    await tx.update(queues).set({ name }).where(eq(queues.code, code));
    await recordAudit(tx, { actor, action: 'queue.renamed', targetType: 'queue', targetId: code, detail: { before: before.name, after: name } });
  });
  forgetRoutingContext(db);
}

export async function setQueueActive(db: Db, actor: Actor, code: string, active: boolean): Promise<void> {
  assertAdmin(actor, active ? 'mở lại hàng đợi' : 'ngừng hàng đợi');
  if (!active && code === FALLBACK_QUEUE) {
    throw new QueueRefusal(422, 'active', 'Không thể ngừng hàng đợi PC04: tin không có đơn vị nhận nào khác đều chuyển về đây.');
  }
  await db.transaction(async (tx) => {
    const before = await lockedQueue(tx, code);
    if (before.active === active) return;
    await tx.update(queues).set({ active }).where(eq(queues.code, code));
    await recordAudit(tx, {
      actor,
      action: active ? 'queue.reactivated' : 'queue.deactivated',
      targetType: 'queue',
      targetId: code,
      detail: { name: before.name },
    });
  });
  forgetRoutingContext(db);
}
