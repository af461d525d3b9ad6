import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkedKit, loadKits } from '#server/kits/load-kits.ts';
import { loadLegalRegistry } from '#server/legal/load-registry.ts';
import { loadMaterials } from '#server/materials/load-materials.ts';
import { kitProblems, kitTextFields, materialProblems } from '#shared/content/content-checks.ts';
import { asksForName, barePaths, placeholderProblems } from '#shared/content/text-rules.ts';
import { kitSchema, type Kit } from '#shared/content-schemas.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/content', import.meta.url));
const registry = loadLegalRegistry(fixtures);
const fixtureKit = (): Kit => kitSchema.parse(yaml.load(readFileSync(`${fixtures}/kits/thcs-mau/kit.yaml`, 'utf8')));
const slugs = new Set(['thcs-mau', 'thcs-mau-tiep-noi']);
const problems = (kit: Kit, slug = 'thcs-mau') => kitProblems({ slug, kit, registry, kitSlugs: slugs });

describe('printed text', () => {
  it('finds a bare path but not an absolute address, a date, "24/7" or "và/hoặc"', () => {
    expect(barePaths('Vào /to-giac/ hoặc (/theo-doi) để báo tin.')).toEqual(['/to-giac/', '/theo-doi']);
    expect(barePaths('https://pcmt.nghean.gov.vn/to-giac/ · 24/7 · 01/07/2026 · và/hoặc · 173/2024/QH15')).toEqual([]);
  });

  it('knows a line that asks for a name, and a sentence that merely mentions one', () => {
    expect(asksForName('Họ và tên: ................')).toBe(true);
    expect(asksForName('HỌ TÊN ……… Lớp: ……')).toBe(true);
    expect(asksForName('Tên: ______')).toBe(true);
    expect(asksForName('Người lớn mình tin cậy là: …')).toBe(false);
    expect(asksForName('Không ghi tên người báo tin.')).toBe(false);
  });

  it('allows only the placeholders it fills in', () => {
    expect(placeholderProblems([{ path: 'body', text: 'Địa chỉ {{portalAddress}}, số {{hotline}}' }], ['{{portalAddress}}'])).toEqual([
      'body: unknown placeholder {{hotline}} (only {{portalAddress}} is filled in)',
    ]);
  });
});

describe('a kit’s content rules', () => {
  it('pass for the fixtures, which load through the same loader as the tests of real content', () => {
    expect(loadKits(fixtures, registry).map(({ slug }) => slug)).toEqual(['ban-bien-gioi-mau', 'thcs-mau', 'thcs-mau-tiep-noi']);
    expect(problems(fixtureKit())).toEqual([]);
  });

  it('read every text a reader sees, but not sources, citations or ids', () => {
    const paths = kitTextFields(fixtureKit()).map(({ path }) => path);
    expect(paths).toContain('activities.1.steps.0');
    expect(paths).toContain('handouts.0.sections.0.paragraphs.0');
    expect(paths).toContain('cards.0.text');
    expect(paths.some((path) => /^(sources|legal|audience|grades)/.test(path) || path.endsWith('pictogram'))).toBe(false);
  });

  it('fail a kit that teaches the replaced drug list as current, in any text field', () => {
    const kit = fixtureKit();
    kit.slides[3]!.bullets.push('Danh mục chất ma túy theo Nghị định 57/2022/NĐ-CP');
    expect(problems(kit)).toEqual([
      'slides.3.bullets.2: names nghi-dinh-57-2022-nd-cp (57/2022/NĐ-CP) but legal does not cite it (add { id: nghi-dinh-57-2022-nd-cp })',
      expect.stringMatching(/^slides\.3\.bullets\.2: “Danh mục chất ma túy theo Nghị định 57\/2022\/NĐ-CP” names nghi-dinh-57-2022-nd-cp .* as if it were in force/),
    ]);
  });

  it('fail a bare path, a name line on a handout, a placeholder and a follows that names no kit', () => {
    const kit = fixtureKit();
    kit.activities[3]!.steps.push('Mở trang /to-giac/ trên máy chiếu.');
    kit.handouts[0]!.sections[0]!.bullets = ['Họ và tên: ..........'];
    kit.quiz[0]!.explanation = 'Xem {{portalAddress}}';
    kit.follows = 'khong-co';
    expect(problems(kit)).toEqual([
      expect.stringMatching(/^activities\.3\.steps\.2: “\/to-giac\/” is a bare path/),
      "handouts.0.sections.0.bullets.0: asks for the reader's name; handouts, quizzes and cards are anonymous",
      'quiz.0.explanation: placeholder {{portalAddress}} is never filled in here; write the text itself',
      'follows: there is no kit "khong-co" in content/kits',
    ]);
    expect(problems({ ...fixtureKit(), follows: 'thcs-mau' })).toEqual(['follows: a kit cannot follow itself']);
  });

  it('stop the loader with the file named', () => {
    const kit = { ...fixtureKit(), legal: [{ id: 'luat-73-2021-qh14' }] };
    expect(() => checkedKit('thcs-mau', kit, registry, slugs)).toThrow(
      /^content\/kits\/thcs-mau\/kit\.yaml:\n {2}legal\.0: luat-73-2021-qh14 \(73\/2021\/QH14\) is replaced by luat-120-2025-qh15/,
    );
  });
});

describe('a material’s content rules', () => {
  const [loudspeaker, law] = loadMaterials(fixtures, registry);

  it('pass for the fixtures', () => {
    expect([loudspeaker?.slug, law?.slug]).toEqual(['loa-mau', 'luat-mau']);
  });

  it('fail a material whose body presents the replaced law as current, with the sentence quoted', () => {
    const body = `${law!.body}\n\nTheo Luật Phòng, chống ma túy năm 2021, người nghiện phải tự khai báo.`;
    expect(materialProblems({ data: law!.data, body, registry })).toEqual([
      expect.stringMatching(/^body: “Theo Luật Phòng, chống ma túy năm 2021, người nghiện phải tự khai báo\.” names luat-73-2021-qh14/),
    ]);
  });

  it('fail a title that names an uncited document and an unknown placeholder in the body', () => {
    const data = { ...loudspeaker!.data, title: 'Nghị định 28/2026/NĐ-CP và loa truyền thanh' };
    expect(materialProblems({ data, body: `${loudspeaker!.body} {{hotline}}`, registry })).toEqual([
      'title: names nghi-dinh-28-2026-nd-cp (28/2026/NĐ-CP) but legal does not cite it (add { id: nghi-dinh-28-2026-nd-cp })',
      'body: unknown placeholder {{hotline}} (only {{portalAddress}} is filled in)',
    ]);
  });
});
