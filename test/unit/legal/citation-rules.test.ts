import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLegalRegistry } from '#server/legal/load-registry.ts';
import { citationProblems, registryProblems, type TextField } from '#shared/legal/citation-rules.ts';
import { marksHistory, mentionFinder, sentences } from '#shared/legal/mentions.ts';
import { legalDocumentSchema, type Citation, type LegalDocument } from '#shared/legal/registry-schema.ts';
import { describeIssues } from '#shared/content-schemas.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/content', import.meta.url));
const registry = loadLegalRegistry(fixtures);
const byId = (id: string) => registry.find((document) => document.id === id)!;
const check = (citations: Citation[], ...texts: string[]) =>
  citationProblems({ registry, citations, texts: texts.map((text, index): TextField => ({ path: `text${index}`, text })) });
const names = (sentence: string) => mentionFinder(registry)(sentence).map((document) => document.id);

describe('the legal registry', () => {
  it('loads the fixture registry, dates as dates and null as absent', () => {
    expect(registry).toHaveLength(7);
    expect(byId('luat-120-2025-qh15').inForce).toEqual(new Date('2026-07-01T00:00:00Z'));
    expect(byId('nghi-dinh-57-2022-nd-cp').passed).toBeUndefined();
  });

  it('refuses a replaced document without replacedBy, replacedBy on a document in force and an id of another type', () => {
    const parsed = legalDocumentSchema.safeParse({
      id: 'nghi-dinh-1-2020-nd-cp',
      type: 'luat',
      number: '1/2020/NĐ-CP',
      title: 'X',
      issuer: 'Chính phủ',
      status: 'replaced',
      replacedBy: null,
    });
    expect(parsed.success ? '' : describeIssues(parsed.error)).toBe(
      'id: an id of a luat starts with "luat-"\nreplacedBy: a replaced document names the id that replaced it',
    );
    const inForce = legalDocumentSchema.safeParse({ ...byId('luat-120-2025-qh15'), replacedBy: 'luat-73-2021-qh14' });
    expect(inForce.success ? '' : describeIssues(inForce.error)).toBe('replacedBy: only a replaced document has replacedBy (this one is in-force)');
  });

  it('finds a replacedBy that names no listed document, and a duplicate id', () => {
    const orphan: LegalDocument = { ...byId('nghi-dinh-57-2022-nd-cp'), replacedBy: 'nghi-dinh-99-2030-nd-cp' };
    expect(registryProblems([...registry.filter((document) => document.id !== orphan.id), orphan, byId('luat-120-2025-qh15')])).toEqual([
      'luat-120-2025-qh15: listed twice',
      'nghi-dinh-57-2022-nd-cp: replacedBy "nghi-dinh-99-2030-nd-cp" is not in the registry',
    ]);
    expect(registryProblems(registry)).toEqual([]);
  });
});

