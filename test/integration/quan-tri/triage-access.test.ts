import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tipPhotos, tips, tipTags } from '#server/db/schema.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { startPortalOn, type PortalOn } from '../../helpers/portal-on.ts';
import { createStaff, signedInToken } from '../../helpers/staff.ts';
import { locationOf, StaffHttp } from '../../helpers/staff-http.ts';
import { storeTip } from '../../helpers/triage.ts';

/**
 * Every triage route × every kind of visitor. The tip is owned by pc04 with a copy to bien-phong: the
 * hai-quan officer must get 404 everywhere, exactly as for a tip that does not exist, with no content.
 */
type Visitor = 'anonymous' | 'officer' | 'copyOfficer' | 'foreignOfficer' | 'supervisor' | 'admin' | 'reporter';
const VISITORS: Visitor[] = ['anonymous', 'officer', 'copyOfficer', 'foreignOfficer', 'supervisor', 'admin', 'reporter'];
const LOGIN = '/quan-tri/dang-nhap/';
const MARKER = 'Ghi chú kiểm tra quyền: nhà màu xanh cạnh trạm điện số 7.';
const PLACE = 'Trạm điện số 7 khối Tân Phúc';

type Expected = 200 | 303 | 403 | 404 | 'login';
const byVisitor = (owner: Expected, copy: Expected, supervisor: Expected = owner): Record<Visitor, Expected> => ({
  anonymous: 'login',
  officer: owner,
  copyOfficer: copy,
  foreignOfficer: 404,
  supervisor,
  admin: supervisor,
  reporter: 403,
});

const READS: { name: string; path: (tip: number, photo: number) => string; expected: Record<Visitor, Expected> }[] = [
  { name: 'tip page', path: (tip) => `/quan-tri/tin/${tip}/`, expected: byVisitor(200, 200) },
  { name: 'photo', path: (tip, photo) => `/quan-tri/tin/${tip}/anh/${photo}`, expected: byVisitor(200, 200) },
];

const ACTIONS: { intent: string; fields: (ids: { sibling: number; officerId: string }) => Record<string, string>; expected: Record<Visitor, Expected> }[] = [
  { intent: 'status', fields: () => ({ status: 'dang-xac-minh' }), expected: byVisitor(303, 403) },
  { intent: 'assign', fields: ({ officerId }) => ({ assignee: officerId }), expected: byVisitor(303, 403) },
  {
    intent: 'transfer',
    fields: () => ({ transferQueue: 'hai-quan', transferReason: 'Hàng hóa qua cửa khẩu, thuộc hải quan.' }),
    expected: byVisitor(403, 403, 303),
  },
  { intent: 'note', fields: () => ({ note: 'Đã xem, chờ xác minh thêm.' }), expected: byVisitor(303, 303) },
  { intent: 'reply', fields: () => ({ reply: 'Cảm ơn bạn, chúng tôi đang xác minh.' }), expected: byVisitor(303, 403) },
  { intent: 'link', fields: ({ sibling }) => ({ linkTipId: String(sibling), linkKind: 'related' }), expected: byVisitor(303, 403) },
  { intent: 'tag-add', fields: () => ({ tag: 'điểm nóng' }), expected: byVisitor(303, 403) },
  { intent: 'tag-remove', fields: () => ({ tag: 'cũ' }), expected: byVisitor(303, 403) },
];

