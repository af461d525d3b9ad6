import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communes, outreachEvidence, outreachSessions, schools } from '#server/db/schema.ts';
import { readOutreachAudit } from '#server/outreach/audit-port.ts';
import { loadProgress } from '#server/outreach/progress.ts';
import { submitPublicSession } from '#server/outreach/public-submission.ts';
import { findSession, recordSession } from '#server/outreach/sessions.ts';
import { vietnamDate } from '#shared/time/vietnam-time.ts';
import { admin as adminActor, importSampleSchools, publicInput, sessionInput, VINH } from '../../helpers/outreach.ts';
import { startPortalOn, type PortalOn } from '../../helpers/portal-on.ts';
import { createStaff, signedInToken } from '../../helpers/staff.ts';
import { locationOf, StaffHttp } from '../../helpers/staff-http.ts';
import { wallClock } from '../../helpers/clock.ts';

const today = vietnamDate(wallClock());
const year = Number(today.slice(0, 4));
const vietnamese = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Posts a multipart form (files) with the page's CSRF token, as a browser does. */
async function postMultipart(http: StaffHttp, path: string, fields: Record<string, string>, files: { name: string; blob: Blob; filename: string }[] = []) {
  const body = new FormData();
  body.append('_csrf', await http.csrfToken(path));
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const file of files) body.append(file.name, file.blob, file.filename);
  return http.request(path, { method: 'POST', body });
}

