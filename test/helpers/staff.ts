import { eq } from 'drizzle-orm';
import type { Role } from '#server/auth/actor.ts';
import { hashPassword } from '#server/auth/passwords.ts';
import { createSession } from '#server/auth/sessions.ts';
import { createUser, findUser, type UserRow } from '#server/auth/users.ts';
import type { Db } from '#server/db/client.ts';
import { users } from '#server/db/schema.ts';
import { wallClock } from './clock.ts';

export interface TestStaff {
  user: UserRow;
  password: string;
  totpSecret: string;
}

export interface StaffOptions {
  role?: Role;
  queueCodes?: string[];
  unitCode?: string | null;
  /** Own password already chosen (true) or still the one-time one (false). */
  settled?: boolean;
  /** TOTP already confirmed. */
  enrolled?: boolean;
}

/** Tests share one hash: argon2 costs ~25 ms a time, and what is hashed does not matter here. */
export const TEST_PASSWORD = 'đồng lúa chín vàng ươm';
let testPasswordHash: Promise<string> | null = null;

const defaultQueues = (role: Role) => (role === 'officer' || role === 'supervisor' ? ['pc04'] : []);

/** A staff account as the CLI makes it, then (by default) enrolled and with its own password: ready to sign in. */
export async function createStaff(db: Db, username: string, options: StaffOptions = {}): Promise<TestStaff> {
  const { role = 'officer', settled = true, enrolled = true } = options;
  const created = await createUser(
    db,
    { username, role, queueCodes: options.queueCodes ?? defaultQueues(role), unitCode: options.unitCode ?? (role === 'reporter' ? '16681' : null) },
    'cli',
  );
  let password = created.oneTimePassword;
  if (settled) {
    testPasswordHash ??= hashPassword(TEST_PASSWORD);
    await db
      .update(users)
      .set({ passwordHash: await testPasswordHash, mustChangePassword: false })
      .where(eq(users.id, created.user.id));
    password = TEST_PASSWORD;
  }
  if (enrolled) await db.update(users).set({ totpConfirmedAt: wallClock() }).where(eq(users.id, created.user.id));
  const user = (await findUser(db, created.user.id))!;
  return { user, password, totpSecret: user.totpSecret };
}

/** A full session token for the user, as if they had just signed in with password and code. */
export async function signedInToken(db: Db, userId: string, now = wallClock()): Promise<string> {
  return (await createSession(db, userId, 'full', now)).token;
}
