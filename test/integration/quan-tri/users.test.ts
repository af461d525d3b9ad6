import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAudit } from '#server/auth/audit.ts';
import { checkPassword } from '#server/auth/login.ts';
import { queueCodesOf } from '#server/auth/load-actor.ts';
import { findUserByUsername } from '#server/auth/users.ts';
import { sessions } from '#server/db/schema.ts';
import { startPortalOn, type PortalOn } from '../../helpers/portal-on.ts';
import { createStaff, signedInToken } from '../../helpers/staff.ts';
import { StaffHttp } from '../../helpers/staff-http.ts';
import { wallClock } from '../../helpers/clock.ts';

// The pages are thin over server/auth/users.ts, which the database tests cover on both kinds; PGlite is enough here.
describe('user management pages', () => {
  let site: PortalOn;
  let admin: StaffHttp;
  let adminId = '';
  beforeAll(async () => {
    site = await startPortalOn('pglite');
    const staff = await createStaff(site.db, 'pages.admin', { role: 'admin' });
    adminId = staff.user.id;
    admin = new StaffHttp(site.baseUrl);
    admin.cookies.set('pcmt-session', await signedInToken(site.db, staff.user.id));
  });
  afterAll(() => site?.stop());

  it('creates an officer and shows the one-time password once, which then signs in', async () => {
    const response = await admin.post('/quan-tri/nguoi-dung/moi/', {
      username: 'Tran.Thi.B',
      role: 'officer',
      queueCodes: ['pc04', 'cax-16681'],
      unitCode: '',
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    const oneTimePassword = /data-testid="one-time-password">([^<]+)</.exec(html)?.[1];
    expect(oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const user = (await findUserByUsername(site.db, 'tran.thi.b'))!;
    expect(user.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(await queueCodesOf(site.db, user.id)).toEqual(['cax-16681', 'pc04']);
    expect((await checkPassword(site.db, 'tran.thi.b', oneTimePassword!, wallClock())).ok).toBe(true);
    expect(await (await admin.get(`/quan-tri/nguoi-dung/${user.id}/`)).text()).not.toContain(oneTimePassword!);
    const { rows } = await queryAudit(site.db, { action: 'user.created', targetId: user.id });
    expect(rows[0]).toMatchObject({ actorId: adminId, detail: { username: 'tran.thi.b', role: 'officer', queueCodes: ['cax-16681', 'pc04'] } });
  });

  it('explains each mistake beside its field and in the summary, keeping what was typed', async () => {
    const response = await admin.post('/quan-tri/nguoi-dung/moi/', { username: 'pages.admin', role: 'reporter', queueCodes: ['pc04'], unitCode: '99999' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('<title>Lỗi: ');
    for (const field of ['username', 'queueCodes', 'unitCode']) expect(html).toContain(`href="#${field}"`);
    expect(html).toContain('đã có người dùng');
    expect(html).toContain('Không có xã, phường mã 99999');
    expect(html).toContain('value="99999"');
    expect(html).toMatch(/value="reporter" selected/);
  });

  it('resets the password and TOTP, and deactivates, each ending the user’s sessions', async () => {
    const staff = await createStaff(site.db, 'reset.me');
    const path = `/quan-tri/nguoi-dung/${staff.user.id}/`;
    for (const intent of ['reset-password', 'reset-totp', 'deactivate']) {
      await signedInToken(site.db, staff.user.id);
      const response = await admin.post(path, { intent });
      expect(response.status, intent).toBe(200);
      expect(await site.db.select().from(sessions).where(eq(sessions.userId, staff.user.id)), intent).toEqual([]);
    }
    const after = (await findUserByUsername(site.db, 'reset.me'))!;
    expect(after).toMatchObject({ active: false, mustChangePassword: true, totpConfirmedAt: null });
    expect(after.totpSecret).not.toBe(staff.totpSecret);
    const actions = (await queryAudit(site.db, { targetId: staff.user.id })).rows.map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['user.password.reset', 'user.totp.reset', 'user.deactivated']));
  });

  it('lets no administrator deactivate or demote themselves', async () => {
    const path = `/quan-tri/nguoi-dung/${adminId}/`;
    const demote = await admin.post(path, { intent: 'settings', role: 'officer', queueCodes: ['pc04'] });
    expect(demote.status).toBe(422);
    expect((await admin.post(path, { intent: 'deactivate' })).status).toBe(400);
    expect((await findUserByUsername(site.db, 'pages.admin'))!).toMatchObject({ role: 'admin', active: true });
  });

  it('filters the audit log and pages through it', async () => {
    const list = await (await admin.get(`/quan-tri/nhat-ky/?action=user.created&actor=${adminId}`)).text();
    expect(list).toContain('tran.thi.b');
    expect(list).toMatch(/1 mục · Trang 1\/1/);
    const bad = await admin.get('/quan-tri/nhat-ky/?from=31/02/2026');
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Nhập ngày theo dạng ngày/tháng/năm');
  });
});
