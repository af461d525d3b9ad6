import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadLegalRegistry } from '#server/legal/load-registry.ts';
import { splitFrontMatter } from '#server/materials/load-materials.ts';
import { materialProblems, problemReport } from '#shared/content/content-checks.ts';
import { prepareMaterialBody } from '#shared/content/material-body.ts';
import type { Citation } from '#shared/legal/registry-schema.ts';

/*
 * The materials collection: one Markdown file each in content/materials, the file name is the slug. Unlike
 * Astro's glob loader it prepares each body before rendering (the portal's spoken address, each
 * loudspeaker script's reading time: shared/content/material-body.ts) and checks it against the legal
 * registry (shared/content/content-checks.ts); a problem stops the build with the file named. It uses
 * only the loader API: parseData (the schema, cover images), renderMarkdown, the store.
 */

interface MaterialFront {
  title: string;
  summary: string;
  topics?: string[];
  cover: { alt: string };
  legal: Citation[];
}

async function loadAll(context: LoaderContext): Promise<void> {
  const { config, store } = context;
  const root = fileURLToPath(config.root);
  const contentDir = join(root, 'content');
  const folder = join(contentDir, 'materials');
  const origin = new URL(config.site ?? 'http://localhost:4321').origin;
  const registry = loadLegalRegistry(contentDir);
  const files = readdirSync(folder).filter((name) => name.endsWith('.md'));
  const seen = new Set<string>();
  for (const name of files) {
    const id = name.replace(/\.md$/, '');
    seen.add(id);
    const filePath = join(folder, name);
    const source = readFileSync(filePath, 'utf8');
    const { frontMatter, body } = splitFrontMatter(source);
    const data = (await context.parseData({ id, data: (frontMatter ?? {}) as Record<string, unknown>, filePath })) as Record<string, unknown> & MaterialFront;
    const prepared = prepareMaterialBody(body, { origin, loudspeaker: data.topics?.includes('loudspeaker') ?? false });
    const problems = materialProblems({ data, body: prepared, registry });
    if (problems.length > 0) throw new Error(problemReport(relative(root, filePath), problems));
    // The origin is part of what the page shows (the spoken address), so it is part of the digest.
    const digest = context.generateDigest(`${origin}\n${source}`);
    if (store.get(id)?.digest === digest) continue;
    const rendered = await context.renderMarkdown(prepared, { fileURL: pathToFileURL(filePath) });
    store.set({ id, data, body: prepared, filePath: relative(root, filePath), digest, rendered, assetImports: rendered.metadata?.imagePaths ?? [] });
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
}

/** Watchers already listening: a dev server syncs content more than once, with the same watcher. */
const watching = new WeakSet<object>();

export function materialsLoader(): Loader {
  return {
    name: 'pcmt-materials',
    load: async (context) => {
      await loadAll(context);
      // The dev server reloads the collection when a material or the registry changes.
      const watched = (path: string) => path.includes(`${join('content', 'materials')}`) || path.endsWith(join('legal', 'documents.yaml'));
      if (!context.watcher || watching.has(context.watcher)) return;
      watching.add(context.watcher);
      for (const event of ['add', 'change', 'unlink'] as const) {
        context.watcher?.on(event, (path: string) => {
          if (watched(path)) loadAll(context).catch((error: unknown) => context.logger.error(String(error)));
        });
      }
    },
  };
}
