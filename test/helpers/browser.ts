import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium; `npx playwright install` cannot download a browser here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export interface TestBrowser {
  browser: Browser;
  /** A page in a context of its own (axe needs one), e.g. `{ viewport: { width: 320, height: 640 } }`. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Headless Chromium as root on a closed network: no sandbox, no background traffic. Playwright gives every
 * launch a fresh temporary profile of its own.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async newPage(options) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      page.once('close', () => void context.close());
      return page;
    },
    close: () => browser.close(),
  };
}

/** axe with the WCAG 2.x A and AA rules (2.2 included); returns the violations, readable in a failure message. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map(({ id, help, nodes }) => ({ id, help, targets: nodes.map((node) => node.target.join(' ')) }));
}
