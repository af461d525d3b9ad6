import { eq } from 'drizzle-orm';
import type { Actor, Role } from '../../server/auth/actor.ts';
import type { Db } from '../../server/db/client.ts';
import { tipCopies, tips } from '../../server/db/schema.ts';
import { sanitizePhoto } from '../../server/photos/sanitize.ts';
import type { Secrets } from '../../server/secrets.ts';
import { submitTip } from '../../server/tips/submit.ts';
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
  await db.update(tips).set({ ownerQueueCode: options.owner ?? 'pc04' }).where(eq(tips.id, tipId));
  await db.delete(tipCopies).where(eq(tipCopies.tipId, tipId));
  if (options.copies?.length) await db.insert(tipCopies).values(options.copies.map((queueCode) => ({ tipId, queueCode })));
  return tipId;
}

/** A staff account and the Actor its session would carry. */
export async function staffActor(db: Db, username: string, role: Role, queueCodes: string[] = []): Promise<Actor> {
  const staff = await createStaff(db, username, { role, queueCodes });
  return { userId: staff.user.id, username: staff.user.username, role, queueCodes: role === 'officer' || role === 'supervisor' ? queueCodes : [], unitCode: staff.user.unitCode };
}
