import { expect } from 'vitest';
import type { BuiltFile, BuiltKit } from '#server/kits/kit-files.ts';
import type { Kit } from '#shared/content-schemas.ts';
import { asksForName, barePaths } from '#shared/content/text-rules.ts';
import { kitPagePath, TIP_PATH } from '#shared/paths/library.ts';
import { officeText, squash, unzip } from './document-text.ts';
import { officeQrCodes, pdfPages } from './printed-links.ts';

/*
 * What every printed kit file must carry (issue 12, item 3), checked the same way over the test fixtures
 * and over the real kits of the build: the absolute address of the tip page and of the kit's page, a QR
 * code that decodes to each, no bare path, and no line asking for a name on what is handed out.
 */

export interface PrintedAddresses {
  tip: string;
  kitPage: string;
}

export const printedAddresses = (origin: string, slug: string): PrintedAddresses => ({
  tip: new URL(TIP_PATH, origin).href,
  kitPage: new URL(kitPagePath(slug), origin).href,
});

/** Handouts, quizzes and cards are anonymous. */
const ANONYMOUS = /-(phieu-hoc-tap|cau-hoi-kiem-tra|the-hoat-dong)\.pdf$/;

/** Every page of a PDF: both addresses in its text, both QR codes decodable, no bare path. */
export async function expectPrintedPdf(file: BuiltFile, addresses: PrintedAddresses): Promise<string> {
  const pages = await pdfPages(file.bytes);
  expect(pages.length, file.fileName).toBe(file.pages);
  for (const [index, page] of pages.entries()) {
    const where = `${file.fileName}, page ${index + 1}`;
    expect(squash(page.text), where).toContain(squash(addresses.tip));
    expect(squash(page.text), where).toContain(squash(addresses.kitPage));
    expect(page.qrCodes.sort(), where).toEqual([addresses.kitPage, addresses.tip].sort());
    expect(barePaths(page.text), where).toEqual([]);
    if (ANONYMOUS.test(file.fileName)) expect(asksForName(page.text), where).toBe(false);
  }
  return pages.map(({ text }) => text).join('\n');
}

/** A Word file: the addresses in the footer of every page, their QR codes among its images, no bare path. */
export async function expectPrintedDocx(file: BuiltFile, addresses: PrintedAddresses): Promise<string> {
  const footer = officeText(file.bytes, /^word\/footer\d+\.xml$/);
  expect(squash(footer)).toContain(squash(addresses.tip));
  expect(squash(footer)).toContain(squash(addresses.kitPage));
  const document = officeText(file.bytes, /^word\/document\.xml$/);
  // The footer is on every page: the one section refers to it as its default footer.
  expect(new TextDecoder().decode(unzip(file.bytes)['word/document.xml'])).toMatch(/<w:footerReference w:type="default"/);
  expect(new Set(await officeQrCodes(file.bytes))).toEqual(new Set([addresses.tip, addresses.kitPage]));
  expect(barePaths(`${document}\n${footer}`)).toEqual([]);
  expect(asksForName(document)).toBe(false);
  return document;
}

/**
 * A PowerPoint: the addresses at the foot of every slide (the layout every slide uses: pptxgenjs writes a
 * slide master's objects into a slide layout), a closing slide with both QR codes.
 */
export async function expectPrintedPptx(file: BuiltFile, addresses: PrintedAddresses): Promise<string> {
  const master = officeText(file.bytes, /^ppt\/slideLayouts\/slideLayout\d+\.xml$/);
  const parts = unzip(file.bytes);
  const slideNames = Object.keys(parts).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
  const layoutOf = (slide: string) =>
    /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(new TextDecoder().decode(parts[slide.replace('slides/', 'slides/_rels/') + '.rels']))?.[1];
  const layouts = new Set(slideNames.map(layoutOf));
  expect(layouts.size, 'every slide uses the one layout with the addresses').toBe(1);
  expect(squash(new TextDecoder().decode(parts[`ppt/slideLayouts/${[...layouts][0]}`]))).toContain(squash(addresses.tip));
  expect(squash(master)).toContain(squash(addresses.tip));
  expect(squash(master)).toContain(squash(addresses.kitPage));
  const slides = officeText(file.bytes, /^ppt\/slides\/slide\d+\.xml$/);
  expect(new Set(await officeQrCodes(file.bytes))).toEqual(new Set([addresses.tip, addresses.kitPage]));
  expect(barePaths(`${slides}\n${master}`)).toEqual([]);
  return slides;
}

/** Every file of a built kit, checked for its format; returns each file's text. */
export async function expectPrintedKit(built: BuiltKit, kit: Kit, addresses: PrintedAddresses): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of built.files) {
    if (file.format === 'pdf') texts.set(file.fileName, await expectPrintedPdf(file, addresses));
    else if (file.format === 'docx') texts.set(file.fileName, await expectPrintedDocx(file, addresses));
    else if (file.format === 'pptx') texts.set(file.fileName, await expectPrintedPptx(file, addresses));
  }
  const handouts = built.files.find(({ fileName }) => fileName.endsWith('-phieu-hoc-tap.pdf'));
  expect(handouts?.pages, 'one page per handout').toBe(kit.handouts.length);
  return texts;
}

/** The headings of a kế hoạch bài dạy (Công văn 5512) appear in this order, each activity with a) to d). */
export function planOrder(kit: Kit): string[] {
  return [
    'I. Mục tiêu',
    '1. Kiến thức',
    ...kit.objectives.knowledge,
    '2. Năng lực',
    ...kit.objectives.competences,
    '3. Phẩm chất',
    ...kit.objectives.qualities,
    'II. Thiết bị dạy học và học liệu',
    ...kit.preparation,
    'III. Tiến trình dạy học',
    ...kit.activities.flatMap((activity) => [
      activity.title,
      'a) Mục tiêu',
      activity.objective,
      'b) Nội dung',
      activity.content,
      'c) Sản phẩm',
      activity.product,
      'd) Tổ chức thực hiện',
      ...activity.steps,
    ]),
  ];
}

/** The positions of `expected` in `text`, each searched after the previous one; -1 where one is missing. */
export function inOrder(text: string, expected: readonly string[]): string[] {
  const haystack = squash(text);
  const missing: string[] = [];
  let from = 0;
  for (const item of expected) {
    const at = haystack.indexOf(squash(item), from);
    if (at < 0) missing.push(item);
    else from = at + squash(item).length;
  }
  return missing;
}
