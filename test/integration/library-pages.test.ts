import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '#server/config.ts';
import { kitFiles, kitZipName } from '#server/kits/kit-files.ts';
import { loadKits } from '#server/kits/load-kits.ts';
import { loadLegalRegistry } from '#server/legal/load-registry.ts';
import { loadMaterials } from '#server/materials/load-materials.ts';
import { formatDate, localePath, translator } from '#shared/i18n/index.ts';
import { documentName } from '#shared/legal/status.ts';
import { LEGAL_REGISTRY_PATH } from '#shared/paths/library.ts';
import { spokenAddress } from '#shared/text/spoken-address.ts';
import { formatFileSize } from '#src/library/file-facts.ts';
import { distDir } from '../helpers/test-app.ts';

/*
 * The library pages of the build (global setup builds it) over the real content: "Căn cứ pháp lý" with
 * each cited document and the review date on every material and kit page, the registry page, each
 * download's format, size and pages, and loudspeaker scripts with the spoken address and reading times.
 */

const contentDir = fileURLToPath(new URL('../../content', import.meta.url));
const registry = loadLegalRegistry(contentDir);
const byId = new Map(registry.map((document) => [document.id, document]));
const materials = loadMaterials(contentDir, registry);
const kits = loadKits(contentDir, registry);
const t = translator('vi');
const page = (path: string) =>
  readFileSync(join(distDir, 'client', path, 'index.html'), 'utf8')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe.each([
  ...materials.map(({ slug, data }) => ({ path: `/tai-lieu/${slug}/`, legal: data.legal, reviewed: data.reviewed })),
  ...kits.map(({ slug, kit }) => ({ path: `/bai-giang/${slug}/`, legal: kit.legal, reviewed: kit.reviewed })),
])('$path', ({ path, legal, reviewed }) => {
  it('shows the legal basis: each cited document with its status, and the day it was last reviewed', () => {
    for (const lang of ['vi', 'en'] as const) {
      const text = page(localePath(lang, path));
      const translate = translator(lang);
      expect(text).toContain(translate('legal.title'));
      for (const { id } of legal) expect(text).toContain(documentName(byId.get(id)!, t));
      expect(text).toContain(`${translate('materials.reviewed')}: ${formatDate(reviewed)}`);
    }
  });
});

describe('the registry page', () => {
  it('lists every document of the registry in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      const text = page(localePath(lang, LEGAL_REGISTRY_PATH));
      for (const document of registry) expect(text).toContain(documentName(document, t));
    }
  });
});

describe.each(kits)('the download list of $slug', ({ slug, kit }) => {
  it('gives each file’s format, size from the built file, and its pages or slides', () => {
    const text = page(`/bai-giang/${slug}/`);
    for (const fileName of [kitZipName(slug), ...kitFiles(slug, kit).map(({ fileName }) => fileName)]) {
      const size = formatFileSize(statSync(join(distDir, 'client', 'bai-giang', slug, fileName)).size, 'vi');
      expect(text).toContain(size);
    }
    expect(text).toMatch(/PDF · [\d,]+ (KB|MB) · \d+ trang/);
    expect(text).toMatch(/PowerPoint \(PPTX\) · [\d,]+ (KB|MB) · \d+ trang chiếu/);
  });
});

describe('loudspeaker scripts', () => {
  const scripts = materials.filter(({ data }) => data.topics.includes('loudspeaker'));

  it('read the configured address out in words and give each script its reading time', () => {
    expect(scripts.length).toBeGreaterThan(0);
    const spoken = spokenAddress(loadConfig().publicOrigin);
    for (const { slug, body } of scripts) {
      const text = page(`/tai-lieu/${slug}/`);
      expect(text).not.toContain('{{');
      if (body.includes('{{portalAddress}}')) expect(text).toContain(spoken);
      const scriptCount = body.split('\n').filter((line) => /^##\s/.test(line)).length;
      expect(text.match(/Thời lượng đọc: khoảng [^(]+\(\d+ từ, đọc 120 từ\/phút\)/g) ?? []).toHaveLength(scriptCount);
    }
  });
});
