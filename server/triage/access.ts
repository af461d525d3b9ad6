import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { tipCopies, tips } from '../db/schema.ts';

/**
 * Who may see and work a tip (issue 4, item 4). Every triage module asks here; nothing else decides.
 *
 * - Reading: an officer or supervisor sees a tip whose owner queue, or one of whose copy queues, is among
 *   their queues; an administrator sees every tip; a reporter sees none. A tip outside the caller's scope
 *   is indistinguishable from a missing one (the pages answer 404), for reads and for every action.
 * - Working: changing the status, assigning, replying to the tipster, linking and tagging belong to the
 *   owner queue's officers and supervisors (and administrators). A copy queue is for information: its
 *   officers may read the tip and add internal notes, nothing else (403 on the other actions).
 * - Supervisors (and administrators) may also assign the tip to any officer or supervisor of the owner
 *   queue and transfer it to another queue; an officer may only take a tip nobody holds, or give back
 *   the one they hold. Purged tips (content removed by retention) accept no action at all.
 */

/** Who can work a tip that is visible: the owner queue (full work) or a copy queue (read and notes). */
export type TipAccess = 'owner' | 'copy';

export type TipRow = typeof tips.$inferSelect;

export interface TipInScope {
  tip: TipRow;
  access: TipAccess;
}

/** The tip does not exist or is outside the caller's scope: the page answers 404, whichever it was. */
export class TipNotFound extends Error {
  override name = 'TipNotFound';
  constructor() {
    super('Không tìm thấy tin này.');
  }
}

/** The caller sees the tip but may not do this to it (a copy queue's officer, an officer transferring). */
export class TriageForbidden extends Error {
  override name = 'TriageForbidden';
  constructor(message = 'Tài khoản của bạn chỉ được xem tin này và ghi chú nội bộ, không được thao tác khác.') {
    super(message);
  }
}

/** A bad input or a refused change, told to the officer beside the field it concerns (error-summary id). */
export class TriageError extends Error {
  override name = 'TriageError';
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

export const TRIAGE_ROLES = ['officer', 'supervisor', 'admin'] as const;

export const worksTips = (actor: Actor) => (TRIAGE_ROLES as readonly string[]).includes(actor.role);
export const isSupervising = (actor: Actor) => actor.role === 'supervisor' || actor.role === 'admin';

/** The SQL condition "the caller may read this tip", for lists and counts. */
export function visibleTipsCondition(actor: Actor): SQL {
  if (actor.role === 'admin') return sql`true`;
  if (!worksTips(actor) || actor.queueCodes.length === 0) return sql`false`;
  return sql`(${inArray(tips.ownerQueueCode, actor.queueCodes)} or exists (select 1 from ${tipCopies} where ${tipCopies.tipId} = ${tips.id} and ${inArray(tipCopies.queueCode, actor.queueCodes)}))`;
}

/**
 * The same rule as SQL text for hand-written named statements (server/db/statement.ts), whose text must
 * not change with the caller: `$all` is a boolean parameter (administrator), `$queues` a text[] one.
 */
export const visibleTipsText = (all: string, queues: string) =>
  `(${all} or tips.owner_queue_code = any(${queues}) or exists (select 1 from tip_copies where tip_copies.tip_id = tips.id and tip_copies.queue_code = any(${queues})))`;

/** The parameters visibleTipsText expects, for this caller. */
export const visibleTipsParams = (actor: Actor): [boolean, string[]] => [actor.role === 'admin', worksTips(actor) ? actor.queueCodes : []];

/**
 * The tip with the caller's access to it, or null when it is missing or outside their scope. `lock` takes
 * a row lock, so two officers acting at once on one tip are serialised inside their transactions.
 */
export async function findTipInScope(db: Db, actor: Actor, tipId: number, { lock = false } = {}): Promise<TipInScope | null> {
  if (!Number.isSafeInteger(tipId) || tipId <= 0 || !worksTips(actor)) return null;
  const query = db.select().from(tips).where(eq(tips.id, tipId));
  const [tip] = lock ? await query.for('update') : await query;
  if (!tip) return null;
  if (actor.role === 'admin' || actor.queueCodes.includes(tip.ownerQueueCode)) return { tip, access: 'owner' };
  if (actor.queueCodes.length === 0) return null;
  const [copy] = await db
    .select({ queueCode: tipCopies.queueCode })
    .from(tipCopies)
    .where(and(eq(tipCopies.tipId, tipId), inArray(tipCopies.queueCode, actor.queueCodes)))
    .limit(1);
  return copy ? { tip, access: 'copy' } : null;
}

/** A tip id as typed in a URL or a form: a positive whole number, else null. */
export function parseTipId(text: string | undefined): number | null {
  const trimmed = (text ?? '').trim().replace(/^#/, '');
  if (!/^\d{1,15}$/.test(trimmed)) return null;
  const id = Number(trimmed);
  return id > 0 ? id : null;
}