describe.each(databaseKinds)('who may open and work a tip, on %s', (kind) => {
  let site: PortalOn;
  const clients = new Map<Visitor, StaffHttp>();
  const userIds = new Map<Visitor, string>();
  let tipId = 0;
  let photoId = 0;

  const newTip = () => storeTip(site.db, site.secrets, { owner: 'pc04', copies: ['bien-phong'], place: PLACE, description: MARKER, photos: 1 });

  beforeAll(async () => {
    site = await startPortalOn(kind);
    clients.set('anonymous', new StaffHttp(site.baseUrl));
    const accounts: [Visitor, Parameters<typeof createStaff>[2]][] = [
      ['officer', { role: 'officer', queueCodes: ['pc04'] }],
      ['copyOfficer', { role: 'officer', queueCodes: ['bien-phong'] }],
      ['foreignOfficer', { role: 'officer', queueCodes: ['hai-quan'] }],
      ['supervisor', { role: 'supervisor', queueCodes: ['pc04'] }],
      ['admin', { role: 'admin' }],
      ['reporter', { role: 'reporter' }],
    ];
    for (const [visitor, options] of accounts) {
      const staff = await createStaff(site.db, `triage.${visitor.toLowerCase()}`, options);
      const http = new StaffHttp(site.baseUrl);
      http.cookies.set('pcmt-session', await signedInToken(site.db, staff.user.id));
      clients.set(visitor, http);
      userIds.set(visitor, staff.user.id);
    }
    tipId = await newTip();
    photoId = (await site.db.select({ id: tipPhotos.id }).from(tipPhotos).where(eq(tipPhotos.tipId, tipId)))[0]!.id;
  });
  afterAll(() => site?.stop());

  const expectOutcome = async (response: Response, expected: Expected) => {
    expect(response.headers.get('cache-control')).toBe('no-store');
    if (expected === 'login') {
      expect(response.status).toBe(303);
      expect(locationOf(response)).toBe(LOGIN);
      return;
    }
    expect(response.status).toBe(expected);
    if (expected === 404 || expected === 403 || expected === 303) {
      const body = await response.text();
      expect(body).not.toContain(MARKER);
      expect(body).not.toContain(PLACE);
    }
  };

  it.each(VISITORS.map((visitor) => ({ visitor, expected: visitor === 'anonymous' ? 'login' : visitor === 'reporter' ? 403 : 200 })))(
    'the queue list for $visitor → $expected',
    async ({ visitor, expected }) => {
      const response = await clients.get(visitor)!.get('/quan-tri/tin/');
      await expectOutcome(response, expected as Expected);
      if (expected === 200) {
        const html = await response.text();
        const listed = html.includes(`data-tip-id="${tipId}"`);
        expect(listed).toBe(visitor === 'officer' || visitor === 'supervisor' || visitor === 'admin');
      }
    },
  );

  const readCases = READS.flatMap((route) => VISITORS.map((visitor) => ({ name: route.name, route, visitor, expected: route.expected[visitor] })));
  it.each(readCases)('the $name for $visitor → $expected', async ({ route, visitor, expected }) => {
    const response = await clients.get(visitor)!.get(route.path(tipId, photoId));
    await expectOutcome(response, expected);
    if (expected === 200 && route.name === 'photo') {
      expect(response.headers.get('content-type')).toBe('image/webp');
      expect(response.headers.get('content-disposition')).toBe('inline');
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
    if (expected === 200 && route.name === 'tip page') expect(await response.text()).toContain(MARKER);
  });

  const actionCases = ACTIONS.flatMap((action) => VISITORS.map((visitor) => ({ intent: action.intent, action, visitor, expected: action.expected[visitor] })));
  it.each(actionCases)('posting $intent as $visitor → $expected', async ({ action, visitor, expected }) => {
    const id = await newTip();
    const sibling = await newTip();
    await site.db.insert(tipTags).values({ tipId: id, tag: 'cũ' });
    const before = (await site.db.select().from(tips).where(eq(tips.id, id)))[0]!;
    const client = clients.get(visitor)!;
    const csrf = visitor === 'anonymous' ? null : await client.csrfToken('/quan-tri/');
    const fields = { intent: action.intent, ...action.fields({ sibling, officerId: userIds.get('officer')! }) };
    const response = await client.post(`/quan-tri/tin/${id}/`, fields, csrf);
    await expectOutcome(response, expected);
    const after = (await site.db.select().from(tips).where(eq(tips.id, id)))[0]!;
    if (expected === 303) {
      expect(locationOf(response)).toBe(action.intent === 'transfer' ? `/quan-tri/tin/?da-chuyen=${id}` : `/quan-tri/tin/${id}/?xong=${action.intent}`);
      expect(after.firstActionAt).not.toBeNull();
    } else {
      expect(after).toEqual(before);
    }
  });

  it('answers 404 for a tip that does not exist and for a malformed id, the same as for a foreign tip', async () => {
    const officer = clients.get('officer')!;
    for (const path of ['/quan-tri/tin/99999999/', '/quan-tri/tin/abc/', `/quan-tri/tin/${tipId}/anh/99999999`]) {
      expect((await officer.get(path)).status).toBe(404);
    }
  });

  it('refuses a post without the CSRF token and changes nothing', async () => {
    const response = await clients.get('officer')!.post(`/quan-tri/tin/${tipId}/`, { intent: 'status', status: 'spam' }, null);
    expect(response.status).toBe(403);
    expect((await site.db.select().from(tips).where(eq(tips.id, tipId)))[0]!.status).toBe('moi');
  });

  it('re-renders a bad input with the error summary, "Lỗi: " in the title and the text kept', async () => {
    const officer = clients.get('officer')!;
    const response = await officer.post(
      `/quan-tri/tin/${tipId}/`,
      { intent: 'link', linkTipId: 'mười hai', linkKind: 'related' },
      await officer.csrfToken('/quan-tri/'),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/<title>Lỗi: /);
    expect(html).toContain('role="alert"');
    expect(html).toContain('href="#linkTipId"');
    expect(html).toContain('Nhập số của tin cần liên kết, ví dụ 1024.');
    expect(html).toContain('value="mười hai"');
  });
});
