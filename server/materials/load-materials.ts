import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import { materialProblems, problemReport } from '#shared/content/content-checks.ts';
import { describeIssues, materialSchema } from '#shared/content-schemas.ts';
import type { LegalDocument } from '#shared/legal/registry-schema.ts';
import { loadLegalRegistry } from '../legal/load-registry.ts';

/** A material read outside Astro: the cover is its path as written, not an optimised image. */
const plainMaterialSchema = materialSchema(z.string());
export type PlainMaterial = z.infer<typeof plainMaterialSchema>;

export interface LoadedMaterial {
  slug: string;
  data: PlainMaterial;
  /** The Markdown body as written (placeholders not yet filled in). */
  body: string;
}

/** Front matter and body of a Markdown file ("---" fences, as Astro reads them). */
export function splitFrontMatter(source: string): { frontMatter: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) return { frontMatter: undefined, body: source };
  return { frontMatter: yaml.load(match[1]!), body: match[2]!.trim() };
}

/**
 * Reads and checks every content/materials/*.md outside Astro (tests): the schema, then the same content
 * rules the build applies (src/content.config.ts).
 */
export function loadMaterials(contentDir: string, registry: readonly LegalDocument[] = loadLegalRegistry(contentDir)): LoadedMaterial[] {
  const folder = join(contentDir, 'materials');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = `content/materials/${name}`;
      const { frontMatter, body } = splitFrontMatter(readFileSync(join(folder, name), 'utf8'));
      const parsed = plainMaterialSchema.safeParse(frontMatter);
      if (!parsed.success) throw new Error(`${file}:\n${describeIssues(parsed.error)}`);
      const problems = materialProblems({ data: parsed.data, body, registry });
      if (problems.length > 0) throw new Error(problemReport(file, problems));
      return { slug: name.replace(/\.md$/, ''), data: parsed.data, body };
    });
}
