import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the Astro build is made from: a change in any of these makes the build stale. `server` is one: the
 * on-demand pages bundle the domain modules they call, server/kits writes the kit downloads, and
 * build-site.ts runs Pagefind.
 */
export const BUILD_INPUTS = ['src', 'content', 'public', 'server', 'astro.config.mjs', 'package-lock.json'];
export const BUILD_STAMP = join('dist', '.build-complete');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * What the stamp records besides its time: the public origin the pages and printed kits carry (their
 * absolute addresses, QR codes and spoken address), so a start with another PUBLIC_ORIGIN builds again.
 */
export interface BuildStamp {
  builtAt: string;
  publicOrigin: string;
}

function readStamp(path: string): Partial<BuildStamp> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Partial<BuildStamp>;
  } catch {
    return {};
  }
}

/** True when there is no finished build, a source is newer than it, or it was built for another origin. */
export function isBuildStale(root: string, publicOrigin: string): boolean {
  const stamp = join(root, BUILD_STAMP);
  if (!existsSync(stamp)) return true;
  if (readStamp(stamp).publicOrigin !== publicOrigin) return true;
  const built = statSync(stamp).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(join(root, input)) > built);
}
