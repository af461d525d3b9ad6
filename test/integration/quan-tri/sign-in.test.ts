import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '#server/auth/totp.ts';
import { findUser } from '#server/auth/users.ts';
import { auditLog, sessions, users } from '#server/db/schema.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { startPortalOn, type PortalOn } from '../../helpers/portal-on.ts';
import { createStaff, signedInToken, TEST_PASSWORD } from '../../helpers/staff.ts';
import { locationOf, StaffHttp } from '../../helpers/staff-http.ts';
import { wallClock } from '../../helpers/clock.ts';

describe.each(databaseKinds)('signing in over HTTP on %s', (kind) => {
  let site: PortalOn;
  beforeAll(async () => {
    site = await startPortalOn(kind);
  });
  afterAll(() => site?.stop());

  it('sends the public to the login page, which sets only the login form’s HttpOnly, SameSite=Strict cookie', async () => {
    const http = new StaffHttp(site.baseUrl);
    const home = await http.get('/quan-tri/');
    expect(home.status).toBe(303);
    expect(locationOf(home)).toBe('/quan-tri/dang-nhap/');
    expect(home.headers.get('cache-control')).toBe('no-store');
    const login = await http.get('/quan-tri/dang-nhap/');
    expect(login.status).toBe(200);
    expect(login.headers.get('cache-control')).toBe('no-store');
    // The site's one policy: forms still pass, because cross-site writes are judged by Sec-Fetch-Site.
    expect(login.headers.get('referrer-policy')).toBe('no-referrer');
    expect(http.setCookieHeaders).toEqual([expect.stringMatching(/^pcmt-login=[\w-]{43}; Max-Age=3600; Path=\/; HttpOnly; SameSite=Strict$/)]);
  });

  it('sets no cookie on public pages and the API', async () => {
    for (const path of ['/', '/en/', '/api/health', '/khong-co-trang-nay/']) {
      const response = await fetch(site.baseUrl + path);
      expect(response.headers.getSetCookie(), path).toEqual([]);
    }
  });

  it('signs in with password then code, rotating the session at each step, with a strict cookie', async () => {
    const staff = await createStaff(site.db, 'http.officer');
    const http = new StaffHttp(site.baseUrl);
    const afterPassword = await http.post('/quan-tri/dang-nhap/', { username: 'http.officer', password: TEST_PASSWORD });
    expect(afterPassword.status).toBe(303);
    expect(locationOf(afterPassword)).toBe('/quan-tri/dang-nhap/ma-xac-thuc/');
    const partialToken = http.cookies.get('pcmt-session')!;
    expect(http.setCookieHeaders.at(-1)).toMatch(/^pcmt-session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    // A partial session opens nothing but the code step.
    expect(locationOf(await http.get('/quan-tri/'))).toBe('/quan-tri/dang-nhap/ma-xac-thuc/');
    const afterCode = await http.post('/quan-tri/dang-nhap/ma-xac-thuc/', { code: totpCode(staff.totpSecret, wallClock()) });
    expect(afterCode.status).toBe(303);
    expect(locationOf(afterCode)).toBe('/quan-tri/');
    expect(http.cookies.get('pcmt-session')).not.toBe(partialToken);
    const home = await http.get('/quan-tri/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Xin chào, http.officer');
    const stale = new StaffHttp(site.baseUrl);
    stale.cookies.set('pcmt-session', partialToken);
    expect(locationOf(await stale.get('/quan-tri/'))).toBe('/quan-tri/dang-nhap/');
  });

  it('shows the error summary and keeps the username after a wrong password', async () => {
    await createStaff(site.db, 'typo.user');
    const http = new StaffHttp(site.baseUrl);
    const response = await http.post('/quan-tri/dang-nhap/', { username: 'typo.user', password: 'wrong password here' });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('<title>Lỗi: ');
    expect(html).toMatch(/role="alert"[\s\S]*href="#password"[\s\S]*Tên đăng nhập hoặc mật khẩu không đúng/);
    expect(html).toContain('value="typo.user"');
    expect(html).not.toContain('wrong password here');
    expect(http.cookies.has('pcmt-session')).toBe(false);
  });

  it('walks a new account through enrolment and the forced password change', async () => {
    const staff = await createStaff(site.db, 'new.officer', { settled: false, enrolled: false });
    const http = new StaffHttp(site.baseUrl);
    const login = await http.post('/quan-tri/dang-nhap/', { username: 'new.officer', password: staff.password });
    expect(locationOf(login)).toBe('/quan-tri/dang-nhap/dang-ky-xac-thuc/');
    const enrolPage = await (await http.get('/quan-tri/dang-nhap/dang-ky-xac-thuc/')).text();
    expect(enrolPage).toContain(`secret=${staff.totpSecret}`);
    expect(enrolPage).toMatch(/role="img" aria-label="[^"]+"><svg/);
    const enrolled = await http.post('/quan-tri/dang-nhap/dang-ky-xac-thuc/', { code: totpCode(staff.totpSecret, wallClock()) });
    expect(locationOf(enrolled)).toBe('/quan-tri/tai-khoan/');
    // Until the password is changed, every other page sends back to the account page.
    expect(locationOf(await http.get('/quan-tri/'))).toBe('/quan-tri/tai-khoan/');
    const weak = await http.post('/quan-tri/tai-khoan/', { currentPassword: staff.password, newPassword: 'password1234', confirmPassword: 'password1234' });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain('quá phổ biến');
    const before = http.cookies.get('pcmt-session');
    const changed = await http.post('/quan-tri/tai-khoan/', {
      currentPassword: staff.password,
      newPassword: 'mưa phùn tháng hai',
      confirmPassword: 'mưa phùn tháng hai',
    });
    expect(locationOf(changed)).toBe('/quan-tri/tai-khoan/?mat-khau=da-doi');
    expect(http.cookies.get('pcmt-session')).not.toBe(before);
    expect((await http.get('/quan-tri/')).status).toBe(200);
    expect((await findUser(site.db, staff.user.id))!.mustChangePassword).toBe(false);
  });

  it('logs out, and logs out everywhere ending the user’s other sessions', async () => {
    const staff = await createStaff(site.db, 'leaving.user');
    const laptop = new StaffHttp(site.baseUrl);
    const phone = new StaffHttp(site.baseUrl);
    laptop.cookies.set('pcmt-session', await signedInToken(site.db, staff.user.id));
    phone.cookies.set('pcmt-session', await signedInToken(site.db, staff.user.id));
    const out = await phone.post('/quan-tri/dang-xuat/', {}, await phone.csrfToken('/quan-tri/'));
    expect(locationOf(out)).toBe('/quan-tri/dang-nhap/?da-dang-xuat=1');
    expect(phone.cookies.has('pcmt-session')).toBe(false);
    expect((await laptop.get('/quan-tri/')).status).toBe(200);
    phone.cookies.set('pcmt-session', await signedInToken(site.db, staff.user.id));
    const everywhere = await laptop.post('/quan-tri/dang-xuat/', { everywhere: '1' }, await laptop.csrfToken('/quan-tri/'));
    expect(locationOf(everywhere)).toBe('/quan-tri/dang-nhap/?da-dang-xuat=moi-noi');
    expect(locationOf(await phone.get('/quan-tri/'))).toBe('/quan-tri/dang-nhap/');
    expect(await site.db.select().from(sessions).where(eq(sessions.userId, staff.user.id))).toEqual([]);
    const actions = (await site.db.select().from(auditLog).where(eq(auditLog.actorId, staff.user.id))).map((row) => row.action);
    expect(actions).toEqual(['auth.logout', 'auth.logout.everywhere']);
  });

  it('refuses a state-changing request with a missing or wrong CSRF token, and changes nothing', async () => {
    const admin = await createStaff(site.db, 'csrf.admin', { role: 'admin' });
    const target = await createStaff(site.db, 'csrf.target');
    const http = new StaffHttp(site.baseUrl);
    http.cookies.set('pcmt-session', await signedInToken(site.db, admin.user.id));
    const path = `/quan-tri/nguoi-dung/${target.user.id}/`;
    for (const token of [null, 'forged-token-forged-token-forged-token-abcd']) {
      const response = await http.post(path, { intent: 'deactivate' }, token);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('Không có gì bị thay đổi');
    }
    const logout = await http.post('/quan-tri/dang-xuat/', { everywhere: '1' }, null);
    expect(logout.status).toBe(403);
    expect((await findUser(site.db, target.user.id))!.active).toBe(true);
    expect((await http.get('/quan-tri/')).status).toBe(200);
    // The login form too: without the double-submit cookie's value the post is refused.
    const stranger = new StaffHttp(site.baseUrl);
    expect((await stranger.post('/quan-tri/dang-nhap/', { username: 'csrf.admin', password: TEST_PASSWORD }, null)).status).toBe(403);
    // A cross-site form post is stopped by Astro's origin check before anything runs.
    const crossSite = await http.request(path, {
      method: 'POST',
      body: new URLSearchParams({ intent: 'deactivate', _csrf: await http.csrfToken(path) }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect((await findUser(site.db, target.user.id))!.active).toBe(true);
    // With the right token the same request goes through.
    expect((await http.post(path, { intent: 'deactivate' })).status).toBe(200);
    expect((await findUser(site.db, target.user.id))!.active).toBe(false);
    await site.db.update(users).set({ active: true }).where(eq(users.id, target.user.id));
  });
});

describe('cookies behind TLS', () => {
  let site: PortalOn;
  beforeAll(async () => {
    site = await startPortalOn('pglite', { PUBLIC_ORIGIN: 'https://pcmt.example.vn' });
  });
  afterAll(() => site?.stop());

  it('are Secure and __Host- prefixed when the public origin is https, and the staff forms pass the origin check', async () => {
    await createStaff(site.db, 'tls.user');
    const http = new StaffHttp(site.baseUrl);
    const token = await http.csrfToken('/quan-tri/dang-nhap/');
    // What a browser sends through the TLS proxy: an https Origin for the host it asked for.
    const response = await http.request('/quan-tri/dang-nhap/', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: token, username: 'tls.user', password: TEST_PASSWORD }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: site.baseUrl.replace('http:', 'https:') },
    });
    expect(response.status).toBe(303);
    expect(http.setCookieHeaders).toEqual([
      expect.stringMatching(/^__Host-pcmt-login=[\w-]{43}; Max-Age=3600; Path=\/; HttpOnly; Secure; SameSite=Strict$/),
      expect.stringMatching(/^__Host-pcmt-session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/),
    ]);
  });
});
