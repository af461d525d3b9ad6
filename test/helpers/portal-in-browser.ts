import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { startPortal } from './running-portal.ts';

export interface PortalInBrowser {
  site: Awaited<ReturnType<typeof startPortal>>;
  chrome: TestBrowser;
}

/**
 * A browser suite's fixture: the whole portal on a throw-away embedded database and Debian's Chromium,
 * started together before the suite and stopped after it. Read `site` and `chrome` inside tests.
 */
export function usePortalInBrowser(afterStart?: (site: PortalInBrowser['site']) => Promise<void>): PortalInBrowser {
  const fixture = {} as PortalInBrowser;
  beforeAll(async () => {
    [fixture.site, fixture.chrome] = await Promise.all([startPortal(), launchBrowser()]);
    await afterStart?.(fixture.site);
  }, 120_000);
  afterAll(async () => {
    await fixture.chrome?.close();
    await fixture.site?.stop();
  });
  return fixture;
}
