import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKits } from '#server/kits/load-kits.ts';
import { loadLegalRegistry } from '#server/legal/load-registry.ts';
import { loadMaterials } from '#server/materials/load-materials.ts';
import { SLUG_PATTERN } from '#shared/content-schemas.ts';

/*
 * Over whatever content/ holds (issue 12, item 7): everything loads through the loaders the build's rules
 * share (schema, citations against the registry, printed-text rules), every cited id is in the registry,
 * every address is well formed and none points at a homework site, a shop blog or a law firm's page.
 */

const contentDir = fileURLToPath(new URL('../../../content', import.meta.url));
const registry = loadLegalRegistry(contentDir);
const materials = loadMaterials(contentDir, registry);
const kits = loadKits(contentDir, registry);
const ids = new Set(registry.map(({ id }) => id));

/** Sources the content contract rules out: homework sites, shop blogs, law firms' pages. */
const NOT_A_SOURCE = ['lazi.vn', 'loigiaihay.com', 'vietjack.com', 'hoc247.net', 'hoidap247.com', 'luatminhkhue.vn', 'luatduonggia.vn', 'luathoangphi.vn', 'hiv.com.vn'];

function addressProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${url}: not an address`;
  }
  if (!['https:', 'http:'].includes(parsed.protocol)) return `${url}: not http(s)`;
  if (!parsed.hostname.includes('.') || /\s/.test(url)) return `${url}: no host name, or a space`;
  if (NOT_A_SOURCE.some((host) => parsed.hostname === host || parsed.hostname.endsWith(`.${host}`))) return `${url}: not a source the content may cite`;
  return null;
}

describe('the content of the portal', () => {
  it('has at least 18 materials and 10 kits, named by ASCII slugs, each passing the build’s rules', () => {
    expect(materials.length).toBeGreaterThanOrEqual(18);
    expect(kits.length).toBeGreaterThanOrEqual(10);
    for (const slug of [...materials, ...kits].map((item) => item.slug)) expect(slug).toMatch(SLUG_PATTERN);
  });

  it('cites only documents of the registry, and every kit cites its sources', () => {
    const cited = [...materials.map(({ data }) => data.legal), ...kits.map(({ kit }) => kit.legal)].flat();
    expect(cited.filter(({ id }) => !ids.has(id))).toEqual([]);
    for (const { kit, slug } of kits) expect(kit.sources.length, slug).toBeGreaterThan(0);
  });

  it('gives well-formed addresses for every source and registry document, none from a homework site, shop or law firm', () => {
    const urls = [
      ...materials.flatMap(({ data }) => data.sources),
      ...kits.flatMap(({ kit }) => kit.sources),
      ...registry.filter(({ url }) => url).map(({ url }) => ({ url })),
    ].flatMap(({ url }) => (url ? [url] : []));
    expect(urls.map(addressProblem).filter(Boolean)).toEqual([]);
  });

  it('gives school kits a place in the 2018 programme and a follow-up lesson for THCS and THPT', () => {
    for (const audience of ['thcs-students', 'thpt-students']) {
      const school = kits.filter(({ kit }) => kit.audience === audience);
      expect(school.every(({ kit }) => kit.programme), audience).toBe(true);
      expect(school.some(({ kit }) => kit.follows), `${audience} follow-up lesson`).toBe(true);
    }
  });
});
