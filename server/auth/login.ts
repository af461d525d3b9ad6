import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { recordAudit } from './audit.ts';
import { verifyAgainstDecoy, verifyPassword } from './passwords.ts';
import { clearLoginFailures, lockedMessage, lockedUntil, recordLoginFailure } from './throttle.ts';
import { matchingTotpStep } from './totp.ts';
import { findUser, findUserByUsername, type UserRow } from './users.ts';

/**
 * The two sign-in steps: password, then TOTP code (or, the first time, confirming the secret). Failures of
 * either step count towards the same back-off, which is lifted only by a complete sign-in — otherwise the
 * right password would reset the counter and allow unlimited guesses at the code.
 */

export const WRONG_CREDENTIALS = 'Tên đăng nhập hoặc mật khẩu không đúng. Kiểm tra lại, chú ý chữ hoa, chữ thường';
export const WRONG_CODE = 'Mã xác thực không đúng hoặc đã được dùng. Nhập mã 6 chữ số đang hiện trong ứng dụng xác thực';

export type StepResult<Success> = ({ ok: true } & Success) | { ok: false; message: string };

/** Checks username and password. Never tells whether the name exists: same message, same work, same back-off. */
export async function checkPassword(db: Db, username: string, password: string, now: Date): Promise<StepResult<{ user: UserRow }>> {
  const locked = await lockedUntil(db, username, now);
  const user = await findUserByUsername(db, username);
  if (locked) {
    await recordAudit(db, failure(user, 'password', 'locked'), now);
    return { ok: false, message: lockedMessage(locked, now) };
  }
  const valid = user && user.active ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
  if (user && user.active && valid) return { ok: true, user };
  const reason = !user ? 'unknown-username' : !user.active ? 'inactive' : 'wrong-password';
  return fail(db, username, user, 'password', reason, WRONG_CREDENTIALS, now);
}

/** Checks a code from the user's app against their confirmed secret; a time step is accepted once only. */
export async function checkTotp(db: Db, userId: string, code: string, now: Date): Promise<StepResult<{ user: UserRow }>> {
  return acceptCode(db, userId, code, now, 'totp');
}

/** Confirms the secret shown at enrolment with a first code: from now on every sign-in asks for a code. */
export async function confirmTotpEnrolment(db: Db, userId: string, code: string, now: Date): Promise<StepResult<{ user: UserRow }>> {
  return acceptCode(db, userId, code, now, 'enrol');
}

async function acceptCode(db: Db, userId: string, code: string, now: Date, stage: 'totp' | 'enrol'): Promise<StepResult<{ user: UserRow }>> {
  const user = await findUser(db, userId);
  if (!user || !user.active) return { ok: false, message: WRONG_CODE };
  const locked = await lockedUntil(db, user.username, now);
  if (locked) {
    await recordAudit(db, failure(user, stage, 'locked'), now);
    return { ok: false, message: lockedMessage(locked, now) };
  }
  if ((stage === 'enrol') !== (user.totpConfirmedAt === null)) return { ok: false, message: WRONG_CODE };
  const step = matchingTotpStep(user.totpSecret, code, now);
  if (step === null) return fail(db, user.username, user, stage, 'wrong-code', WRONG_CODE, now);
  // Claiming the step in the UPDATE's condition makes a replay lose even against a concurrent request.
  const claimed = await db
    .update(users)
    .set({ totpLastStep: step, lastLoginAt: now, ...(stage === 'enrol' ? { totpConfirmedAt: now } : {}) })
    .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning();
  if (claimed.length === 0) return fail(db, user.username, user, stage, 'reused-code', WRONG_CODE, now);
  await clearLoginFailures(db, user.username);
  if (stage === 'enrol') await recordAudit(db, { actor: actorOf(user), action: 'auth.totp.enrolled', targetType: 'user', targetId: user.id }, now);
  await recordAudit(db, { actor: actorOf(user), action: 'auth.login.succeeded', targetType: 'user', targetId: user.id }, now);
  return { ok: true, user: claimed[0]! };
}

const actorOf = (user: UserRow) => ({ userId: user.id, username: user.username });

/** A failed attempt as the audit log keeps it: never the password or code typed, nor a name that has no account. */
function failure(user: UserRow | null, stage: string, reason: string) {
  return {
    actor: 'system' as const,
    action: 'auth.login.failed',
    targetType: 'user',
    targetId: user?.id ?? null,
    detail: { stage, reason },
  };
}

async function fail(db: Db, username: string, user: UserRow | null, stage: string, reason: string, message: string, now: Date) {
  const until = await recordLoginFailure(db, username, now);
  await recordAudit(db, failure(user, stage, reason), now);
  return { ok: false as const, message: until ? lockedMessage(until, now) : message };
}
