import { randomBytes } from 'node:crypto';
import type { Db } from '../../server/db/client.ts';
import { tips } from '../../server/db/schema.ts';

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
  { createdAt: '2026-03-15T03:00:00Z', ownerQueueCode: 'cax-16681', category: 'su-dung-trai-phep', communeCode: '16681', status: 'dang-xac-minh', firstActionAfterHours: 240 },
  { createdAt: '2026-04-01T00:00:00Z', ownerQueueCode: 'bien-phong', category: 'qua-bien-gioi', communeCode: '17416', status: 'da-chuyen', firstActionAfterHours: 1 },
  // 00:00 on 01/01/2026 in Vietnam though still 2025 in UTC: in the range, January.
  { createdAt: '2025-12-31T17:00:00Z', category: 'khac', communeCode: '17662', status: 'spam', firstActionAfterHours: 120 },
  // Outside: 23:59:59 on 31/12/2025 and 00:00 on 01/07/2026 in Vietnam.
  { createdAt: '2025-12-31T16:59:59Z', status: 'moi' },
  { createdAt: '2026-06-30T17:00:00Z', status: 'moi' },
];
export const STATISTICS_RANGE = { from: '2026-01-01', to: '2026-06-30' };
export const hours = (n: number) => n * HOUR;
