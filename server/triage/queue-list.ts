import { and, count, eq, gt, gte, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { communes, tipCopies, tips, tipTags, users } from '../db/schema.ts';
import { TIP_STATUSES } from '#shared/tips/statuses.ts';
import { findTipInScope, worksTips } from './access.ts';

/**
 * The queue list. A list shows either the tips a queue owns (the work: `view: 'owned'`, the default) or the
 * information copies it received (`view: 'copies'`), never both mixed: each is then one indexed range
 * (owner queue, category, status, received) instead of an OR across two tables, which keeps a page under
 * 20 ms on a million tips. Pagination is by keyset (the last row's sort key and id), so page 500 costs what
 * page 1 costs. The caller's scope is always applied: a queue they do not work gives an empty list.
 */

export const QUEUE_PAGE_SIZE = 50;
export const QUEUE_SORTS = ['newest', 'oldest', 'updated'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface QueueFilters {
  /** One queue code; none = every queue of the caller (all queues for an administrator). */
  queue?: string;
  view?: 'owned' | 'copies';
  status?: string;
  category?: string;
  communeCode?: string;
  /** Received at or after (inclusive). */
  from?: Date;
  /** Received before (exclusive). */
  until?: Date;
  hasPhotos?: boolean;
  captchaUnverified?: boolean;
  tag?: string;
  assignedToMe?: boolean;
  /** Tips about the same place as this tip (same place fingerprint), if the caller sees that tip. */
  samePlaceAs?: number;
  sort?: QueueSort;
  /** The `nextCursor` of the previous page. */
  after?: string;
  limit?: number;
}

export interface QueueTipRow {
  id: number;
  category: string;
  communeCode: string | null;
  communeName: string | null;
  status: string;
  ownerQueueCode: string;
  createdAt: Date;
  updatedAt: Date;
  photoCount: number;
  captchaStatus: 'verified' | 'unverified';
  assignedUsername: string | null;
  purged: boolean;
}

export interface QueuePage {
  rows: QueueTipRow[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** The tips matching `filters` that the caller may see, one page in the chosen order. */
export async function listQueueTips(db: Db, actor: Actor, filters: QueueFilters = {}): Promise<QueuePage> {
  const where = await conditions(db, actor, filters);
  if (!where) return { rows: [], nextCursor: null };
  const sort = filters.sort ?? 'newest';
  const key = sort === 'updated' ? tips.updatedAt : tips.createdAt;
  const ascending = sort === 'oldest';
  const cursor = parseCursor(filters.after);
  if (cursor) where.push(sql`(${key}, ${tips.id}) ${sql.raw(ascending ? '>' : '<')} (${cursor.at}::timestamptz, ${cursor.id})`);
  const limit = Math.min(Math.max(1, filters.limit ?? QUEUE_PAGE_SIZE), 200);
  // The indexes are "DESC NULLS LAST"; PostgreSQL uses one for an ORDER BY only if the null placement
  // matches too (the columns are NOT NULL, so the placement changes nothing else).
  const order = ascending ? [sql`${key} asc nulls first`, sql`${tips.id} asc nulls first`] : [sql`${key} desc nulls last`, sql`${tips.id} desc nulls last`];
  const rows = await db
    .select({
      id: tips.id,
      category: tips.category,
      communeCode: tips.communeCode,
      communeName: communes.name,
      status: tips.status,
      ownerQueueCode: tips.ownerQueueCode,
      createdAt: tips.createdAt,
      updatedAt: tips.updatedAt,
      photoCount: tips.photoCount,
      captchaStatus: tips.captchaStatus,
      assignedUsername: users.username,
      purgedAt: tips.purgedAt,
      sortKey: sql<string>`${key}::text`,
    })
    .from(tips)
    .leftJoin(communes, eq(communes.code, tips.communeCode))
    .leftJoin(users, eq(users.id, tips.assignedUserId))
    .where(and(...where))
    .orderBy(...order)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map(({ purgedAt, sortKey: _sortKey, ...row }) => ({ ...row, purged: purgedAt !== null })),
    nextCursor: rows.length > limit && last ? `${last.sortKey}|${last.id}` : null,
  };
}

/** Counts stop here: a tab then reads "1.000+" (a triage tab needs no more), and a queue of 300,000 tips counts in milliseconds. */
export const STATUS_COUNT_CAP = 1_000;

/**
 * How many tips match `filters` in each status (the status filter itself ignored), for the tabs; each count
 * is capped at STATUS_COUNT_CAP + 1, so a count above the cap means "more than the cap".
 */
export async function countQueueTipsByStatus(db: Db, actor: Actor, filters: QueueFilters = {}): Promise<Record<string, number>> {
  const { status: _status, ...withoutStatus } = filters;
  const where = await conditions(db, actor, withoutStatus);
  if (!where) return {};
  const counts = await Promise.all(
    TIP_STATUSES.map(async ({ code }) => {
      const capped = db
        .select({ one: sql`1` })
        .from(tips)
        .where(and(...where, eq(tips.status, code)))
        .limit(STATUS_COUNT_CAP + 1)
        .as('capped');
      const [row] = await db.select({ value: count() }).from(capped);
      return [code, Number(row!.value)] as const;
    }),
  );
  return Object.fromEntries(counts.filter(([, value]) => value > 0));
}

/** The WHERE conditions for the filters within the caller's scope; null when nothing can match. */
async function conditions(db: Db, actor: Actor, filters: QueueFilters): Promise<SQL[] | null> {
  if (!worksTips(actor)) return null;
  const queueCodes = filters.queue ? [filters.queue] : actor.role === 'admin' ? null : actor.queueCodes;
  if (queueCodes && actor.role !== 'admin' && !queueCodes.every((code) => actor.queueCodes.includes(code))) return null;
  if (queueCodes?.length === 0) return null;
  const where: SQL[] = [];
  if (filters.view === 'copies') {
    where.push(
      queueCodes
        ? inArray(tips.id, db.select({ id: tipCopies.tipId }).from(tipCopies).where(inArray(tipCopies.queueCode, queueCodes)))
        : sql`exists (select 1 from ${tipCopies} where ${tipCopies.tipId} = ${tips.id})`,
    );
  } else if (queueCodes) {
    where.push(queueCodes.length === 1 ? eq(tips.ownerQueueCode, queueCodes[0]!) : inArray(tips.ownerQueueCode, queueCodes));
  }
  if (filters.status) where.push(eq(tips.status, filters.status));
  if (filters.category) where.push(eq(tips.category, filters.category));
  if (filters.communeCode) where.push(eq(tips.communeCode, filters.communeCode));
  if (filters.from) where.push(gte(tips.createdAt, filters.from));
  if (filters.until) where.push(lt(tips.createdAt, filters.until));
  if (filters.hasPhotos) where.push(gt(tips.photoCount, 0));
  if (filters.captchaUnverified) where.push(eq(tips.captchaStatus, 'unverified'));
  if (filters.assignedToMe) where.push(eq(tips.assignedUserId, actor.userId));
  if (filters.tag) where.push(inArray(tips.id, db.select({ id: tipTags.tipId }).from(tipTags).where(eq(tipTags.tag, filters.tag))));
  if (filters.samePlaceAs !== undefined) {
    const reference = await findTipInScope(db, actor, filters.samePlaceAs);
    if (!reference?.tip.placeFingerprint) return null;
    where.push(eq(tips.placeFingerprint, reference.tip.placeFingerprint), isNotNull(tips.placeFingerprint));
  }
  return where;
}

/** "<timestamp text>|<id>", as listQueueTips hands it out; anything else reads as no cursor (page 1). */
function parseCursor(text: string | undefined): { at: string; id: number } | null {
  const match = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2})?)\|(\d{1,15})$/.exec(text ?? '');
  return match ? { at: match[1]!, id: Number(match[2]) } : null;
}
