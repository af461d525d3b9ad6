import { desc } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tips } from '#server/db/schema.ts';
import { axeViolations } from '../helpers/browser.ts';
import { jpegWithGps } from '../helpers/images.ts';
import { usePortalInBrowser } from '../helpers/portal-in-browser.ts';
import { createStaff, signedInToken } from '../helpers/staff.ts';
import { storeTip } from '../helpers/triage.ts';
import { VALID_DESCRIPTION } from '../helpers/tips.ts';

const fixture = usePortalInBrowser();

const PHONE = { viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true };
const REPLY = 'Cảm ơn bạn. Chúng tôi đã nhận tin và đang xác minh tại địa điểm bạn nêu.';

async function expectFitsAndAccessible(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), page.url()).toBe(0);
  expect(await axeViolations(page), page.url()).toEqual([]);
}

async function go(page: Page, click: () => Promise<void>) {
  await Promise.all([page.waitForNavigation(), click()]);
}

describe('a tip from the public form to an officer and back to the tipster', () => {
  it('is triaged by an officer on a phone, and the tipster reads the new status and the reply', { timeout: 180_000 }, async () => {
    const { baseUrl, portal } = fixture.site;
    const citizen = await fixture.chrome.newPage(PHONE);
    await citizen.goto(`${baseUrl}/to-giac/`);
    await citizen.locator('altcha-widget').waitFor();
    await citizen.getByLabel('Mua bán, vận chuyển trái phép chất ma túy').check();
    await citizen.getByLabel('Lọc danh sách xã, phường').fill('thanh vinh');
    await citizen.getByLabel(/Địa điểm cụ thể/).fill('Ngõ 5 đường Phan Bội Châu');
    await citizen.getByLabel('Nội dung tố giác').fill(VALID_DESCRIPTION);
    await citizen.setInputFiles('#tip-photos', { name: 'IMG_1.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps() });
    await citizen.waitForFunction(() => (document.querySelector<HTMLInputElement>('input[name="captcha"]')?.value ?? '').length > 20, null, {
      timeout: 30_000,
    });
    await citizen.getByRole('button', { name: 'Gửi tin tố giác' }).click();
    const receipt = (await citizen.locator('[data-receipt]').textContent({ timeout: 30_000 }))!.trim();
    expect(receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);

    // The officer of the queue the tip was routed to, made as the CLI makes accounts, signs in with password and TOTP.
    const [tip] = await portal.database.db.select().from(tips).orderBy(desc(tips.id)).limit(1);
    const staff = await createStaff(portal.database.db, 'can.bo.tiep.nhan', { role: 'officer', queueCodes: [tip!.ownerQueueCode] });
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(staff.totpSecret) });
    const officer = await fixture.chrome.newPage(PHONE);
    await officer.goto(`${baseUrl}/quan-tri/dang-nhap/`);
    await officer.getByLabel('Tên đăng nhập').fill('can.bo.tiep.nhan');
    await officer.getByLabel('Mật khẩu').fill(staff.password);
    await go(officer, () => officer.getByRole('button', { name: 'Tiếp tục' }).click());
    await officer.getByLabel('Mã xác thực').fill(totp.generate());
    await go(officer, () => officer.getByRole('button', { name: 'Đăng nhập', exact: true }).click());
    expect(new URL(officer.url()).pathname).toBe('/quan-tri/');

    await go(officer, () => officer.getByRole('navigation').getByRole('link', { name: 'Tin tố giác', exact: true }).click());
    expect(new URL(officer.url()).pathname).toBe('/quan-tri/tin/');
    await expect(officer.locator('[data-status-count="moi"] strong').textContent()).resolves.toBe('1');
    await expectFitsAndAccessible(officer);

    await go(officer, () => officer.getByRole('link', { name: `Mở tin số ${tip!.id}` }).click());
    await expect(officer.locator('[data-tip-description]').textContent()).resolves.toBe(VALID_DESCRIPTION);
    await expect(officer.getByText('Ngõ 5 đường Phan Bội Châu').count()).resolves.toBe(1);
    const photo = officer.getByRole('img', { name: `Ảnh 1 của tin số ${tip!.id}` });
    await photo.scrollIntoViewIfNeeded();
    await officer.waitForFunction((id) => {
      const image = [...document.images].find((candidate) => candidate.alt === `Ảnh 1 của tin số ${id}`);
      return Boolean(image?.complete && image.naturalWidth > 0);
    }, tip!.id);
    await expectFitsAndAccessible(officer);

    // Each status shows the words the tipster will read.
    await expect(officer.getByText('“Cơ quan chức năng đang xác minh thông tin bạn cung cấp.”').count()).resolves.toBe(1);
    await officer.getByLabel(/^Đang xác minh/).check();
    await go(officer, () => officer.getByRole('button', { name: 'Lưu trạng thái' }).click());
    await expect(officer.getByRole('status').first().textContent()).resolves.toContain('Đã đổi trạng thái tin.');
    await expect(officer.locator('[data-tip-status]').textContent()).resolves.toBe('Đang xác minh');

    // An empty reply is refused with the error summary; then the real one is sent.
    await go(officer, () => officer.getByRole('button', { name: 'Gửi trả lời' }).click());
    expect(await officer.title()).toMatch(/^Lỗi: /);
    await expect(officer.locator('.error-summary[role=alert] a[href="#reply"]').textContent()).resolves.toBe('Nhập nội dung trả lời người báo tin.');
    await expectFitsAndAccessible(officer);
    await officer.getByLabel('Nội dung trả lời').fill(REPLY);
    await go(officer, () => officer.getByRole('button', { name: 'Gửi trả lời' }).click());
    await expect(officer.locator('[data-messages]').textContent()).resolves.toContain(REPLY);
    await expect(officer.locator('[data-history]').textContent()).resolves.toContain('Đổi trạng thái tin');

    // The tipster, with nothing but the receipt, sees the new status in plain words and the reply.
    await citizen.goto(`${baseUrl}/theo-doi/`);
    await citizen.getByLabel('Mã biên nhận').fill(receipt);
    await citizen.getByRole('button', { name: 'Xem tình trạng' }).click();
    await expect(citizen.locator('[data-status]').textContent()).resolves.toBe('Đang xác minh');
    await expect(citizen.getByText('Cơ quan chức năng đang xác minh thông tin bạn cung cấp.').count()).resolves.toBe(1);
    await expect(citizen.getByText(REPLY).count()).resolves.toBe(1);
    expect(await citizen.content()).not.toContain('can.bo.tiep.nhan');
    await citizen.close();
    await officer.close();
  });

  it('gives a supervisor the assignment and transfer forms, with no axe violations, and errors in a summary', { timeout: 90_000 }, async () => {
    const { baseUrl, portal } = fixture.site;
    const db = portal.database.db;
    const tipId = await storeTip(db, portal.secrets, { owner: 'pc04', copies: ['bien-phong'], photos: 1 });
    const supervisor = await createStaff(db, 'lanh.dao.pc04', { role: 'supervisor', queueCodes: ['pc04'] });
    const page = await fixture.chrome.newPage({ viewport: { width: 1280, height: 900 } });
    await page.context().addCookies([{ name: 'pcmt-session', value: await signedInToken(db, supervisor.user.id), url: baseUrl }]);
    await page.goto(`${baseUrl}/quan-tri/tin/${tipId}/`);
    await expect(page.getByLabel('Giao cho').count()).resolves.toBe(1);
    await expect(page.getByLabel('Đơn vị nhận').count()).resolves.toBe(1);
    await expectFitsAndAccessible(page);
    await page.getByLabel('Đơn vị nhận').selectOption('hai-quan');
    await go(page, () => page.getByRole('button', { name: 'Chuyển tin' }).click());
    expect(await page.title()).toMatch(/^Lỗi: /);
    await expect(page.locator('.error-summary[role=alert] a[href="#transferReason"]').textContent()).resolves.toBe('Nhập lý do chuyển tin.');
    await expect(page.getByLabel('Đơn vị nhận').inputValue()).resolves.toBe('hai-quan');
    await expectFitsAndAccessible(page);
    await page.getByLabel('Lý do chuyển').fill('Hàng hóa qua cửa khẩu, thuộc thẩm quyền hải quan.');
    await go(page, () => page.getByRole('button', { name: 'Chuyển tin' }).click());
    expect(new URL(page.url()).pathname).toBe('/quan-tri/tin/');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(`Đã chuyển tin số ${tipId} sang đơn vị khác.`);
    expect((await page.goto(`${baseUrl}/quan-tri/tin/${tipId}/`))!.status()).toBe(404);
    await page.close();
  });
});
