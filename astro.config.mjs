// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

// Public pages are prerendered to static HTML; pages that opt out (`export const prerender = false`)
// are rendered on demand by @astrojs/node in middleware mode, behind the Hono server (server/app.ts).
export default defineConfig({
  output: 'static',
  adapter: node({ mode: 'middleware', bodySizeLimit: 1024 * 1024 }),
  // The portal keeps its own admin sessions in the database; Astro's session store stays off.
  session: false,
  build: { inlineStylesheets: 'never', format: 'directory' },
  devToolbar: { enabled: false },
  server: { port: 4322, host: '127.0.0.1' },
  prefetch: false,
  // Same-origin form posts arrive with `Origin: null` under Referrer-Policy no-referrer, which Astro's
  // check rejects; the Hono server checks Sec-Fetch-Site instead (server/http/cross-site-writes.ts).
  security: { checkOrigin: false },
  // Never inline a script or stylesheet into the HTML: the CSP allows only files from 'self'.
  vite: { build: { assetsInlineLimit: 0 } },
});
