/*
 * `npm run bench:pages`: Lighthouse (mobile emulation, its default) on the home page, a material and a kit
 * page of the portal running in this process on loopback, with Debian's Chromium. Prints the four category
 * scores and the bytes transferred per page. Not part of `npm test`: the numbers depend on the machine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { ensureBuild } from '#server/build-site.ts';
import { CHROMIUM_PATH } from '../helpers/browser.ts';
import { freePort } from '../helpers/portal-process.ts';
import { startPortal } from '../helpers/running-portal.ts';

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'material', path: '/tai-lieu/bong-cuoi-khong-vo-hai/' },
  { name: 'kit', path: '/bai-giang/thcs-lop-6-7/' },
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

ensureBuild(process.cwd());
const site = await startPortal();
const debuggingPort = await freePort();
const profile = mkdtempSync(join(tmpdir(), 'pcmt-lighthouse-'));
const chromium = spawn(
  CHROMIUM_PATH,
  [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    `--remote-debugging-port=${debuggingPort}`,
    `--user-data-dir=${profile}`,
    'about:blank',
  ],
  { stdio: 'ignore' },
);

try {
  await waitForDebugger(debuggingPort);
  const rows = [];
  for (const { name, path } of PAGES) {
    const result = await lighthouse(site.baseUrl + path, { port: debuggingPort, logLevel: 'error', output: 'json', onlyCategories: CATEGORIES });
    if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
    const { categories, audits } = result.lhr;
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)]));
    const weak = Object.values(categories).flatMap((category) =>
      category.auditRefs
        .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${ref.id} (${audits[ref.id]?.displayValue ?? audits[ref.id]?.score})`),
    );
    if (weak.length > 0) console.log(`${path}: to improve: ${weak.join(', ')}`);
    rows.push({
      page: name,
      path,
      ...scores,
      bytes: audits['total-byte-weight']?.numericValue ?? 0,
      lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
      tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? 0),
      requests: (audits['network-requests']?.details as { items?: unknown[] } | undefined)?.items?.length ?? 0,
    });
  }
  console.table(rows);
} finally {
  chromium.kill('SIGTERM');
  await site.stop();
  rmSync(profile, { recursive: true, force: true });
}

/** Chromium answers on its DevTools port once it is ready for Lighthouse. */
async function waitForDebugger(port: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`http://127.0.0.1:${port}/json/version`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('Chromium did not open its DevTools port');
}
