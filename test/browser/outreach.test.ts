import { describe, expect, it } from 'vitest';
import { outreachSessions } from '../../server/db/schema.ts';
import { approveSession } from '../../server/outreach/review.ts';
import { formatVietnameseDate, vietnamDate } from '../../server/text/vietnam-time.ts';
import { axeViolations } from '../helpers/browser.ts';
import { usePortalInBrowser } from '../helpers/portal-in-browser.ts';
import { importSampleSchools, supervisor, VINH } from '../helpers/outreach.ts';

const fixture = usePortalInBrowser(async (started) => {
  await importSampleSchools(started.portal.database.db, '16690');
});

describe('a teacher reports a session, a supervisor approves it, the public sees it', () => {
  it('shows errors the GOV.UK way without JavaScript, keeps the fields, and passes axe', async () => {
    const page = await fixture.chrome.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(`${fixture.site.baseUrl}/tien-do/bao-cao/`);
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

  it('takes the report, counts it after approval, and shows the school and its commune reached with the countdown', async () => {
    const page = await fixture.chrome.newPage();
    await page.goto(`${fixture.site.baseUrl}/tien-do/bao-cao/`);
    await page.fill('#heldOn', formatVietnameseDate(vietnamDate(new Date())));
    await page.selectOption('#communeCode', VINH);
    await page.check('#includeCommune');
    await page.fill('#schools', 'TV-THCS');
    await page.check('input[name=form][value=ngoai-khoa-chao-co]');
    await page.selectOption('#agencyCode', 'so-gddt');
    await page.fill('#audience', '450');
    await page.selectOption('#kitSlug', 'thcs-lop-6-7');
    await page.fill('#reporterName', 'Nguyễn Thị Lan');
    await page.click('button[type=submit]');
    expect(await page.textContent('h1')).toBe('Đã nhận báo cáo');

    const [session] = await fixture.site.portal.database.db.select().from(outreachSessions);
    expect(session!.status).toBe('pending');
    await approveSession(fixture.site.portal.database.db, supervisor, session!.id);

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
});
