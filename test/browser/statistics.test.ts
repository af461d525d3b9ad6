import { describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/browser.ts';
import { usePortalInBrowser } from '../helpers/portal-in-browser.ts';
import { createStaff, signedInToken } from '../helpers/staff.ts';
import { insertStatisticsTip, STATISTICS_TIPS } from '../helpers/triage.ts';

let sessionToken = '';
const fixture = usePortalInBrowser(async (started) => {
  const db = started.portal.database.db;
  const supervisor = await createStaff(db, 'giam.sat.thong.ke', { role: 'supervisor', queueCodes: ['pc04', 'bien-phong'] });
  sessionToken = await signedInToken(db, supervisor.user.id);
  for (const tip of STATISTICS_TIPS) await insertStatisticsTip(db, tip);
});

describe('the statistics page in Chromium', () => {
  it('passes axe with figures and with errors, at 320 px without sideways scrolling,', async () => {
    const page = await fixture.chrome.newPage({ viewport: { width: 320, height: 800 } });
    await page.context().addCookies([{ name: 'pcmt-session', value: sessionToken, url: fixture.site.baseUrl }]);
    await page.goto(`${fixture.site.baseUrl}/quan-tri/thong-ke/`);
    expect(new URL(page.url()).pathname).toBe('/quan-tri/thong-ke/');
    await page.fill('#tu', '01/01/2026');
    await page.fill('#den', '30/06/2026');
    await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
    expect(await page.textContent('h2#figures-title')).toBe('Số liệu từ ngày 01/01/2026 đến ngày 30/06/2026');
    expect(await axeViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);

    await page.fill('#den', '31/12/2020');
    await Promise.all([page.waitForNavigation(), page.click('main form button[type=submit]')]);
    expect(await page.title()).toMatch(/^Lỗi: /);
    expect(await page.textContent('.error-summary[role=alert] a[href="#den"]')).toBe('Ngày kết thúc phải từ 01/01/2021 đến 31/12/2100');
    expect(await page.inputValue('#tu')).toBe('01/01/2026');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 90_000);
});
