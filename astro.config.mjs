// @ts-check
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import { loadConfig } from './server/config.ts';

/**
 * One copy of the domain at run time. Server-side pages import server/ and shared/ through the package's
 * `#server/*` and `#shared/*` imports; this keeps those modules out of Vite's server bundle, so the built
 * pages load the very modules the Hono server runs from source (Node 24 strips their types), with the same
 * caches, keys and worker files. Browser bundles still include what they import from shared/.
 * @returns {import('vite').Plugin}
 */
function serverModulesFromSource() {
  const root = fileURLToPath(new URL('.', import.meta.url));
  const folders = ['server', 'shared'];
  return {
    name: 'pcmt:server-modules-from-source',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      // Only in the production build: a dev server (and the content sync) loads modules through Vite itself.
      if (!importer || this.environment?.mode !== 'build' || this.environment.config.consumer !== 'server') return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      const folder = folders.find((name) => resolved.id.startsWith(root + name + sep));
      if (!folder) return resolved;
      if (folder === 'server' && importer.startsWith(root + 'src' + sep + 'scripts' + sep))
        throw new Error(`${importer}: browser code may not import ${source}`);
      return { id: `#${folder}/${resolved.id.slice(root.length + folder.length + 1)}`, external: true };
    },
  };
}

// Public pages are prerendered to static HTML; pages that opt out (`export const prerender = false`)
// are rendered on demand by @astrojs/node in middleware mode, behind the Hono server (server/app.ts).
export default defineConfig({
  output: 'static',
  // Absolute addresses on prerendered pages (a material's share link), in printed kits (address and QR
  // codes) and in loudspeaker scripts use the public origin, read and checked by server/config.ts, the one
  // module that reads the environment. `npm start` builds with the origin it serves (server/build-site.ts).
  site: loadConfig().publicOrigin,
  // The only SVGs processed are our own covers in content/materials/images, rasterised to AVIF/WebP so
  // phones get small bitmaps; no SVG from a user ever reaches the image pipeline.
  image: { dangerouslyProcessSVG: true },
  // Staff forms may carry evidence (5 files under 10 MB each) or a school list: only signed-in staff reach
  // on-demand pages with a body, and each page checks its own limits.
  adapter: node({ mode: 'middleware', bodySizeLimit: 52 * 1024 * 1024 }),
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
  vite: { build: { assetsInlineLimit: 0 }, plugins: [serverModulesFromSource()] },
});
