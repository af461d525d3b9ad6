import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKitFiles, type BuiltKit } from '#server/kits/kit-files.ts';
import { loadKits } from '#server/kits/load-kits.ts';
import { loadLegalRegistry } from '#server/legal/load-registry.ts';
import { officeText, squash, unzip } from '../../helpers/document-text.ts';
import { expectPrintedKit, inOrder, planOrder, printedAddresses } from '../../helpers/kit-expectations.ts';

/*
 * The kit generators over the test fixtures (test/fixtures/content): what a teacher prints carries the
 * portal's absolute addresses and QR codes on every page, the Word lesson plan follows the "kế hoạch bài
 * dạy" of Công văn 5512, and the same kit gives the same bytes. The same checks run over the real kits of
 * the build in test/integration/kit-downloads.test.ts.
 */

const fixtures = fileURLToPath(new URL('../../fixtures/content', import.meta.url));
const registry = loadLegalRegistry(fixtures);
const kits = loadKits(fixtures, registry);
const ORIGIN = 'https://pcmt.example.vn';
const built = new Map<string, BuiltKit>();

beforeAll(async () => {
  for (const { slug, kit } of kits) built.set(slug, await buildKitFiles({ slug, kit, origin: ORIGIN, registry }));
}, 120_000);

const fileOf = (slug: string, suffix: string) => built.get(slug)!.files.find(({ fileName }) => fileName.endsWith(suffix))!;

describe.each(kits)('fixture kit $slug', ({ slug, kit }) => {
  it('prints both absolute addresses and a QR code to each on every PDF page, in the Word footer and on the slides', async () => {
    const texts = await expectPrintedKit(built.get(slug)!, kit, printedAddresses(ORIGIN, slug));
    expect([...texts.keys()]).toEqual(built.get(slug)!.files.map(({ fileName }) => fileName));
  });

  it('writes the Word lesson plan in the order of a kế hoạch bài dạy, then the handouts, quiz, answer key and cards', () => {
    const document = officeText(fileOf(slug, '.docx').bytes, /^word\/document\.xml$/);
    expect(inOrder(document, planOrder(kit))).toEqual([]);
    const appendices = [
      `Phụ lục 1. ${kit.handouts[0]!.title}`,
      ...kit.handouts.flatMap((handout) => handout.sections.map((section) => section.heading)),
      'Phụ lục 2. Câu hỏi kiểm tra',
      ...kit.quiz.flatMap((question) => [question.question, ...question.options]),
      'Đáp án',
      ...kit.quiz.map((question) => question.explanation),
      ...(kit.cards ? ['Phụ lục 3. Thẻ hoạt động', ...kit.cards.flatMap((card) => [card.title, card.text])] : []),
    ];
    expect(inOrder(document, appendices)).toEqual([]);
    // I, II and III are Word headings, so the navigation pane shows the plan's structure.
    const xml = new TextDecoder().decode(unzip(fileOf(slug, '.docx').bytes)['word/document.xml']);
    for (const heading of ['I. Mục tiêu', 'II. Thiết bị dạy học và học liệu', 'III. Tiến trình dạy học']) {
      expect(xml).toMatch(new RegExp(`<w:pStyle w:val="Heading1"/>.*?<w:t[^>]*>${heading}</w:t>`));
    }
  });

  it('prints the same plan in the PDF, with the programme under the title for a school kit', async () => {
    const { pdfText } = await import('../../helpers/document-text.ts');
    const text = await pdfText(fileOf(slug, '-giao-an.pdf').bytes);
    expect(inOrder(text, planOrder(kit))).toEqual([]);
    if (kit.programme) expect(inOrder(text, [kit.title, kit.programme, 'I. Mục tiêu'])).toEqual([]);
  });

  it('frames the cards with dashed lines in Word and prints them to cut out', () => {
    const xml = new TextDecoder().decode(unzip(fileOf(slug, '.docx').bytes)['word/document.xml']);
    const cards = built.get(slug)!.files.find(({ fileName }) => fileName.endsWith('-the-hoat-dong.pdf'));
    if (!kit.cards) {
      expect(cards).toBeUndefined();
      return;
    }
    expect((xml.match(/<w:top w:val="dashed"/g) ?? []).length).toBe(kit.cards.length);
    expect(cards?.pages).toBeGreaterThanOrEqual(1);
  });

  it('draws one picture per pictogram of the handouts in Word', () => {
    const pictograms = new Set(kit.handouts.flatMap((handout) => handout.sections.flatMap((section) => (section.pictogram ? [section.pictogram] : []))));
    const media = Object.keys(unzip(fileOf(slug, '.docx').bytes)).filter((name) => name.startsWith('word/media/'));
    // The two QR codes, and each pictogram once however often it is used.
    expect(media).toHaveLength(2 + pictograms.size);
  });

  it('names the legal basis with each document’s status in the lesson plan', () => {
    const document = squash(officeText(fileOf(slug, '.docx').bytes, /^word\/document\.xml$/));
    for (const { id, historical } of kit.legal) {
      const entry = registry.find((document) => document.id === id)!;
      expect(document).toContain(squash(entry.number));
      if (historical) expect(document).toContain(squash('Đã được thay thế bởi'));
    }
  });
});

describe('reproducible kit files', () => {
  it('builds the same bytes again, in another time zone', async () => {
    const { slug, kit } = kits[0]!;
    const previousZone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const again = await buildKitFiles({ slug, kit, origin: ORIGIN, registry });
      for (const [index, file] of again.files.entries())
        expect(Buffer.compare(Buffer.from(file.bytes), Buffer.from(built.get(slug)!.files[index]!.bytes)), file.fileName).toBe(0);
      expect(Buffer.compare(Buffer.from(again.zip.bytes), Buffer.from(built.get(slug)!.zip.bytes))).toBe(0);
    } finally {
      if (previousZone === undefined) delete process.env.TZ;
      else process.env.TZ = previousZone;
    }
  });

  it('builds the same bytes when kits are built side by side, as the site build does', async () => {
    const together = await Promise.all(kits.map(({ slug, kit }) => buildKitFiles({ slug, kit, origin: ORIGIN, registry })));
    for (const [index, { slug }] of kits.entries()) {
      expect(Buffer.compare(Buffer.from(together[index]!.zip.bytes), Buffer.from(built.get(slug)!.zip.bytes)), slug).toBe(0);
    }
  });

  it('prints another origin when the portal is configured with one', async () => {
    const { slug, kit } = kits[0]!;
    const other = await buildKitFiles({ slug, kit, origin: 'http://localhost:4321', registry });
    await expectPrintedKit(other, kit, printedAddresses('http://localhost:4321', slug));
  });
});
