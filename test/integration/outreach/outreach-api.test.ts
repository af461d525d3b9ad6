import ExcelJS from 'exceljs';
import { Hono } from 'hono';
import sharp from 'sharp';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '#server/app-env.ts';
import type { Actor } from '#server/auth/actor.ts';
import { loadConfig } from '#server/config.ts';
import { outreachEvidence, outreachSessions } from '#server/db/schema.ts';
import { createLogger } from '#server/logger.ts';
import { approveSession } from '#server/outreach/review.ts';
import { vietnamDate } from '#shared/time/vietnam-time.ts';
import { createSubmissionRateLimiter } from '#server/outreach/submission-rate-limit.ts';
import { createOutreachApi } from '#server/routes/outreach.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';
import { createTestApp } from '../../helpers/test-app.ts';
import { solveAltcha } from '../../helpers/captcha.ts';
import { createAltcha } from '#server/captcha/captcha.ts';
import { captcha as captchaRoute } from '#server/routes/captcha.ts';
import { admin, importSampleSchools, supervisor, VINH } from '../../helpers/outreach.ts';
import { wallClock } from '../../helpers/clock.ts';

const today = vietnamDate(wallClock());
const vietnameseToday = `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`;

function form(fields: Record<string, string>, files: Blob[] = []): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const [index, file] of files.entries()) body.append('evidence', file, `anh-${index}.jpg`);
  return body;
}
const valid = {
  heldOn: vietnameseToday,
  communeCode: VINH,
  schools: 'TV-THCS',
  form: 'ngoai-khoa-chao-co',
  agencyCode: 'so-gddt',
  audience: '450',
  reporterName: 'Nguyễn Thị Lan',
};

/**
 * The outreach routes with the signed-in actor set directly, as staffSession() sets it from a session
 * cookie (the cookie path itself is tested in test/integration/http/staff-session.test.ts).
 */
function apiAs(database: TestDatabase, actor: Actor | null) {
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('config', loadConfig({}));
      c.set('database', database);
      c.set('logger', createLogger('silent'));
      if (actor) (c.set as (key: string, value: unknown) => void)('actor', actor);
      await next();
    })
    .route('/api/outreach', createOutreachApi({ siteDir: null }));
}

