import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { outreachSessions } from '#server/db/schema.ts';
import { formatVietnameseDate, vietnamDate } from '#shared/time/vietnam-time.ts';
import { axeViolations } from '../helpers/browser.ts';
import { usePortalInBrowser } from '../helpers/portal-in-browser.ts';
import { importSampleSchools, VINH } from '../helpers/outreach.ts';
import { createStaff, signedInToken } from '../helpers/staff.ts';
import type { Page } from 'playwright-core';
import { wallClock } from '../helpers/clock.ts';

const fixture = usePortalInBrowser(async (started) => {
  await importSampleSchools(started.portal.database.db, '16690');
});

/** A staff member of this role, signed in in a fresh page (the sign-in itself is tested in quan-tri.test.ts). */
async function staffPage(role: 'supervisor' | 'admin', viewport = { width: 320, height: 800 }): Promise<Page> {
  const db = fixture.site.portal.database.db;
  const staff = await createStaff(db, `trinh.duyet.${role}.${randomUUID().slice(0, 8)}`, { role });
  const page = await fixture.chrome.newPage({ viewport });
  await page.context().addCookies([{ name: 'pcmt-session', value: await signedInToken(db, staff.user.id), url: fixture.site.baseUrl }]);
  return page;
}

const overflowOf = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('a teacher reports a session, a supervisor approves it, the public sees it', () => {
  it('shows errors the GOV.UK way without JavaScript, keeps the fields, and passes axe', async () => {
    const page = await fixture.chrome.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(`${fixture.site.baseUrl}/tien-do/bao-cao/`);
    await page.locator('altcha-widget').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#reporterName', 'Nguyễn Thị Lan');
    await page.click('button[type=submit]');
    expect(await page.title()).toMatch(/^Lỗi: /);
    expect(await page.textContent('.error-summary')).toContain('Nhập ngày tổ chức buổi tuyên truyền.');
    expect(await page.inputValue('#reporterName')).toBe('Nguyễn Thị Lan');
    expect(await axeViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await page.close();
  }, 90_000);

  it('tells a browser without JavaScript that the captcha needs it, as the tip form does', async () => {
    const page = await fixture.chrome.newPage({ javaScriptEnabled: false });
    await page.goto(`${fixture.site.baseUrl}/tien-do/bao-cao/`);
    expect(await page.locator('#outreach-report-form .notice').textContent()).toBe(
      'Bước xác minh cần JavaScript. Nếu không bật được, hãy gọi đường dây nóng 0769.04.04.04 (C04, Bộ Công an) để báo tin.',
    );
    await page.close();
  }, 60_000);

  it('takes the report, counts it after approval on the staff page, and shows the school and its commune reached with the countdown', async () => {
    const page = await fixture.chrome.newPage();
    await page.goto(`${fixture.site.baseUrl}/tien-do/bao-cao/`);
    await page.fill('#heldOn', formatVietnameseDate(vietnamDate(wallClock())));
    await page.selectOption('#communeCode', VINH);
    await page.check('#includeCommune');
    await page.fill('#schools', 'TV-THCS');
    await page.check('input[name=form][value=ngoai-khoa-chao-co]');
    await page.selectOption('#agencyCode', 'so-gddt');
    await page.fill('#audience', '450');
    await page.selectOption('#kitSlug', 'thcs-lop-6-7');
    await page.fill('#reporterName', 'Nguyễn Thị Lan');
    await page.focus('#reporterName');
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('input[name="captcha"]')?.value ?? '').length > 20, null, { timeout: 30_000 });
    await page.click('button[type=submit]');
    expect(await page.textContent('h1')).toBe('Đã nhận báo cáo');

    const [session] = await fixture.site.portal.database.db.select().from(outreachSessions);
    expect(session!.status).toBe('pending');

    const queue = await staffPage('supervisor');
    await queue.goto(`${fixture.site.baseUrl}/quan-tri/tuyen-truyen/duyet/`);
    const item = queue.locator(`#session-${session!.id}`);
    expect(await item.textContent()).toContain('Nguyễn Thị Lan');
    expect(await axeViolations(queue)).toEqual([]);
    expect(await overflowOf(queue)).toBe(0);
    await Promise.all([queue.waitForNavigation(), item.getByRole('button', { name: 'Duyệt' }).click()]);
    expect(await queue.textContent('.notice')).toContain('Đã duyệt báo cáo');
    expect(await queue.locator(`#session-${session!.id}`).count()).toBe(0);
    await queue.close();

    await page.goto(`${fixture.site.baseUrl}/tien-do/`);
    const row = page.locator(`#xa-${VINH}`);
    expect(await row.locator('th').textContent()).toBe('Phường Thành Vinh');
    expect(await row.locator('.status').textContent()).toBe('Đã tuyên truyền');
    expect(await row.locator('td').last().textContent()).toBe('1/2');
    expect(await page.locator('#reached-schools-title + details').textContent()).toContain('Trường THCS Hưng Dũng');
    expect(await page.textContent('.deadline-text')).toMatch(/^Còn \d+ ngày đến hạn gửi báo cáo (6 tháng|năm) \d{4} \(gửi trước ngày \d{2}\/\d{2}\/\d{4}\)\.$/);
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    // axe over 130 communes and their schools takes a while on a busy two-core CI machine.
  }, 120_000);

  it('fits the progress page on a 320 px screen and loads nothing from another host', async () => {
    const page = await fixture.chrome.newPage({ viewport: { width: 320, height: 640 } });
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    await page.goto(`${fixture.site.baseUrl}/en/tien-do/`);
    expect(await page.textContent('h1')).toBe('Drug-prevention outreach progress');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    expect([...hosts]).toEqual([new URL(fixture.site.baseUrl).host]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 90_000);

  it('gives staff pages that pass axe and fit a 320 px screen', async () => {
    const page = await staffPage('admin');
    for (const path of [
      '/quan-tri/tuyen-truyen/',
      '/quan-tri/tuyen-truyen/moi/',
      '/quan-tri/tuyen-truyen/ky-bao-cao/',
      '/quan-tri/tuyen-truyen/truong-hoc/',
      '/quan-tri/tuyen-truyen/truong-hoc/nhap/',
      '/quan-tri/tuyen-truyen/truong-hoc/TV-THCS/',
      '/quan-tri/tuyen-truyen/xa-phuong/',
    ]) {
      await page.goto(`${fixture.site.baseUrl}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
      expect(await overflowOf(page), path).toBe(0);
    }
    // A form with errors: the summary, the messages by the fields, still accessible.
    await page.goto(`${fixture.site.baseUrl}/quan-tri/tuyen-truyen/moi/`);
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Lưu' }).click()]);
    expect(await page.title()).toMatch(/^Lỗi: /);
    expect(await page.textContent('.error-summary')).toContain('Nhập ngày tổ chức buổi tuyên truyền.');
    expect(await axeViolations(page)).toEqual([]);
    const [session] = await fixture.site.portal.database.db.select().from(outreachSessions);
    await page.goto(`${fixture.site.baseUrl}/quan-tri/tuyen-truyen/buoi/${session!.id}/`);
    expect(await page.inputValue('#audience')).toBe('450');
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflowOf(page)).toBe(0);
    await page.close();
  }, 180_000);
});
