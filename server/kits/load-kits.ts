import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { kitProblems, problemReport } from '#shared/content/content-checks.ts';
import { describeIssues, kitSchema, type Kit } from '#shared/content-schemas.ts';
import type { LegalDocument } from '#shared/legal/registry-schema.ts';
import { loadLegalRegistry } from '../legal/load-registry.ts';

export interface LoadedKit {
  slug: string;
  kit: Kit;
}

/** The folders of content/kits that hold a kit.yaml, in name order. */
export function kitSlugs(contentDir: string): string[] {
  return readdirSync(join(contentDir, 'kits'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The schema, then the content rules (citations, printed text, `follows`): the first failing kit throws. */
export function checkedKit(slug: string, data: unknown, registry: readonly LegalDocument[], slugs: ReadonlySet<string>): Kit {
  const file = `content/kits/${slug}/kit.yaml`;
  const parsed = kitSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${file}:\n${describeIssues(parsed.error)}`);
  const problems = kitProblems({ slug, kit: parsed.data, registry, kitSlugs: slugs });
  if (problems.length > 0) throw new Error(problemReport(file, problems));
  return parsed.data;
}

/**
 * Reads and checks every content/kits/<slug>/kit.yaml outside Astro (tests, benchmarks), with the same
 * schema, rules and YAML parser the build uses.
 */
export function loadKits(contentDir: string, registry: readonly LegalDocument[] = loadLegalRegistry(contentDir)): LoadedKit[] {
  const slugs = kitSlugs(contentDir);
  const known = new Set(slugs);
  return slugs.map((slug) => ({
    slug,
    kit: checkedKit(slug, yaml.load(readFileSync(join(contentDir, 'kits', slug, 'kit.yaml'), 'utf8')), registry, known),
  }));
}
