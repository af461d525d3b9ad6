import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#server/auth/actor.ts';
import { auditLog } from '#server/db/schema.ts';
import { databaseKinds } from '../../helpers/databases.ts';
import { startPortalOn, type PortalOn } from '../../helpers/portal-on.ts';
import { createStaff, signedInToken } from '../../helpers/staff.ts';
import { locationOf, StaffHttp } from '../../helpers/staff-http.ts';
import { insertStatisticsTip, STATISTICS_TIPS } from '../../helpers/triage.ts';

const PAGE = '/quan-tri/thong-ke/';
const RANGE = '?tu=01%2F01%2F2026&den=30%2F06%2F2026';

describe.each(databaseKinds)('statistics page and downloads on %s', (kind) => {
  let site: PortalOn;
  const clients = new Map<Role | 'anonymous', StaffHttp>();
  const userIds = new Map<Role, string>();
  beforeAll(async () => {
    site = await startPortalOn(kind);
    clients.set('anonymous', new StaffHttp(site.baseUrl));
    for (const role of ['officer', 'supervisor', 'admin', 'reporter'] as const) {
      const staff = await createStaff(site.db, `thong.ke.${role}`, { role });
      const http = new StaffHttp(site.baseUrl);
      http.cookies.set('pcmt-session', await signedInToken(site.db, staff.user.id));
      clients.set(role, http);
      userIds.set(role, staff.user.id);
    }
    for (const tip of STATISTICS_TIPS) await insertStatisticsTip(site.db, tip);
  });
  afterAll(() => site?.stop());

  const exportsBy = async (role: Role) =>
    (await site.db.select().from(auditLog).where(eq(auditLog.action, 'tips.statistics.exported'))).filter((entry) => entry.actorId === userIds.get(role));

  it.each([PAGE, `/quan-tri/thong-ke/tai-ve.csv${RANGE}`, `/quan-tri/thong-ke/tai-ve.xlsx${RANGE}`])(
    'sends the public from %s to the login page and refuses a reporter',
    async (path) => {
      const anonymous = await clients.get('anonymous')!.get(path);
      expect(anonymous.status).toBe(303);
      expect(locationOf(anonymous)).toBe('/quan-tri/dang-nhap/');
      const reporter = await clients.get('reporter')!.get(path);
      expect(reporter.status).toBe(403);
      expect(reporter.headers.get('cache-control')).toBe('no-store');
      expect(await exportsBy('reporter')).toEqual([]);
    },
  );

  it('shows an officer the figures of their own queue, with download links, not cached', async () => {
    const response = await clients.get('officer')!.get(`${PAGE}${RANGE}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('Số liệu từ ngày 01/01/2026 đến ngày 30/06/2026');
    expect(html).toContain('Tin thuộc hàng đợi pc04');
    expect(html).toMatch(/<dt>Tổng số tin<\/dt>\s*<dd>4<\/dd>/);
    expect(html).toMatch(/<th scope="row">Xã Đô Lương<\/th>\s*<td class="number">2<\/td>/);
    expect(html).not.toContain('Phường Thành Vinh');
    expect(html).toContain('href="/quan-tri/thong-ke/tai-ve.xlsx?tu=01%2F01%2F2026&amp;den=30%2F06%2F2026"');
    expect(html).toContain('<a href="/quan-tri/thong-ke/" aria-current="page">Thống kê tin tố giác</a>');
  });

  it('defaults to the current report period when no date is given', async () => {
    const response = await clients.get('supervisor')!.get(PAGE);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/Để trống để xem kỳ báo cáo hiện tại: Báo cáo (6 tháng|năm) năm \d{4}/);
  });

  it('keeps what was typed and explains each wrong date, GOV.UK style', async () => {
    const response = await clients.get('officer')!.get(`${PAGE}?tu=31%2F02%2F2026&den=01%2F01%2F2020`);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/<title>Lỗi: Thống kê tin tố giác/);
    expect(html).toContain('<a href="#tu">Nhập ngày bắt đầu theo dạng ngày/tháng/năm, ví dụ 01/01/2026</a>');
    expect(html).toContain('<a href="#den">Ngày kết thúc phải từ 01/01/2021 đến 31/12/2100</a>');
    expect(html).toContain('value="31/02/2026"');
    expect(html).not.toContain('tai-ve.csv');
    const reversed = await (await clients.get('officer')!.get(`${PAGE}?tu=30%2F06%2F2026&den=01%2F01%2F2026`)).text();
    expect(reversed).toContain('<a href="#den">Ngày kết thúc phải trùng hoặc sau ngày bắt đầu</a>');
  });

  it('downloads an administrator’s XLSX with every tip, and audits it with the range and format', async () => {
    const response = await clients.get('admin')!.get(`/quan-tri/thong-ke/tai-ve.xlsx${RANGE}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="thong-ke-tin-to-giac-2026-01-01-den-2026-06-30.xlsx"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const total = workbook
      .getWorksheet('Tổng hợp')!
      .getSheetValues()
      .find((row) => Array.isArray(row) && row[1] === 'Tổng số tin') as unknown[];
    expect(total[2]).toBe(6);
    expect(workbook.getWorksheet('Hàng đợi')!.getRow(2).values).toEqual([, 'bien-phong', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 1, 16.7]);
    const entries = await exportsBy('admin');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorName: 'thong.ke.admin', detail: { from: '2026-01-01', to: '2026-06-30', format: 'xlsx', scope: 'all' } });
  });

  it('downloads an officer’s CSV of their queue only, and audits it', async () => {
    const response = await clients.get('officer')!.get(`/quan-tri/thong-ke/tai-ve.csv${RANGE}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith('\uFEFFThống kê tin tố giác tội phạm về ma túy\r\n')).toBe(true);
    expect(text).toContain('\r\nTổng số tin,4\r\n');
    expect(text).not.toContain('bien-phong');
    expect((await exportsBy('officer')).map((entry) => entry.detail)).toEqual([{ from: '2026-01-01', to: '2026-06-30', format: 'csv', scope: ['pc04'] }]);
  });

  it('refuses a download for a wrong range with a message, and audits nothing', async () => {
    const response = await clients.get('supervisor')!.get('/quan-tri/thong-ke/tai-ve.csv?tu=hôm%20qua');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Nhập ngày bắt đầu theo dạng ngày/tháng/năm');
    expect((await clients.get('supervisor')!.get('/quan-tri/thong-ke/tai-ve.pdf')).status).toBe(404);
    expect(await exportsBy('supervisor')).toEqual([]);
  });
});
