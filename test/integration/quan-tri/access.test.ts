import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#server/auth/actor.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { startPortalOn, type PortalOn } from '../../helpers/portal-on.ts';
import { createStaff, signedInToken } from '../../helpers/staff.ts';
import { locationOf, StaffHttp } from '../../helpers/staff-http.ts';
import { admin, importSampleSchools, sessionInput, VINH } from '../../helpers/outreach.ts';
import { recordSession } from '#server/outreach/sessions.ts';

type Visitor = Role | 'anonymous';
const VISITORS: Visitor[] = ['anonymous', 'officer', 'supervisor', 'admin', 'reporter'];
const LOGIN = '/quan-tri/dang-nhap/';

/** Every staff page and who may open it; everyone else signed in gets 403, the public goes to the login page. */
const PAGES: { path: string; allowed: Role[] | 'all' }[] = [
  { path: '/quan-tri/', allowed: 'all' },
  { path: '/quan-tri/tai-khoan/', allowed: 'all' },
  { path: '/quan-tri/dang-xuat/', allowed: 'all' },
  { path: '/quan-tri/nguoi-dung/', allowed: ['admin'] },
  { path: '/quan-tri/nguoi-dung/moi/', allowed: ['admin'] },
  { path: '/quan-tri/nguoi-dung/:id/', allowed: ['admin'] },
  { path: '/quan-tri/nhat-ky/', allowed: ['admin'] },
  { path: '/quan-tri/hang-doi/', allowed: ['admin'] },
  { path: '/quan-tri/hang-doi/hai-quan/', allowed: ['admin'] },
  { path: '/quan-tri/tuyen-truyen/', allowed: ['reporter', 'supervisor', 'admin'] },
  { path: '/quan-tri/tuyen-truyen/moi/', allowed: ['reporter', 'supervisor', 'admin'] },
  // The session is in the reporter's own unit; another unit's is refused (tested in outreach-pages.test.ts).
  { path: '/quan-tri/tuyen-truyen/buoi/:session/', allowed: ['reporter', 'supervisor', 'admin'] },
  { path: '/quan-tri/tuyen-truyen/duyet/', allowed: ['supervisor', 'admin'] },
  { path: '/quan-tri/tuyen-truyen/ky-bao-cao/', allowed: ['admin'] },
  { path: '/quan-tri/tuyen-truyen/truong-hoc/', allowed: ['admin'] },
  { path: '/quan-tri/tuyen-truyen/truong-hoc/nhap/', allowed: ['admin'] },
  { path: '/quan-tri/tuyen-truyen/truong-hoc/:school/', allowed: ['admin'] },
  { path: '/quan-tri/tuyen-truyen/xa-phuong/', allowed: ['admin'] },
];

describe.each(databaseKinds)('who may open which staff page, on %s', (kind) => {
  let site: PortalOn;
  const clients = new Map<Visitor, StaffHttp>();
  let someUserId = '';
  let sessionId = '';
  beforeAll(async () => {
    site = await startPortalOn(kind);
    await importSampleSchools(site.db, VINH);
    sessionId = await recordSession(site.db, admin, sessionInput({ heldOn: '2026-01-10' }), { now: new Date('2026-02-01T00:00:00Z') });
    clients.set('anonymous', new StaffHttp(site.baseUrl));
    for (const role of VISITORS.filter((visitor): visitor is Role => visitor !== 'anonymous')) {
      const staff = await createStaff(site.db, `matrix.${role}`, { role });
      const http = new StaffHttp(site.baseUrl);
      http.cookies.set('pcmt-session', await signedInToken(site.db, staff.user.id));
      clients.set(role, http);
      someUserId = staff.user.id;
    }
  });
  afterAll(() => site?.stop());

  const cases = PAGES.flatMap(({ path, allowed }) =>
    VISITORS.map((visitor) => {
      const expected = visitor === 'anonymous' ? 'login' : allowed === 'all' || allowed.includes(visitor) ? 200 : 403;
      return { path, visitor, expected };
    }),
  );

  it.each(cases)('$path for $visitor → $expected', async ({ path, visitor, expected }) => {
    const response = await clients.get(visitor)!.get(path.replace(':id', someUserId).replace(':session', sessionId).replace(':school', 'TV-THCS'));
    expect(response.headers.get('cache-control')).toBe('no-store');
    if (expected === 'login') {
      expect(response.status).toBe(303);
      expect(locationOf(response)).toBe(LOGIN);
    } else {
      expect(response.status).toBe(expected);
      if (expected === 403) expect(await response.text()).toContain('Không có quyền truy cập');
    }
  });

  it('sends a signed-in visitor of the login page on to the staff home, and the public to the form', async () => {
    expect(locationOf(await clients.get('officer')!.get(LOGIN))).toBe('/quan-tri/');
    expect((await clients.get('anonymous')!.get(LOGIN)).status).toBe(200);
  });

  it('answers 404 for a user that does not exist', async () => {
    expect((await clients.get('admin')!.get('/quan-tri/nguoi-dung/00000000-0000-4000-8000-000000000000/')).status).toBe(404);
    expect((await clients.get('admin')!.get('/quan-tri/nguoi-dung/khong-phai-id/')).status).toBe(404);
  });

  it('refuses a non-administrator’s post to the user pages with 403 and creates nothing', async () => {
    const officer = clients.get('officer')!;
    const response = await officer.post('/quan-tri/nguoi-dung/moi/', { username: 'sneaky.admin', role: 'admin' }, await officer.csrfToken('/quan-tri/'));
    expect(response.status).toBe(403);
    const admin = clients.get('admin')!;
    expect(await (await admin.get('/quan-tri/nguoi-dung/')).text()).not.toContain('sneaky.admin');
  });
});
