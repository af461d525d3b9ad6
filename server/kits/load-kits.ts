import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describeIssues, kitSchema, type Kit } from '#shared/content-schemas.ts';

export interface LoadedKit {
  slug: string;
  kit: Kit;
}

/**
 * Reads and validates every content/kits/<slug>/kit.yaml outside Astro (tests, benchmarks), with the same
 * schema and the same YAML parser the build uses.
 */
export function loadKits(contentDir: string): LoadedKit[] {
  const kitsDir = join(contentDir, 'kits');
  return readdirSync(kitsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((slug) => {
      const parsed = kitSchema.safeParse(yaml.load(readFileSync(join(kitsDir, slug, 'kit.yaml'), 'utf8')));
      if (!parsed.success) throw new Error(`content/kits/${slug}/kit.yaml:\n${describeIssues(parsed.error)}`);
      return { slug, kit: parsed.data };
    });
}
