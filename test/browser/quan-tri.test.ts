import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli-process.ts';
import { startPortal } from '../helpers/running-portal.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'pcmt-journey-'));
let site: Awaited<ReturnType<typeof startPortal>>;
let chrome: TestBrowser;
let oneTimePassword = '';
let totp: OTPAuth.TOTP;

beforeAll(async () => {
  // The first administrator comes from the CLI, as on a new installation, before the server opens the database.
  const result = await runCli({ DATA_DIR: dataDir }, 'user:add', '--username', 'tinh.admin', '--role', 'admin');
  expect(result.code, result.stderr).toBe(0);
  oneTimePassword = /One-time password: (\S+)/.exec(result.stdout)![1]!;
  totp = OTPAuth.URI.parse(/TOTP URI: (\S+)/.exec(result.stdout)![1]!) as OTPAuth.TOTP;
  [site, chrome] = await Promise.all([startPortal({ DATA_DIR: dataDir }), launchBrowser()]);
}, 180_000);
afterAll(async () => {
  await chrome?.close();
  await site?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Clicks something that submits a form or follows a link, and waits for the next page. */
async function go(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page), page.url()).toEqual([]);
}

describe('an administrator’s first session, in Chromium', () => {
  it(
    'signs in, enrols TOTP, changes the password, creates an officer, opens the queue pages at 320 px and signs out — with no axe violations',
    { timeout: 120_000 },
    async () => {
      const page = await chrome.newPage({ viewport: { width: 390, height: 900 } });
      const url = (path: string) => site.baseUrl + path;

      await page.goto(url('/quan-tri/'));
      expect(new URL(page.url()).pathname).toBe('/quan-tri/dang-nhap/');
      await expectNoAxeViolations(page);

      // An empty form first: the error summary is announced and links to the field.
      await go(page, 'button[type=submit]:text("Tiếp tục")');
      expect(await page.title(), (await page.content()).slice(0, 600)).toMatch(/^Lỗi: /);
      expect(await page.locator('.error-summary[role=alert] a[href="#username"]').textContent()).toBe('Nhập tên đăng nhập');
      await expectNoAxeViolations(page);

      await page.fill('#username', 'tinh.admin');
      await page.fill('#password', oneTimePassword);
      await go(page, 'button:text("Tiếp tục")');
      expect(new URL(page.url()).pathname).toBe('/quan-tri/dang-nhap/dang-ky-xac-thuc/');
      expect(await page.locator('.qr svg').count()).toBe(1);
      await expectNoAxeViolations(page);
      await page.fill('#code', totp.generate());
      await go(page, 'button:text("Xác nhận")');

      expect(new URL(page.url()).pathname).toBe('/quan-tri/tai-khoan/');
      await expect(page.locator('.notice').first().textContent()).resolves.toContain('mật khẩu một lần');
      await page.fill('#currentPassword', oneTimePassword);
      await page.fill('#newPassword', 'sông Lam chảy qua xứ Nghệ');
      await page.fill('#confirmPassword', 'sông Lam chảy qua xứ Nghệ');
      await go(page, 'form button:text("Đổi mật khẩu")');
      await expect(page.locator('.notice').first().textContent()).resolves.toContain('Đã đổi mật khẩu');
      await expectNoAxeViolations(page);

      await go(page, 'nav a:text("Người dùng")');
      expect(new URL(page.url()).pathname).toBe('/quan-tri/nguoi-dung/');
      await expectNoAxeViolations(page);
      await go(page, 'a:text("Thêm người dùng")');
      await expectNoAxeViolations(page);
      await page.fill('#username', 'can.bo.pc04');
      await page.selectOption('#role', 'officer');
      await page.check('input[name=queueCodes][value=pc04]');
      await go(page, 'button:text("Tạo tài khoản")');
      await expect(page.locator('[data-testid=one-time-password]').textContent()).resolves.toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      await expectNoAxeViolations(page);

      // The queue pages on a 320 px phone: the table scrolls inside its region, the page itself does not.
      await page.setViewportSize({ width: 320, height: 800 });
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await page.goto(url('/quan-tri/hang-doi/'));
      await expectNoAxeViolations(page);
      expect(await overflow()).toBe(0);
      await go(page, 'button:text("Thêm hàng đợi")');
      expect(await page.locator('.error-summary[role=alert] a[href="#code"]').textContent()).toContain('Mã hàng đợi chỉ gồm');
      await expectNoAxeViolations(page);
      await go(page, 'a[href="/quan-tri/hang-doi/hai-quan/"]');
      await expectNoAxeViolations(page);
      expect(await overflow()).toBe(0);
      await page.setViewportSize({ width: 390, height: 900 });

      // The session cookie is the staff one, strict and out of reach of scripts.
      const cookies = await page.context().cookies();
      expect(cookies.find((cookie) => cookie.name === 'pcmt-session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });

      await go(page, 'header button:text-is("Đăng xuất")');
      expect(new URL(page.url()).pathname).toBe('/quan-tri/dang-nhap/');
      await expect(page.locator('.notice').textContent()).resolves.toContain('Bạn đã đăng xuất');
      await page.goto(url('/quan-tri/nguoi-dung/'));
      expect(new URL(page.url()).pathname).toBe('/quan-tri/dang-nhap/');
      await page.close();
    },
  );
});
