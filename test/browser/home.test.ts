import { describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/browser.ts';
import { usePortalInBrowser } from '../helpers/portal-in-browser.ts';

const fixture = usePortalInBrowser();

describe.each([
  { path: '/', lang: 'vi', heading: 'Chung tay phòng, chống ma túy' },
  { path: '/en/', lang: 'en', heading: 'Together against drugs' },
])('home page $path', ({ path, lang, heading }) => {
  it('has no axe violations', async () => {
    const page = await fixture.chrome.newPage();
    await page.goto(fixture.site.baseUrl + path);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    expect(await page.textContent('h1')).toBe(heading);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('fits a 320 px screen without sideways scrolling, and still gives both phone numbers', async () => {
    const page = await fixture.chrome.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(fixture.site.baseUrl + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await expect(page.locator('main a[href="tel:113"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('main a[href="tel:0769040404"]').isVisible()).resolves.toBe(true);
    await page.close();
  });
});

describe('keyboard and language', () => {
  it('offers a skip link first and moves focus to the main content', async () => {
    const page = await fixture.chrome.newPage();
    await page.goto(fixture.site.baseUrl + '/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  it('switches to English and back on the same page', async () => {
    const page = await fixture.chrome.newPage();
    await page.goto(fixture.site.baseUrl + '/');
    await page.click('a.lang-switch');
    expect(new URL(page.url()).pathname).toBe('/en/');
    await page.click('a.lang-switch');
    expect(new URL(page.url()).pathname).toBe('/');
    await page.close();
  });

  it('makes no request to any other host and sets no cookie', async () => {
    const page = await fixture.chrome.newPage();
    const hosts = new Set<string>();
    page.on('request', (request) => hosts.add(new URL(request.url()).host));
    await page.goto(fixture.site.baseUrl + '/');
    await page.waitForLoadState('networkidle');
    expect([...hosts]).toEqual([new URL(fixture.site.baseUrl).host]);
    expect(await page.context().cookies()).toEqual([]);
    await page.close();
  });
});
