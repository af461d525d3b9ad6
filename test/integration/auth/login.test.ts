import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAudit } from '#server/auth/audit.ts';
import { checkPassword, checkTotp, confirmTotpEnrolment, WRONG_CODE, WRONG_CREDENTIALS } from '#server/auth/login.ts';
import { totpCode } from '#server/auth/totp.ts';
import { findUser } from '#server/auth/users.ts';
import { auditLog, users } from '#server/db/schema.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';
import { createStaff, TEST_PASSWORD } from '../../helpers/staff.ts';

describe.each(databaseKinds)('signing in on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.dispose());
  const t0 = new Date('2026-03-02T01:00:05Z');

  it('accepts the right password and answers a wrong one and an unknown name with the same message', async () => {
    const { db } = database;
    await createStaff(db, 'pw.user');
    expect((await checkPassword(db, 'PW.User', TEST_PASSWORD, t0)).ok).toBe(true);
    const wrong = await checkPassword(db, 'pw.user', 'not the password at all', t0);
    const unknown = await checkPassword(db, 'no.such.user', TEST_PASSWORD, t0);
    expect(wrong).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    expect(unknown).toEqual({ ok: false, message: WRONG_CREDENTIALS });
  });

  it('refuses a deactivated account with the same message as a wrong password', async () => {
    const { db } = database;
    const staff = await createStaff(db, 'gone.user');
    await db.update(users).set({ active: false }).where(eq(users.id, staff.user.id));
    expect(await checkPassword(db, 'gone.user', TEST_PASSWORD, t0)).toEqual({ ok: false, message: WRONG_CREDENTIALS });
  });

  it('accepts a TOTP code once: the same code, or an older step, is refused afterwards', async () => {
    const { db } = database;
    const staff = await createStaff(db, 'totp.user');
    const code = totpCode(staff.totpSecret, t0);
    expect((await checkTotp(db, staff.user.id, code, t0)).ok).toBe(true);
    expect(await checkTotp(db, staff.user.id, code, new Date(t0.getTime() + 5_000))).toEqual({ ok: false, message: WRONG_CODE });
    const previous = totpCode(staff.totpSecret, new Date(t0.getTime() - 30_000));
    expect((await checkTotp(db, staff.user.id, previous, t0)).ok).toBe(false);
    const next = new Date(t0.getTime() + 30_000);
    expect((await checkTotp(db, staff.user.id, totpCode(staff.totpSecret, next), next)).ok).toBe(true);
  });

  it('refuses a code outside the one-step window', async () => {
    const { db } = database;
    const staff = await createStaff(db, 'window.user');
    const old = totpCode(staff.totpSecret, new Date(t0.getTime() - 90_000));
    expect((await checkTotp(db, staff.user.id, old, t0)).ok).toBe(false);
  });

  it('confirms enrolment with a first code, after which the code step (not enrolment) is required', async () => {
    const { db } = database;
    const staff = await createStaff(db, 'enrol.user', { enrolled: false });
    expect((await checkTotp(db, staff.user.id, totpCode(staff.totpSecret, t0), t0)).ok).toBe(false);
    const at = new Date(t0.getTime() + 30_000);
    expect((await confirmTotpEnrolment(db, staff.user.id, totpCode(staff.totpSecret, at), at)).ok).toBe(true);
    expect((await findUser(db, staff.user.id))!.totpConfirmedAt).toEqual(at);
    const later = new Date(at.getTime() + 30_000);
    expect((await confirmTotpEnrolment(db, staff.user.id, totpCode(staff.totpSecret, later), later)).ok).toBe(false);
    const { rows } = await queryAudit(db, { targetId: staff.user.id, action: 'auth.totp.enrolled' });
    expect(rows).toHaveLength(1);
  });

  it('locks a name after four failures, says when to try again, and refuses even the right password until then', async () => {
    const { db } = database;
    await createStaff(db, 'lock.user');
    for (let i = 0; i < 4; i++) expect(await checkPassword(db, 'lock.user', `wrong guess ${i}xxxx`, t0)).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    const fifth = await checkPassword(db, 'lock.user', 'wrong guess 5xxxx', t0);
    expect(fifth.ok).toBe(false);
    expect(!fifth.ok && fifth.message).toContain('Vui lòng thử lại sau 08:01');
    const during = await checkPassword(db, 'lock.user', TEST_PASSWORD, new Date(t0.getTime() + 30_000));
    expect(!during.ok && during.message).toContain('thử lại sau');
    // After the minute, the right password works; another failure would lock for two minutes.
    expect((await checkPassword(db, 'lock.user', TEST_PASSWORD, new Date(t0.getTime() + 61_000))).ok).toBe(true);
    const sixth = await checkPassword(db, 'lock.user', 'wrong again xxxx', new Date(t0.getTime() + 62_000));
    expect(!sixth.ok && sixth.message).toContain('khoảng 2 phút nữa');
  });

  it('locks an unknown name exactly like a real one, so the lock reveals nothing', async () => {
    const { db } = database;
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const result = await checkPassword(db, 'ghost.user', 'some guess here', t0);
      messages.push(!result.ok ? result.message : 'ok');
    }
    expect(messages.slice(0, 4)).toEqual(Array(4).fill(WRONG_CREDENTIALS));
    expect(messages[4]).toContain('thử lại sau');
  });

  it('counts wrong codes towards the same lock, and only a complete sign-in clears it', async () => {
    const { db } = database;
    const staff = await createStaff(db, 'code.guesser');
    for (let i = 0; i < 5; i++) {
      expect((await checkPassword(db, 'code.guesser', TEST_PASSWORD, t0)).ok).toBe(true);
      await checkTotp(db, staff.user.id, '000000', t0);
    }
    const locked = await checkTotp(db, staff.user.id, totpCode(staff.totpSecret, t0), t0);
    expect(!locked.ok && locked.message).toContain('thử lại sau');
  });

  it('logs success and failure without the password or code typed, and never the unknown name', async () => {
    const { db } = database;
    await createStaff(db, 'logged.user');
    await checkPassword(db, 'logged.user', 'secret-typo-123456', t0);
    await checkPassword(db, 'typed-a-password-as-name', 'whatever-123456', t0);
    const rows = await db.select().from(auditLog);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('secret-typo-123456');
    expect(text).not.toContain('typed-a-password-as-name');
    expect(rows.some((row) => row.action === 'auth.login.failed' && row.detail.reason === 'wrong-password')).toBe(true);
    expect(rows.some((row) => row.action === 'auth.login.succeeded')).toBe(true);
  });
});
