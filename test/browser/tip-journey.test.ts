import { desc } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { open } from '#server/crypto/keyring.ts';
import { tipPhotos, tips } from '#server/db/schema.ts';
import { axeViolations } from '../helpers/browser.ts';
import { usePortalInBrowser } from '../helpers/portal-in-browser.ts';
import { jpegWithGps } from '../helpers/images.ts';
import { VALID_DESCRIPTION } from '../helpers/tips.ts';

const fixture = usePortalInBrowser();

const PHONE = { viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true };

describe('a citizen on a phone', () => {
  it('sends a tip with a GPS-tagged photo, writes down the receipt, follows up and replies', { timeout: 120_000 }, async () => {
    const page = await fixture.chrome.newPage(PHONE);
    await page.goto(`${fixture.site.baseUrl}/to-giac/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.locator('altcha-widget').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Trồng cây có chứa chất ma túy (cây thuốc phiện, cần sa…)').check();
    await page.getByLabel('Lọc danh sách xã, phường').fill('thanh vinh');
    expect(await page.locator('#tip-communeCode').inputValue()).toBe('16681');
    await page.getByLabel(/Địa điểm cụ thể/).fill('Vườn sau nhà văn hóa khối 3');
    await page.getByLabel(/Ngày bạn nhìn thấy/).fill('20/11/2026');
    await page.getByLabel('Nội dung tố giác').fill(VALID_DESCRIPTION);
    await expect(page.locator('[data-chars-left]').textContent()).resolves.toMatch(/^Còn lại 4\.9\d\d ký tự$/);
    await page.setInputFiles('#tip-photos', { name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps() });
    await expect(page.locator('[data-photo-previews] li').count()).resolves.toBe(1);
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('input[name="captcha"]')?.value ?? '').length > 20, null, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Gửi tin tố giác' }).click();

    const receipt = (await page.locator('[data-receipt]').textContent({ timeout: 30_000 }))!.trim();
    expect(receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(page.url()).toBe(`${fixture.site.baseUrl}/to-giac/`);
    await expect(page.getByText(/Đã xóa khỏi ảnh của bạn: .*vị trí GPS.*tên thiết bị/).count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    const [tip] = await fixture.site.portal.database.db.select().from(tips).orderBy(desc(tips.id)).limit(1);
    expect(tip).toMatchObject({ category: 'trong-cay', communeCode: '16681', observedOn: '2026-11-20', photoCount: 1 });
    const [photo] = await fixture.site.portal.database.db.select().from(tipPhotos).orderBy(desc(tipPhotos.id)).limit(1);
    const stored = open(fixture.site.portal.secrets.tipKeys, { keyId: photo!.keyId, data: photo!.imageSealed! });
    expect((await sharp(stored).metadata()).exif).toBeUndefined();

    await page.getByRole('link', { name: 'Đến trang theo dõi tin' }).click();
    await page.getByLabel('Mã biên nhận').fill(receipt);
    await page.getByRole('button', { name: 'Xem tình trạng' }).click();
    await expect(page.locator('[data-status]').textContent()).resolves.toBe('Mới');
    expect(page.url()).not.toContain(receipt.replaceAll(' ', ''));
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Nội dung bổ sung').fill('Thường có người ra vào lúc chập tối.');
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await expect(page.getByText('Đã gửi thông tin bổ sung của bạn.').count()).resolves.toBe(1);
    await expect(page.getByText('Thường có người ra vào lúc chập tối.').count()).resolves.toBe(1);
    await page.close();
  });

  it('without JavaScript, gets the error summary with every field kept', { timeout: 90_000 }, async () => {
    const page = await fixture.chrome.newPage({ ...PHONE, javaScriptEnabled: false });
    await page.goto(`${fixture.site.baseUrl}/to-giac/`);
    await page.getByLabel('Khác', { exact: true }).check();
    await page.getByLabel(/Địa điểm cụ thể/).fill('Chợ đầu mối');
    await page.getByLabel('Nội dung tố giác').fill('quá ngắn');
    const [answer] = await Promise.all([page.waitForResponse('**/api/tips'), page.getByRole('button', { name: 'Gửi tin tố giác' }).click()]);
    expect(answer.status()).toBe(400);
    expect(await page.title()).toMatch(/^Lỗi: /);
    const summary = page.locator('[data-error-summary]');
    await expect(summary.getAttribute('role')).resolves.toBe('alert');
    await expect(summary.locator('a').allTextContents()).resolves.toEqual(['Nội dung cần ít nhất 20 ký tự để cơ quan chức năng xác minh được.']);
    await expect(page.getByLabel(/Địa điểm cụ thể/).inputValue()).resolves.toBe('Chợ đầu mối');
    await expect(page.getByLabel('Nội dung tố giác').inputValue()).resolves.toBe('quá ngắn');
    await expect(page.getByLabel('Khác', { exact: true }).isChecked()).resolves.toBe(true);
    await page.close();
  });

  it('with JavaScript, gets the same error summary in place, focused, with no axe violations', { timeout: 90_000 }, async () => {
    const page = await fixture.chrome.newPage(PHONE);
    await page.goto(`${fixture.site.baseUrl}/to-giac/`);
    await page.getByLabel('Khác', { exact: true }).check();
    await page.getByLabel('Nội dung tố giác').fill('quá ngắn');
    await page.getByRole('button', { name: 'Gửi tin tố giác' }).click();
    await page.locator('[data-error-summary]').waitFor();
    expect(await page.title()).toMatch(/^Lỗi: /);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
    await expect(page.getByLabel('Nội dung tố giác').inputValue()).resolves.toBe('quá ngắn');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('quick exit leaves for a neutral page and cannot be undone with Back', async () => {
    const page = await fixture.chrome.newPage(PHONE);
    await page.route('https://www.google.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Google</title>' }));
    await page.goto(`${fixture.site.baseUrl}/`);
    await page.goto(`${fixture.site.baseUrl}/to-giac/`);
    await page.getByRole('link', { name: 'Thoát nhanh' }).click();
    await page.waitForURL('https://www.google.com/');
    await page.goBack();
    expect(page.url()).toBe(`${fixture.site.baseUrl}/`);
    await page.close();
  });
});
