import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { BUILD_STAMP, isBuildStale, type BuildStamp } from './build-freshness.ts';
import { loadConfig } from './config.ts';

const COMPRESSIBLE = /\.(html|css|js|mjs|svg|json|xml|txt|webmanifest)$/;

/** Brotli and gzip twins of every text asset, so slow networks get the smallest bytes with no CPU per request. */
export function precompress(folder: string): void {
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) {
      precompress(path);
      continue;
    }
    if (!COMPRESSIBLE.test(entry)) continue;
    const bytes = readFileSync(path);
    if (bytes.length < 512) continue;
    writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  }
}

/**
 * Runs `astro build` for `publicOrigin` (the absolute addresses the pages and printed kits carry),
 * precompresses the output and stamps it as complete.
 */
export function buildSite(root: string, publicOrigin: string = loadConfig().publicOrigin): void {
  rmSync(join(root, BUILD_STAMP), { force: true });
  const astro = spawnSync(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    // Nothing leaves the machine at build time either.
    env: { ...process.env, PUBLIC_ORIGIN: publicOrigin, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (astro.status !== 0) throw new Error(`astro build failed (exit ${astro.status ?? astro.signal})`);
  indexForSearch(root);
  precompress(join(root, 'dist', 'client'));
  const stamp: BuildStamp = { builtAt: new Date().toISOString(), publicOrigin };
  writeFileSync(join(root, BUILD_STAMP), JSON.stringify(stamp));
}

/**
 * Pagefind's full-text index of the pages marked `data-pagefind-body` (materials and kits), one index per
 * page language, written to dist/client/pagefind/ with its self-hosted UI.
 */
function indexForSearch(root: string): void {
  const pagefind = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--site', join(root, 'dist', 'client'), '--quiet'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (pagefind.status !== 0) throw new Error(`pagefind failed (exit ${pagefind.status ?? pagefind.signal})`);
}

/** Builds the site when it is missing, older than its sources or built for another origin. */
export function ensureBuild(root: string, publicOrigin: string = loadConfig().publicOrigin): void {
  if (isBuildStale(root, publicOrigin)) buildSite(root, publicOrigin);
}

if (import.meta.main) buildSite(process.cwd());
