import { describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/browser.ts';
import { usePortalInBrowser } from '../helpers/portal-in-browser.ts';

const fixture = usePortalInBrowser();

const MATERIAL = '/tai-lieu/bong-cuoi-khong-vo-hai/';

describe.each([
  '/tai-lieu/',
  MATERIAL,
  '/en/tai-lieu/dau-hieu-va-cach-tro-chuyen-voi-con/',
  '/tai-lieu/can-cu-phap-ly/',
  '/bai-giang/',
  '/bai-giang/doi-tuong/hoc-sinh-thcs/',
  '/bai-giang/thcs-lop-6-7/',
  '/tim-kiem/',
])('%s', (path) => {
  it('has no axe violations', async () => {
    const page = await fixture.chrome.newPage();
    const response = await page.goto(fixture.site.baseUrl + path);
    expect(response?.status()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('a parent on a 320 px phone without JavaScript', () => {
  it('reads a material with no sideways scrolling, the cover as a sized AVIF or WebP, and no script fetched', async () => {
    const page = await fixture.chrome.newPage({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(fixture.site.baseUrl + MATERIAL);
    await page.waitForLoadState('networkidle');
    expect(await page.textContent('h1')).toBe('Bóng cười không vô hại');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    const cover = await page.evaluate(() => {
      const image = document.querySelector<HTMLImageElement>('picture img')!;
      return { source: image.currentSrc, width: image.getAttribute('width'), height: image.getAttribute('height'), shown: image.clientWidth };
    });
    expect(cover.source).toMatch(/\.(avif|webp)$/);
    expect(Number(cover.width)).toBeGreaterThan(0);
    expect(Number(cover.height)).toBeGreaterThan(0);
    expect(cover.shown).toBeLessThanOrEqual(320);
    expect(requested.filter((path) => /\.m?js$/.test(path))).toEqual([]);
    await page.close();
  });

  it('filters materials by audience through plain links', async () => {
    const page = await fixture.chrome.newPage({ javaScriptEnabled: false });
    await page.goto(fixture.site.baseUrl + '/tai-lieu/');
    await page.click('summary:has-text("Lọc theo đối tượng")');
    await page.click('a:has-text("Cha mẹ, phụ huynh")');
    expect(new URL(page.url()).pathname).toBe('/tai-lieu/doi-tuong/phu-huynh/');
    const titles = await page.locator('.material-list h3').allTextContents();
    expect(titles).toContain('Bóng cười không vô hại');
    expect(titles).not.toContain('Năm bài phát thanh phòng, chống ma túy cho loa truyền thanh xã, phường');
    await page.close();
  });
});

describe('a teacher looking for a THCS lesson', () => {
  it('finds the kit by searching, under the strict CSP, and downloads its ZIP', async () => {
    const page = await fixture.chrome.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
    });
    page.on('pageerror', (error) => blocked.push(error.message));
    await page.goto(fixture.site.baseUrl + '/bai-giang/');
    await page.fill('#search-q', 'lớp 6');
    await page.press('#search-q', 'Enter');
    await page.waitForURL(/\/tim-kiem\/\?q=/);
    const result = page.locator('.pagefind-ui__result-link[href="/bai-giang/thcs-lop-6-7/"]');
    await result.waitFor({ timeout: 15_000 });
    expect(blocked).toEqual([]);
    await result.click();
    await page.waitForURL(/\/bai-giang\/thcs-lop-6-7\/$/);
    const href = await page.getAttribute('a.button[download]', 'href');
    expect(href).toBe('/bai-giang/thcs-lop-6-7/bai-giang-thcs-lop-6-7.zip');
    const download = await fetch(fixture.site.baseUrl + href);
    expect(download.headers.get('content-type')).toBe('application/zip');
    expect(new Uint8Array(await download.arrayBuffer()).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    await page.close();
  });
});
