import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { kitSchema, materialSchema } from '#shared/content-schemas.ts';

/*
 * The schemas live in ./content-schemas.ts (documented field by field there, and tested without Astro);
 * a missing or wrong field in content/ stops `astro build` with the file and the field named.
 */

/** Awareness materials: one Markdown file each, the file name is the URL slug. */
const materials = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/materials' }),
  schema: ({ image }) => materialSchema(image()),
});

/** Lesson kits: one folder each, holding kit.yaml; the folder name is the URL slug and the download names. */
const kits = defineCollection({
  loader: glob({ pattern: '*/kit.yaml', base: './content/kits', generateId: ({ entry }) => entry.split('/')[0]! }),
  schema: kitSchema,
});

export const collections = { materials, kits };
