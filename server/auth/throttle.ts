import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { loginThrottle } from '../db/schema.ts';

/**
 * Back-off on failed sign-ins (wrong password or wrong code), per login name and stored in the database so
 * it holds across restarts and processes. Four free tries, then a lock that doubles with each failure from
 * 1 minute up to an hour. A day without failures starts the count again.
 */
export const FREE_ATTEMPTS = 4;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 60 * 60_000;
const FORGET_AFTER_MS = 24 * 60 * 60_000;

/** How long to lock after the nth consecutive failure (0 for the first few). Pure. */
export function lockDurationMs(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS - 1), LONGEST_LOCK_MS);
}

/** Login names are compared without case, so "Admin" and "admin" share one counter. */
export const throttleKey = (username: string) => username.trim().toLowerCase().slice(0, 64);

/** When the name may try again, if it is locked now. */
export async function lockedUntil(db: Db, username: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select()
    .from(loginThrottle)
    .where(eq(loginThrottle.username, throttleKey(username)));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts a failure; returns the end of the lock it causes, if any. */
export async function recordLoginFailure(db: Db, username: string, now: Date): Promise<Date | null> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  const [row] = await db
    .insert(loginThrottle)
    .values({ username: throttleKey(username), failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.username,
      set: {
        failures: sql`case when ${loginThrottle.lastFailureAt} < ${forgetBefore.toISOString()} then 1 else ${loginThrottle.failures} + 1 end`,
        lastFailureAt: now,
      },
    })
    .returning({ failures: loginThrottle.failures });
  const duration = lockDurationMs(row!.failures);
  if (duration === 0) return null;
  const until = new Date(now.getTime() + duration);
  await db
    .update(loginThrottle)
    .set({ lockedUntil: until })
    .where(eq(loginThrottle.username, throttleKey(username)));
  return until;
}

export async function clearLoginFailures(db: Db, username: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.username, throttleKey(username)));
}

/** "Vui lòng thử lại sau 14:35 (khoảng 3 phút nữa)." in Vietnam's time. */
export function lockedMessage(until: Date, now: Date): string {
  const time = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' }).format(until);
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `Bạn đã đăng nhập sai nhiều lần. Để bảo vệ tài khoản, việc đăng nhập tạm dừng. Vui lòng thử lại sau ${time} (khoảng ${minutes} phút nữa).`;
}
