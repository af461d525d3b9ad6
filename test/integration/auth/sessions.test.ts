import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ABSOLUTE_LIFETIME_MS,
  createSession,
  endAllSessions,
  IDLE_TIMEOUT_MS,
  PARTIAL_LIFETIME_MS,
  resolveSession,
  rotateSession,
} from '#server/auth/sessions.ts';
import { hashToken } from '#server/auth/tokens.ts';
import { setUserActive, updateUserSettings } from '#server/auth/users.ts';
import { sessions } from '#server/db/schema.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';
import { createStaff } from '../../helpers/staff.ts';

const minutes = (n: number) => n * 60_000;

describe.each(databaseKinds)('staff sessions on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.dispose());
  const t0 = new Date('2026-03-02T01:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it('stores only the SHA-256 of a 256-bit token, and resolves it into the actor with its queues', async () => {
    const { db } = database;
    const staff = await createStaff(db, 'sess.officer', { queueCodes: ['pc04', 'cax-16681'] });
    const session = await createSession(db, staff.user.id, 'full', t0);
    expect(Buffer.from(session.token, 'base64url')).toHaveLength(32);
    const stored = await db.select().from(sessions).where(eq(sessions.userId, staff.user.id));
    expect(stored.map((row) => row.tokenHash)).toEqual([hashToken(session.token)]);
    expect(JSON.stringify(stored)).not.toContain(session.token);
    const resolved = await resolveSession(db, session.token, at(1000));
    expect(resolved?.actor).toEqual({ userId: staff.user.id, username: 'sess.officer', role: 'officer', queueCodes: ['cax-16681', 'pc04'], unitCode: null });
  });

  it('ends after 30 minutes without a request, and each request restarts the 30 minutes', async () => {
    const { db } = database;
    const staff = await createStaff(db, 'idle.user');
    const { token } = await createSession(db, staff.user.id, 'full', t0);
    expect(await resolveSession(db, token, at(minutes(29)))).not.toBeNull();
    expect(await resolveSession(db, token, at(minutes(58)))).not.toBeNull();
    expect(await resolveSession(db, token, at(minutes(58) + IDLE_TIMEOUT_MS))).toBeNull();
    // Gone for good, even if the clock went back.
    expect(await resolveSession(db, token, at(minutes(59)))).toBeNull();
  });

  it('ends 12 hours after sign-in however active the user is', async () => {
    const { db } = database;
    const staff = await createStaff(db, 'busy.user');
    const { token } = await createSession(db, staff.user.id, 'full', t0);
    for (let m = 20; m < ABSOLUTE_LIFETIME_MS / 60_000; m += 20) expect(await resolveSession(db, token, at(minutes(m)))).not.toBeNull();
    expect(await resolveSession(db, token, at(ABSOLUTE_LIFETIME_MS))).toBeNull();
  });

  it('gives a password-only session 10 minutes and no actor', async () => {
    const { db } = database;
    const staff = await createStaff(db, 'partial.user');
    const { token } = await createSession(db, staff.user.id, 'partial', t0);
    const resolved = await resolveSession(db, token, at(1000));
    expect(resolved?.stage).toBe('partial');
    expect(resolved?.actor).toBeNull();
    expect(await resolveSession(db, token, at(PARTIAL_LIFETIME_MS))).toBeNull();
  });

  it('rotation invalidates the old token', async () => {
    const { db } = database;
    const staff = await createStaff(db, 'rotate.user');
    const first = await createSession(db, staff.user.id, 'partial', t0);
    const second = await rotateSession(db, hashToken(first.token), staff.user.id, 'full', at(1000));
    expect(await resolveSession(db, first.token, at(2000))).toBeNull();
    expect((await resolveSession(db, second.token, at(2000)))?.stage).toBe('full');
    expect(second.csrfToken).not.toBe(first.csrfToken);
  });

  it('log out everywhere ends every session of the user and no one else’s', async () => {
    const { db } = database;
    const staff = await createStaff(db, 'many.devices');
    const other = await createStaff(db, 'other.person');
    const tokens = await Promise.all([1, 2, 3].map(() => createSession(db, staff.user.id, 'full', t0)));
    const theirs = await createSession(db, other.user.id, 'full', t0);
    expect(await endAllSessions(db, staff.user.id)).toBe(3);
    for (const { token } of tokens) expect(await resolveSession(db, token, at(1000))).toBeNull();
    expect(await resolveSession(db, theirs.token, at(1000))).not.toBeNull();
  });

  it('ends the sessions of a user whose role changes or who is deactivated', async () => {
    const { db } = database;
    const staff = await createStaff(db, 'demoted.user', { role: 'supervisor' });
    const before = await createSession(db, staff.user.id, 'full', t0);
    await updateUserSettings(db, staff.user.id, { role: 'officer', queueCodes: ['pc04'], unitCode: null }, 'cli');
    expect(await resolveSession(db, before.token, at(1000))).toBeNull();
    const again = await createSession(db, staff.user.id, 'full', t0);
    await setUserActive(db, staff.user.id, false, 'cli');
    expect(await resolveSession(db, again.token, at(1000))).toBeNull();
  });
});
