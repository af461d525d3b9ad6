import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const kitsFolder = fileURLToPath(new URL('../../content/kits', import.meta.url));
let cached: Set<string> | null = null;

/** The lesson kits a session can name: the folders of content/kits (read once; content ships with the build). */
export function lessonKitSlugs(): Set<string> {
  cached ??= new Set(existsSync(kitsFolder) ? readdirSync(kitsFolder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : []);
  return cached;
}
