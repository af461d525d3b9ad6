import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describeIssues } from '#shared/content-schemas.ts';
import { registryProblems } from '#shared/legal/citation-rules.ts';
import { legalRegistrySchema, type LegalDocument } from '#shared/legal/registry-schema.ts';

/** Where the registry lives, relative to the content folder. */
export const REGISTRY_FILE = join('legal', 'documents.yaml');

/**
 * Reads and checks content/legal/documents.yaml: every entry against the schema, then the list as a whole
 * (unique ids, `replacedBy` naming a listed document). A problem stops the build with the file named.
 */
export function loadLegalRegistry(contentDir: string): LegalDocument[] {
  const file = join(contentDir, REGISTRY_FILE);
  const parsed = legalRegistrySchema.safeParse(yaml.load(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`content/${REGISTRY_FILE}:\n${describeIssues(parsed.error)}`);
  const problems = registryProblems(parsed.data);
  if (problems.length > 0) throw new Error(`content/${REGISTRY_FILE}:\n  ${problems.join('\n  ')}`);
  return parsed.data;
}
