import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { kitOption } from './form-options.ts';
import type { Option } from '../http/string-pages/submission-form.ts';

const kitsFolder = fileURLToPath(new URL('../../content/kits', import.meta.url));
let cached: Option[] | null = null;

/** The lesson kits a session can name: the folders of content/kits with their titles (read once). */
export function lessonKitOptions(): Option[] {
  cached ??= existsSync(kitsFolder)
    ? readdirSync(kitsFolder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(`${kitsFolder}/${entry.name}/kit.yaml`))
        .map((entry) => kitOption(entry.name, readFileSync(`${kitsFolder}/${entry.name}/kit.yaml`, 'utf8')))
    : [];
  return cached;
}

export function lessonKitSlugs(): Set<string> {
  return new Set(lessonKitOptions().map((option) => option.value));
}
