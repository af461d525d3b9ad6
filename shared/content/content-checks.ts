import type { Citation, LegalDocument } from '../legal/registry-schema.ts';
import { citationProblems, type TextField } from '../legal/citation-rules.ts';
import { barePathProblems, nameLineProblems, placeholderProblems, PORTAL_ADDRESS_PLACEHOLDER } from './text-rules.ts';
import type { Kit } from '../content-schemas.ts';

/*
 * Every rule a content item must pass beyond its schema, in one place for each kind: the loaders of the
 * build (src/content.config.ts) and of the tests and kit generators (server/kits/load-kits.ts) call these
 * and fail with the list. Pure: the registry and the text come in, problems go out.
 */

/** Fields that are not prose: ids, enums, and the sources (citations of where facts come from, not claims). */
const NOT_PROSE = new Set(['audience', 'follows', 'pictogram', 'legal', 'sources', 'grades']);

/** Every string a reader sees in a kit, with its path (`activities.2.steps.0`). */
export function kitTextFields(kit: Kit): TextField[] {
  const fields: TextField[] = [];
  const walk = (value: unknown, path: string[]) => {
    if (typeof value === 'string') fields.push({ path: path.join('.'), text: value });
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, String(index)]));
    else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) if (!NOT_PROSE.has(key)) walk(item, [...path, key]);
    }
  };
  walk(kit, []);
  return fields;
}

/** Parts of a kit handed to someone to fill in or keep: they never ask for a name. */
const ANONYMOUS_PARTS = /^(handouts|quiz|cards)\./;

export interface KitCheck {
  slug: string;
  kit: Kit;
  registry: readonly LegalDocument[];
  /** Slugs of every kit, for `follows`. */
  kitSlugs: ReadonlySet<string>;
}

export function kitProblems({ slug, kit, registry, kitSlugs }: KitCheck): string[] {
  const texts = kitTextFields(kit);
  const problems = [
    ...citationProblems({ registry, citations: kit.legal, texts }),
    ...barePathProblems(texts),
    ...nameLineProblems(texts.filter(({ path }) => ANONYMOUS_PARTS.test(path))),
    ...placeholderProblems(texts),
  ];
  if (kit.follows === slug) problems.push('follows: a kit cannot follow itself');
  else if (kit.follows && !kitSlugs.has(kit.follows)) problems.push(`follows: there is no kit "${kit.follows}" in content/kits`);
  return problems;
}

export interface MaterialCheck {
  /** The front matter as parsed (only the fields the rules read). */
  data: { title: string; summary: string; cover: { alt: string }; legal: readonly Citation[] };
  /** The Markdown body. */
  body: string;
  registry: readonly LegalDocument[];
}

export function materialProblems({ data, body, registry }: MaterialCheck): string[] {
  const front: TextField[] = [
    { path: 'title', text: data.title },
    { path: 'summary', text: data.summary },
    { path: 'cover.alt', text: data.cover.alt },
  ];
  const texts = [...front, { path: 'body', text: body }];
  return [
    ...citationProblems({ registry, citations: data.legal, texts }),
    ...placeholderProblems(front),
    ...placeholderProblems([{ path: 'body', text: body }], [PORTAL_ADDRESS_PLACEHOLDER]),
  ];
}

/** One error for a file: its name, then one problem a line. */
export function problemReport(file: string, problems: readonly string[]): string {
  return `${file}:\n  ${problems.join('\n  ')}`;
}
