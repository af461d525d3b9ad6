import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Actor, Role } from '#server/auth/actor.ts';
import type { Db } from '#server/db/client.ts';
import { tipCopies, tips } from '#server/db/schema.ts';
import { sanitizePhoto } from '#server/photos/sanitize.ts';
import type { Secrets } from '#server/secrets.ts';
import { submitTip } from '#server/tips/submit.ts';
import { plainImage } from './images.ts';
import { createStaff } from './staff.ts';
import { VALID_DESCRIPTION } from './tips.ts';

export interface StoredTipOptions {
  owner?: string;
  copies?: string[];
  category?: string;
  communeCode?: string | null;
  place?: string | null;
  description?: string;
  photos?: number;
  captcha?: 'verified' | 'unverified';
}

/** A tip stored the way the public form stores it, then routed to the owner and copies the test needs. */
export async function storeTip(db: Db, secrets: Secrets, options: StoredTipOptions = {}): Promise<number> {
  const photos = await Promise.all(Array.from({ length: options.photos ?? 0 }, async () => sanitizePhoto(await plainImage('png'))));
  const { tipId } = await submitTip(
    db,
    secrets,
    {
      category: (options.category ?? 'mua-ban-van-chuyen') as never,
      communeCode: options.communeCode === undefined ? '16681' : options.communeCode,
      place: options.place === undefined ? 'Quán karaoke cuối đường Lê Lợi' : options.place,
      observedAt: '2026-11-20',
      description: options.description ?? VALID_DESCRIPTION,
      avoidCommunePolice: false,
    },
    options.captcha ?? 'verified',
    photos,
  );
  await db
    .update(tips)
    .set({ ownerQueueCode: options.owner ?? 'pc04' })
    .where(eq(tips.id, tipId));
  await db.delete(tipCopies).where(eq(tipCopies.tipId, tipId));
  if (options.copies?.length) await db.insert(tipCopies).values(options.copies.map((queueCode) => ({ tipId, queueCode })));
  return tipId;
}

/** A staff account and the Actor its session would carry. */
export async function staffActor(db: Db, username: string, role: Role, queueCodes: string[] = []): Promise<Actor> {
  const staff = await createStaff(db, username, { role, queueCodes });
  return {
    userId: staff.user.id,
    username: staff.user.username,
    role,
    queueCodes: role === 'officer' || role === 'supervisor' ? queueCodes : [],
    unitCode: staff.user.unitCode,
  };
}

export interface StatisticsTip {
  createdAt: string;
  ownerQueueCode?: string;
  category?: string;
  communeCode?: string | null;
  status?: string;
  /** Hours after createdAt; omitted = not acted on yet. */
  firstActionAfterHours?: number;
  closedAt?: Date | null;
}

/** A tip row with only the columns statistics read (no content), as the triage pages leave it. */
export async function insertStatisticsTip(db: Db, tip: StatisticsTip): Promise<number> {
  const createdAt = new Date(tip.createdAt);
  const [row] = await db
    .insert(tips)
    .values({
      receiptHash: randomBytes(16).toString('hex'),
      category: tip.category ?? 'khac',
      communeCode: tip.communeCode ?? null,
      keyId: 'k1',
      captchaStatus: 'verified',
      status: tip.status ?? 'moi',
      ownerQueueCode: tip.ownerQueueCode ?? 'pc04',
      routingReason: 'test',
      createdAt,
      firstActionAt: tip.firstActionAfterHours === undefined ? null : new Date(createdAt.getTime() + tip.firstActionAfterHours * 3_600_000),
      closedAt: tip.closedAt ?? null,
    })
    .returning({ id: tips.id });
  return row!.id;
}

const HOUR = 3600;

/**
 * A small hand-made set around Vietnam-time month boundaries (UTC+7): 6 tips fall in 01/01–30/06/2026 in
 * Vietnam, 2 fall just outside it. pc04 owns 4 of the 6.
 */
export const STATISTICS_TIPS: StatisticsTip[] = [
  // 23:59:59 on 31/01 in Vietnam: January.
  { createdAt: '2026-01-31T16:59:59Z', category: 'mua-ban-van-chuyen', communeCode: '17662', status: 'dang-xac-minh', firstActionAfterHours: 2 },
  // 00:00 on 01/02 in Vietnam: February.
  { createdAt: '2026-01-31T17:00:00Z', category: 'mua-ban-van-chuyen', communeCode: '17464', status: 'da-xu-ly', firstActionAfterHours: 30 },
  { createdAt: '2026-03-10T03:00:00Z', category: 'bong-cuoi', communeCode: null, status: 'moi' },
  {
    createdAt: '2026-03-15T03:00:00Z',
    ownerQueueCode: 'cax-16681',
    category: 'su-dung-trai-phep',
    communeCode: '16681',
    status: 'dang-xac-minh',
    firstActionAfterHours: 240,
  },
  {
    createdAt: '2026-04-01T00:00:00Z',
    ownerQueueCode: 'bien-phong',
    category: 'qua-bien-gioi',
    communeCode: '17416',
    status: 'da-chuyen',
    firstActionAfterHours: 1,
  },
  // 00:00 on 01/01/2026 in Vietnam though still 2025 in UTC: in the range, January.
  { createdAt: '2025-12-31T17:00:00Z', category: 'khac', communeCode: '17662', status: 'spam', firstActionAfterHours: 120 },
  // Outside: 23:59:59 on 31/12/2025 and 00:00 on 01/07/2026 in Vietnam.
  { createdAt: '2025-12-31T16:59:59Z', status: 'moi' },
  { createdAt: '2026-06-30T17:00:00Z', status: 'moi' },
];
export const STATISTICS_RANGE = { from: '2026-01-01', to: '2026-06-30' };
export const hours = (n: number) => n * HOUR;
