import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { checkedKit } from '#server/kits/load-kits.ts';
import { loadLegalRegistry } from '#server/legal/load-registry.ts';
import { kitSchema, materialSchema } from '#shared/content-schemas.ts';
import { legalDocumentSchema } from '#shared/legal/registry-schema.ts';
import { materialsLoader } from '#src/library/materials-loader.ts';

/*
 * The schemas live in shared/content-schemas.ts and shared/legal/registry-schema.ts (documented field by
 * field there, and tested without Astro); a missing or wrong field in content/ stops `astro build` with the
 * file and the field named. After each collection loads, the content rules of shared/content/ run over it
 * against the legal registry: a replaced law taught as current, an unknown citation or a bare path in a kit
 * stops the build too, with the file and the problem named.
 */

const contentDir = (context: LoaderContext) => fileURLToPath(new URL('./content/', context.config.root));

/** Runs `loader`, then `check` over what it stored; the build stops on the first item with problems. */
function checked(loader: Loader, check: (context: LoaderContext) => void): Loader {
  return {
    name: `${loader.name}-checked`,
    load: async (context) => {
      await loader.load(context);
      check(context);
    },
  };
}

/** The legal registry: one entry per document, checked as a whole (unique ids, known `replacedBy`). */
const legal = defineCollection({
  loader: {
    name: 'legal-registry',
    load: async (context) => {
      const documents = loadLegalRegistry(contentDir(context));
      context.store.clear();
      for (const document of documents) context.store.set({ id: document.id, data: await context.parseData({ id: document.id, data: document }) });
    },
  },
  schema: legalDocumentSchema,
});

/**
 * Awareness materials: one Markdown file each, the file name is the URL slug; the loader fills in the
 * portal's spoken address and the scripts' reading times, and applies the content rules.
 */
const materials = defineCollection({
  loader: materialsLoader(),
  schema: ({ image }) => materialSchema(image()),
});

/** Lesson kits: one folder each, holding kit.yaml; the folder name is the URL slug and the download names. */
const kits = defineCollection({
  loader: checked(glob({ pattern: '*/kit.yaml', base: './content/kits', generateId: ({ entry }) => entry.split('/')[0]! }), (context) => {
    const registry = loadLegalRegistry(contentDir(context));
    const slugs = new Set(context.store.keys());
    // The stored data already passed the schema; checkedKit applies the content rules with the same messages as the tests.
    for (const entry of context.store.values()) checkedKit(entry.id, entry.data, registry, slugs);
  }),
  schema: kitSchema,
});

export const collections = { legal, materials, kits };