// The pages are thin over server/outreach/*, whose tests run on both databases; PGlite is enough here.
describe('outreach staff pages', () => {
  let site: PortalOn;
  const as: Record<'admin' | 'supervisor' | 'reporter' | 'otherReporter', StaffHttp> = {} as never;
  let other = '';
  beforeAll(async () => {
    site = await startPortalOn('pglite');
    other = (await site.db.query.communes.findFirst({ where: (table, { ne }) => ne(table.code, VINH) }))!.code;
    await importSampleSchools(site.db, other);
    for (const [key, role, unitCode] of [
      ['admin', 'admin', null],
      ['supervisor', 'supervisor', null],
      ['reporter', 'reporter', VINH],
      ['otherReporter', 'reporter', other],
    ] as const) {
      const staff = await createStaff(site.db, `tt.${key.toLowerCase()}`, { role, unitCode });
      as[key] = new StaffHttp(site.baseUrl);
      as[key].cookies.set('pcmt-session', await signedInToken(site.db, staff.user.id));
    }
    // A portal, the registry and four accounts on a busy two-core machine.
  }, 180_000);
  afterAll(() => site?.stop());

  it('records a session from the form: errors in the summary and by the field, fields kept, then the photo re-encoded', async () => {
    const bad = await postMultipart(as.reporter, '/quan-tri/tuyen-truyen/moi/', {
      heldOn: '31/02/2026',
      communeCode: VINH,
      schools: '',
      form: 'hop-dan',
      agencyCode: 'cong-an-tinh',
      audience: 'nhiều',
      kitSlug: '',
      notes: 'Họp dân <khối 3>',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('<title>Lỗi: ');
    expect(html).toContain('role="alert"');
    expect(html).toContain('<a href="#heldOn">Nhập ngày tổ chức đúng dạng ngày/tháng/năm, ví dụ 15/03/2026.</a>');
    expect(html).toContain('<a href="#audience">Nhập số người tham dự bằng chữ số.</a>');
    expect(html).toContain('id="audience-error"');
    expect(html).toContain('Họp dân &lt;khối 3&gt;</textarea>');
    expect(html).toContain('value="31/02/2026"');

    const photo = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#336699' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'MarkerArtist' } })
      .toBuffer();
    const good = await postMultipart(
      as.reporter,
      '/quan-tri/tuyen-truyen/moi/',
      {
        heldOn: vietnamese(today),
        communeCode: VINH,
        schools: '',
        form: 'hop-dan',
        agencyCode: 'cong-an-tinh',
        audience: '1.200',
        kitSlug: '',
        notes: 'Họp dân khối 3',
      },
      [{ name: 'evidence', blob: new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), filename: 'anh.jpg' }],
    );
    expect(good.status).toBe(303);
    expect(locationOf(good)).toBe('/quan-tri/tuyen-truyen/?saved=1');
    const [stored] = await site.db.select().from(outreachSessions).where(eq(outreachSessions.audience, 1200));
    expect(stored).toMatchObject({ status: 'approved', source: 'staff', heldOn: today });
    const [evidence] = await site.db.select().from(outreachEvidence).where(eq(outreachEvidence.sessionId, stored!.id));
    expect((await sharp(evidence!.bytes).metadata()).exif).toBeUndefined();
    const list = await (await as.reporter.get(`/quan-tri/tuyen-truyen/?year=${year}&status=approved`)).text();
    expect(list).toContain(`/quan-tri/tuyen-truyen/buoi/${stored!.id}/`);
    expect(list).toContain('1.200');
  });

  it('shows a session’s evidence to the staff who may open the session, and to nobody else', async () => {
    const [stored] = await site.db.select().from(outreachSessions).where(eq(outreachSessions.audience, 1200));
    const [evidence] = await site.db.select().from(outreachEvidence).where(eq(outreachEvidence.sessionId, stored!.id));
    const path = `/quan-tri/tuyen-truyen/buoi/${stored!.id}/minh-chung/${evidence!.id}`;
    expect(await (await as.reporter.get(`/quan-tri/tuyen-truyen/buoi/${stored!.id}/`)).text()).toContain(`href="${path}"`);
    for (const who of ['reporter', 'supervisor'] as const) {
      const response = await as[who].get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-disposition')).toBe(`inline; filename="minh-chung-${evidence!.id}.jpg"`);
      expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(evidence!.bytes))).toBe(true);
    }
    expect((await as.otherReporter.get(path)).status).toBe(403);
    expect((await as.supervisor.get(`/quan-tri/tuyen-truyen/buoi/${stored!.id}/minh-chung/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await new StaffHttp(site.baseUrl).get(path)).status).toBe(303);
  });

  it("keeps a reporter to their own unit: another unit's sessions are neither listed nor editable", async () => {
    const id = await recordSession(site.db, adminActor, sessionInput({ heldOn: today, units: [{ kind: 'commune', code: other }], audience: 77 }));
    expect(await (await as.reporter.get(`/quan-tri/tuyen-truyen/?year=${year}`)).text()).not.toContain(id);
    expect((await as.reporter.get(`/quan-tri/tuyen-truyen/buoi/${id}/`)).status).toBe(403);
    expect(await (await as.otherReporter.get(`/quan-tri/tuyen-truyen/?year=${year}`)).text()).toContain(id);
    const refused = await as.reporter.post('/quan-tri/tuyen-truyen/moi/', {
      heldOn: vietnamese(today),
      communeCode: other,
      form: 'hop-dan',
      agencyCode: 'cong-an-tinh',
      audience: '5',
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain(`Bạn chỉ được ghi nhận buổi tuyên truyền cho đơn vị của mình (${VINH}), không cho đơn vị ${other}.`);
  });

  it('approves a public report from the queue, and rejects one only with a reason', async () => {
    const approveId = await submitPublicSession(site.db, publicInput({ heldOn: today, schoolCodes: ['TV-THPT'], audience: '333' }));
    const rejectId = await submitPublicSession(site.db, publicInput({ heldOn: today, schoolCodes: ['TV-THPT'], audience: '444' }));
    const queue = await (await as.supervisor.get('/quan-tri/tuyen-truyen/duyet/')).text();
    expect(queue).toContain(`session-${approveId}`);
    expect(queue).toContain('Nguyễn Thị Lan');

    const noReason = await as.supervisor.post('/quan-tri/tuyen-truyen/duyet/', { intent: 'reject', id: rejectId, [`reason-${rejectId}`]: ' ' });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain(`<a href="#reason-${rejectId}">Nhập lý do từ chối để người báo cáo biết cần bổ sung gì.</a>`);
    expect((await findSession(site.db, rejectId))!.status).toBe('pending');

    expect((await as.supervisor.post('/quan-tri/tuyen-truyen/duyet/', { intent: 'approve', id: approveId })).status).toBe(200);
    expect(
      (await as.supervisor.post('/quan-tri/tuyen-truyen/duyet/', { intent: 'reject', id: rejectId, [`reason-${rejectId}`]: 'Trùng buổi đã báo cáo' })).status,
    ).toBe(200);
    expect(await findSession(site.db, rejectId)).toMatchObject({ status: 'rejected', reviewNote: 'Trùng buổi đã báo cáo' });
    const progress = await loadProgress(site.db, year);
    expect(progress.schoolList.find((school) => school.code === 'TV-THPT')).toMatchObject({ reached: true, sessions: 1 });
    expect(await (await as.supervisor.get('/quan-tri/tuyen-truyen/duyet/')).text()).not.toContain(`session-${approveId}`);
  });

  it('locks a period when its report is marked sent; an administrator edits with a reason and unlocks with one', async () => {
    const id = await recordSession(site.db, adminActor, sessionInput({ heldOn: `${year - 1}-03-10`, audience: 50 }));
    const periods = `/quan-tri/tuyen-truyen/ky-bao-cao/?year=${year - 1}`;
    const page = await (await as.admin.get(periods)).text();
    expect(page).toContain(`/api/outreach/reports?year=${year - 1}&amp;kind=annual&amp;format=xlsx`);
    const badDates = await as.admin.post(
      periods,
      {
        intent: 'dates',
        kind: 'six-month',
        year: String(year - 1),
        'six-month-coversFrom': '01/01/2025',
        'six-month-coversTo': '32/06/2025',
        'six-month-dueBefore': '16/06/2025',
      },
      await as.admin.csrfToken(periods),
    );
    expect(badDates.status).toBe(422);
    expect(await badDates.text()).toContain('<a href="#six-month-coversTo">Nhập ngày đúng dạng ngày/tháng/năm, ví dụ 15/06/2026.</a>');
    expect((await as.admin.post(periods, { intent: 'sent', kind: 'six-month', year: String(year - 1) }, await as.admin.csrfToken(periods))).status).toBe(200);

    const edit = `/quan-tri/tuyen-truyen/buoi/${id}/`;
    const fields = {
      heldOn: `10/03/${year - 1}`,
      communeCode: VINH,
      schools: '',
      form: 'hop-dan',
      agencyCode: 'cong-an-tinh',
      audience: '60',
      kitSlug: '',
      notes: '',
    };
    const bySupervisor = await as.supervisor.post(edit, fields);
    expect(bySupervisor.status).toBe(409);
    expect(await bySupervisor.text()).toContain('đã gửi; chỉ quản trị viên được thay đổi.');
    const withoutReason = await as.admin.post(edit, fields);
    expect(withoutReason.status).toBe(422);
    expect(await withoutReason.text()).toContain('<a href="#reason">');
    expect((await as.admin.post(edit, { ...fields, reason: 'Xã gửi lại số liệu' })).status).toBe(303);
    expect((await findSession(site.db, id))!.audience).toBe(60);
    expect((await readOutreachAudit(site.db, id)).at(-1)).toMatchObject({ details: { lockedPeriod: true, reason: 'Xã gửi lại số liệu' } });

    const unlock = await as.admin.post(
      periods,
      { intent: 'unlock', kind: 'six-month', year: String(year - 1), 'six-month-reason': 'Bổ sung số liệu' },
      await as.admin.csrfToken(periods),
    );
    expect(unlock.status).toBe(200);
    expect(await unlock.text()).toContain('Đã mở khóa kỳ báo cáo.');
    expect((await as.supervisor.post(edit, { ...fields, audience: '61' })).status).toBe(303);
  });

  it('imports schools from CSV: every bad line by number and nothing imported, or the counts', async () => {
    const upload = (csv: string) =>
      postMultipart(as.admin, '/quan-tri/tuyen-truyen/truong-hoc/nhap/', {}, [
        { name: 'file', blob: new Blob([csv], { type: 'text/csv' }), filename: 'truong.csv' },
      ]);
    const bad = await upload(`ma_truong,ten_truong,cap_hoc,ma_xa\nN1,Trường N1,THCS,${VINH}\nN2,Trường N2,Cao đẳng,${VINH}\nN3,Trường N3,THPT,00000\n`);
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Dòng 3: cấp học &quot;Cao đẳng&quot; không hợp lệ');
    expect(html).toContain('Dòng 4');
    expect(html).toContain('Tệp có 2 dòng sai; chưa nhập trường nào.');
    expect(await site.db.select().from(schools).where(eq(schools.code, 'N1'))).toEqual([]);
    const good = await upload(`ma_truong,ten_truong,cap_hoc,ma_xa\nN1,Trường N1,THCS,${VINH}\nTV-THCS,Trường THCS Hưng Dũng,THCS,${VINH}\n`);
    expect(good.status).toBe(200);
    expect(await good.text()).toContain('Đã nhập 2 trường: 1 trường mới, 1 trường cập nhật.');
  });

  it('adds, edits and deactivates a school, and edits a commune’s tags', async () => {
    const added = await as.admin.post('/quan-tri/tuyen-truyen/truong-hoc/', {
      code: 'MN-01',
      name: 'Trường Mầm non Hoa Sen',
      level: 'mam-non',
      communeCode: VINH,
    });
    expect(added.status).toBe(200);
    const duplicate = await as.admin.post('/quan-tri/tuyen-truyen/truong-hoc/', { code: 'MN-01', name: 'Trùng', level: 'mam-non', communeCode: VINH });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toContain('<a href="#code">Đã có trường mã MN-01.</a>');
    expect(
      (
        await as.admin.post('/quan-tri/tuyen-truyen/truong-hoc/MN-01/', {
          intent: 'edit',
          name: 'Trường Mầm non Sen Hồng',
          level: 'mam-non',
          communeCode: VINH,
        })
      ).status,
    ).toBe(200);
    expect((await as.admin.post('/quan-tri/tuyen-truyen/truong-hoc/MN-01/', { intent: 'deactivate' })).status).toBe(200);
    expect((await site.db.select().from(schools).where(eq(schools.code, 'MN-01')))[0]).toMatchObject({
      name: 'Trường Mầm non Sen Hồng',
      active: false,
      deactivatedOn: today,
    });

    const saved = await as.admin.post('/quan-tri/tuyen-truyen/xa-phuong/', { code: other, isBorder: '1', active: '1' });
    expect(saved.status).toBe(200);
    expect((await site.db.select().from(communes).where(eq(communes.code, other)))[0]).toMatchObject({ isBorder: true, isCoastal: false, active: true });
  });

  it('takes large files only on the two upload pages: other pages, the login page included, stop at 1 MB', async () => {
    const big = new Uint8Array(2 * 1024 * 1024);
    const login = await fetch(`${site.baseUrl}/quan-tri/dang-nhap/`, {
      method: 'POST',
      body: big,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: site.baseUrl },
    });
    expect(login.status).toBe(413);
    const photo = await sharp({ create: { width: 1400, height: 1000, channels: 3, background: '#224466' } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(photo.length).toBeGreaterThan(1024 * 1024);
    const upload = await postMultipart(
      as.admin,
      '/quan-tri/tuyen-truyen/moi/',
      { heldOn: vietnamese(today), communeCode: VINH, form: 'loa-truyen-thanh', agencyCode: 'cong-an-tinh', audience: '900' },
      [{ name: 'evidence', blob: new Blob([new Uint8Array(photo)], { type: 'image/png' }), filename: 'anh.png' }],
    );
    expect(upload.status).toBe(303);
  });
});