describe('finding documents in a text', () => {
  it('finds a number with or without its suffix, with either spelling of Đ', () => {
    expect(names('Danh mục kèm Nghị định 57/2022/NĐ-CP.')).toEqual(['nghi-dinh-57-2022-nd-cp']);
    expect(names('Danh mục kèm Nghị định 57/2022/ND-CP.')).toEqual(['nghi-dinh-57-2022-nd-cp']);
    expect(names('theo Nghị định 57/2022 của Chính phủ')).toEqual(['nghi-dinh-57-2022-nd-cp']);
    expect(names('Luật số 120/2025/QH15')).toEqual(['luat-120-2025-qh15']);
  });

  it('finds a number written without its year (and with it), and a law by title and year', () => {
    expect(names('Kế hoạch 695/KH-UBND ngày 21/08/2025')).toEqual(['ke-hoach-695-2025-kh-ubnd']);
    expect(names('Kế hoạch số 695/2025/KH-UBND')).toEqual(['ke-hoach-695-2025-kh-ubnd']);
    expect(names('Theo Luật Phòng, chống ma túy năm 2021, người nghiện…')).toEqual(['luat-73-2021-qh14']);
    expect(names('Luật Phòng, chống ma túy 2025: những điểm mới')).toEqual(['luat-120-2025-qh15']);
  });

  it('does not see a document in dates, phone numbers, another suffix or a longer number', () => {
    expect(names('Từ ngày 01/07/2026, gọi 0769.04.04.04 hoặc 111, 24/7.')).toEqual([]);
    expect(names('Nghị định 57/2022/NĐ-TEST và Thông tư 157/2022')).toEqual([]);
    expect(names('Luật Phòng, chống ma túy (luật chung)')).toEqual([]);
  });

  it('splits sentences at their ends but keeps phone numbers and abbreviations whole', () => {
    expect(sentences('Gọi 0769.04.04.04 ở TP.HCM. Luật cũ trước đây.\n- Một ý')).toEqual(['Gọi 0769.04.04.04 ở TP.HCM.', 'Luật cũ trước đây.', '- Một ý']);
  });

  it('knows the history markers in any case', () => {
    expect(marksHistory('TRƯỚC ĐÂY là Luật 73/2021/QH14')).toBe(true);
    expect(marksHistory('Luật 73/2021/QH14 đã được thay thế.')).toBe(true);
    expect(marksHistory('Luật 73/2021/QH14 quy định cai nghiện.')).toBe(false);
  });
});

describe('the citation rule', () => {
  it('fails a fixture that presents the replaced law as current', () => {
    const problems = check(
      [{ id: 'luat-73-2021-qh14', historical: true }],
      'Theo Luật Phòng, chống ma túy số 73/2021/QH14, gia đình đưa người nghiện đến trạm y tế.',
    );
    expect(problems).toEqual([
      'text0: “Theo Luật Phòng, chống ma túy số 73/2021/QH14, gia đình đưa người nghiện đến trạm y tế.” names luat-73-2021-qh14 (73/2021/QH14), ' +
        'which is replaced by luat-120-2025-qh15 (120/2025/QH15), as if it were in force: say in that sentence that it is history ' +
        '(“trước đây”, “đã được thay thế”, “đã hết hiệu lực”, “hết hiệu lực”, “thay thế”)',
    ]);
  });

  it('fails a replaced document cited without historical: true, and an in-force one cited with it', () => {
    expect(check([{ id: 'nghi-dinh-57-2022-nd-cp' }, { id: 'luat-120-2025-qh15', historical: true }])).toEqual([
      'legal.0: nghi-dinh-57-2022-nd-cp (57/2022/NĐ-CP) is replaced by nghi-dinh-28-2026-nd-cp (28/2026/NĐ-CP): cite it with historical: true and mention it only as history',
      'legal.1: luat-120-2025-qh15 (120/2025/QH15) is in force: remove historical: true',
    ]);
    expect(check([{ id: 'quyet-dinh-1-2020-qd-test' }])).toEqual([
      'legal.0: quyet-dinh-1-2020-qd-test (1/2020/QĐ-TEST) is no longer in force: cite it with historical: true and mention it only as history',
    ]);
  });

  it('fails an unknown id, and a number named in the text but not cited', () => {
    expect(check([{ id: 'luat-1-2099-qh99' }], 'Danh mục chất ma túy kèm Nghị định 28/2026/NĐ-CP.')).toEqual([
      'legal.0: "luat-1-2099-qh99" is not in the legal registry (content/legal/documents.yaml)',
      'text0: names nghi-dinh-28-2026-nd-cp (28/2026/NĐ-CP) but legal does not cite it (add { id: nghi-dinh-28-2026-nd-cp })',
    ]);
  });

  it('passes a historical mention marked as such, and the law in force', () => {
    expect(
      check(
        [{ id: 'luat-120-2025-qh15' }, { id: 'luat-73-2021-qh14', historical: true }, { id: 'nghi-dinh-57-2022-nd-cp', historical: true }],
        'Luật số 120/2025/QH15 có hiệu lực từ 01/07/2026. Nó thay thế Luật số 73/2021/QH14.',
        'Danh mục trước đây kèm Nghị định 57/2022/NĐ-CP.',
      ),
    ).toEqual([]);
  });
});