describe.each(databaseKinds)('the outreach API on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const other = (await database.db.query.communes.findFirst({ where: (table, { ne }) => ne(table.code, VINH) }))!.code;
    await importSampleSchools(database.db, other);
  });
  afterAll(() => database.dispose());
  const sessionCount = async () => (await database.db.select({ value: count() }).from(outreachSessions))[0]!.value;

  it('refuses a bad submission with Vietnamese errors per field and stores nothing', async () => {
    const { app } = await createTestApp(database);
    const response = await app.request('/api/outreach/submissions', {
      method: 'POST',
      body: form({ ...valid, heldOn: '31/02/2026', audience: 'nhiều', form: '', reporterName: '' }),
    });
    expect(response.status).toBe(422);
    const { errors } = await response.json();
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'heldOn', message: 'Nhập ngày tổ chức đúng dạng ngày/tháng/năm, ví dụ 15/03/2026.' },
        { field: 'audience', message: 'Nhập số người tham dự bằng chữ số.' },
        { field: 'form', message: 'Chọn hình thức tuyên truyền.' },
        { field: 'reporterName', message: 'Nhập họ và tên người báo cáo.' },
      ]),
    );
    expect(await sessionCount()).toBe(0);
  });

  it('refuses a file that is not a photo or document, whatever its name says, and stores nothing', async () => {
    const { app } = await createTestApp(database);
    const fake = new Blob([new TextEncoder().encode('MZ\x90\x00 not really a jpeg')], { type: 'image/jpeg' });
    const response = await app.request('/api/outreach/submissions', { method: 'POST', body: form({ ...valid, captcha: await solveAltcha(app) }, [fake]) });
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual([{ field: 'evidence', message: 'Tệp thứ 1 không phải ảnh JPEG, PNG, WebP, HEIC hay tài liệu PDF, DOCX.' }]);
    expect(await sessionCount()).toBe(0);
  });

  it('stores a pending session with the photo re-encoded upright and stripped of EXIF, and no address logged', async () => {
    const photo = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#884422' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'MarkerArtist', Copyright: 'MarkerCopyright' } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const { app, log } = await createTestApp(database);
    const response = await app.request('/api/outreach/submissions', {
      method: 'POST',
      body: form({ ...valid, captcha: await solveAltcha(app) }, [new Blob([new Uint8Array(photo)], { type: 'image/jpeg' })]),
      headers: { 'X-Forwarded-For': '203.0.113.9', 'User-Agent': 'MarkerAgent/1' },
    });
    expect(response.status).toBe(201);
    const { reference } = await response.json();
    expect(reference).toMatch(/^[0-9A-F]{8}$/);
    const [session] = await database.db.select().from(outreachSessions);
    expect(session).toMatchObject({ status: 'pending', source: 'public', heldOn: today, reporterName: 'Nguyễn Thị Lan' });
    const [stored] = await database.db.select().from(outreachEvidence).where(eq(outreachEvidence.sessionId, session!.id));
    const metadata = await sharp(stored!.bytes).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 40, height: 60 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.iptc).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(stored!.bytes.includes('MarkerArtist')).toBe(false);
    expect(log.text).not.toContain('203.0.113.9');
    expect(log.text).not.toContain('MarkerAgent');
  });

  it('answers a browser without JavaScript with the form again: error summary, fields kept, "Lỗi: " in the title', async () => {
    const { app } = await createTestApp(database, { withSite: true });
    const response = await app.request('/api/outreach/submissions', {
      method: 'POST',
      body: form({ ...valid, audience: '', notes: 'Giữ lại <b>ghi chú</b>' }),
      headers: { Accept: 'text/html' },
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/<title>Lỗi: Báo cáo buổi tuyên truyền ·/);
    expect(html).toContain('class="error-summary" role="alert"');
    expect(html).toContain('<a href="#audience">Nhập số người tham dự.</a>');
    expect(html).toContain('Giữ lại &lt;b&gt;ghi chú&lt;/b&gt;</textarea>');
    expect(html).toContain('value="Nguyễn Thị Lan"');
    expect(html).toContain(`<option value="${VINH}" selected>`);
  });

  it('checks the fields before the captcha, so a typo is reported without a captcha error', async () => {
    const { app } = await createTestApp(database);
    const response = await app.request('/api/outreach/submissions', { method: 'POST', body: form({ ...valid, audience: '' }) });
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual([{ field: 'audience', message: 'Nhập số người tham dự.' }]);
  });

  it('refuses a report without a solved captcha, or with a reused one, in Vietnamese, and stores nothing', async () => {
    const before = await sessionCount();
    const { app } = await createTestApp(database);
    const missing = await app.request('/api/outreach/submissions', { method: 'POST', body: form(valid) });
    expect(missing.status).toBe(422);
    expect((await missing.json()).errors).toEqual([{ field: 'captcha', message: 'Hoàn thành bước xác minh chống spam rồi gửi lại.' }]);
    const token = await solveAltcha(app);
    expect((await app.request('/api/outreach/submissions', { method: 'POST', body: form({ ...valid, captcha: token }) })).status).toBe(201);
    const replayed = await app.request('/api/outreach/submissions', { method: 'POST', body: form({ ...valid, captcha: token }) });
    expect(replayed.status).toBe(422);
    expect(await sessionCount()).toBe(before + 1);
  });

  it('tells a browser without JavaScript what the captcha needs, as the tip form does, and links its error', async () => {
    const { app } = await createTestApp(database, { withSite: true });
    const response = await app.request('/api/outreach/submissions', { method: 'POST', body: form(valid), headers: { Accept: 'text/html' } });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('<a href="#captcha">Hoàn thành bước xác minh chống spam rồi gửi lại.</a>');
    expect(html).toContain('<noscript><p class="notice">Bước xác minh cần JavaScript.');
    expect(html).toContain('value="Nguyễn Thị Lan"');
  });

  it('limits public submissions per unit without knowing who sends them', async () => {
    const api = new Hono<AppEnv>()
      .use(async (c, next) => {
        c.set('database', database);
        c.set('logger', createLogger('silent'));
        c.set('captcha', createAltcha('a-test-secret-of-at-least-32-characters', 1000));
        await next();
      })
      .route('/api/captcha', captchaRoute)
      .route('/api/outreach', createOutreachApi({ siteDir: null, rateLimiter: createSubmissionRateLimiter({ windowMs: 60_000, overall: 100, perUnit: 1 }) }));
    const first = await api.request('/api/outreach/submissions', { method: 'POST', body: form({ ...valid, captcha: await solveAltcha(api) }) });
    const second = await api.request('/api/outreach/submissions', { method: 'POST', body: form({ ...valid, captcha: await solveAltcha(api) }) });
    expect(first.status).toBe(201);
    expect(second.status).toBe(429);
    expect((await second.json()).errors[0].message).toBe('Đã có quá nhiều báo cáo gửi trong ít phút. Vui lòng thử lại sau 10 phút.');
  });

  it('publishes the progress figures as JSON, counting only approved sessions', async () => {
    const { app } = await createTestApp(database);
    const before = await (await app.request(`/api/outreach/progress?year=${today.slice(0, 4)}`)).json();
    expect(before.schools).toEqual({ total: 3, reached: 0, percent: 0 });
    const bad = await app.request('/api/outreach/progress?year=1999');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errors: [{ field: 'year', message: 'Chỉ có số liệu từ năm 2021.' }] });
  });

  it('keeps the reports and the school import closed until an administrator is signed in', async () => {
    expect((await apiAs(database, null).request('/api/outreach/reports?year=2026&kind=annual')).status).toBe(401);
    expect((await apiAs(database, supervisor).request('/api/outreach/reports?year=2026&kind=annual')).status).toBe(403);
    const { app } = await createTestApp(database);
    expect((await app.request('/api/outreach/reports?year=2026&kind=annual')).status).toBe(401);
  });

  it('gives an administrator the annual report as an XLSX that opens with Vietnamese text intact', async () => {
    const [pending] = await database.db.select().from(outreachSessions).where(eq(outreachSessions.status, 'pending'));
    await approveSession(database.db, supervisor, pending!.id);
    const year = Number(today.slice(0, 4));
    const response = await apiAs(database, admin).request(`/api/outreach/reports?year=${year}&kind=annual&format=xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="bao-cao-tuyen-truyen-nam-${year}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const summary = workbook.getWorksheet('Tổng hợp')!;
    expect(summary.getCell('A1').value).toBe(`Báo cáo năm năm ${year} – kết quả tuyên truyền pháp luật về phòng, chống ma túy (chỉ tiêu III.2)`);
    const units = workbook.getWorksheet('Đơn vị')!;
    const rows = units.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]!.slice(1, 4)).toEqual(['Loại đơn vị', 'Mã', 'Tên đơn vị']);
    const school = rows.find((row) => row[2] === 'TV-THCS')!;
    expect(school.slice(1)).toEqual([
      'Trường học',
      'TV-THCS',
      'Trường THCS Hưng Dũng',
      'THCS',
      'Phường Thành Vinh',
      'Đã tuyên truyền',
      1,
      450,
      'Ngoại khóa hoặc chào cờ ở trường',
      expect.any(String),
      expect.any(String),
    ]);
    expect(rows.filter((row) => row[1] === 'Xã, phường')).toHaveLength(130);
  });

  it('gives the same report as CSV with a byte-order mark for Excel', async () => {
    const response = await apiAs(database, admin).request(`/api/outreach/reports?year=${today.slice(0, 4)}&kind=six-month&format=csv`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toContain('Loại đơn vị,Mã,Tên đơn vị,Phân loại,Thuộc xã, phường'.replace('Thuộc xã, phường', '"Thuộc xã, phường"'));
    expect(text).toContain('Xã, phường đã tuyên truyền');
  });

  it('imports a school list for an administrator and names the bad line', async () => {
    const body = new FormData();
    body.append('file', new Blob([`ma_truong,ten_truong,cap_hoc,ma_xa\nZ1,Trường Z,THCS,${VINH}\nZ2,Trường Y,Cao đẳng,${VINH}\n`]), 'truong.csv');
    const response = await apiAs(database, admin).request('/api/outreach/schools/import', { method: 'POST', body });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      errors: [{ field: 'file', line: 3, message: 'Dòng 3: cấp học "Cao đẳng" không hợp lệ (dùng: Mầm non, Tiểu học, THCS, THPT, GDTX, Khác).' }],
    });
  });
});
