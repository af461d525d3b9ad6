import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '#server/config.ts';
import { buildKitFiles, kitFiles, kitZipName, type BuiltFile, type BuiltKit } from '#server/kits/kit-files.ts';
import { loadKits } from '#server/kits/load-kits.ts';
import { loadLegalRegistry } from '#server/legal/load-registry.ts';
import { officeText, pdfText, squash, unzip } from '../helpers/document-text.ts';
import { expectPrintedKit, inOrder, planOrder, printedAddresses } from '../helpers/kit-expectations.ts';
import { distDir } from '../helpers/test-app.ts';

/*
 * The downloads as a teacher gets them: the files the build wrote into dist/client/bai-giang/<slug>/
 * (global setup builds the site for the configured PUBLIC_ORIGIN), read back and compared with the kit's
 * YAML. Every file of every kit carries the portal's absolute addresses and QR codes that decode to them.
 */

const contentDir = fileURLToPath(new URL('../../content', import.meta.url));
const registry = loadLegalRegistry(contentDir);
const kits = loadKits(contentDir, registry);
const { publicOrigin } = loadConfig();
const read = (slug: string, fileName: string) => new Uint8Array(readFileSync(join(distDir, 'client', 'bai-giang', slug, fileName)));

/** The kit as the build wrote it, with each file's pages counted from the file itself. */
async function builtFromDist(slug: string): Promise<BuiltKit> {
  const kit = kits.find((candidate) => candidate.slug === slug)!.kit;
  const fresh = await buildKitFiles({ slug, kit, origin: publicOrigin, registry });
  const fromDist = (file: BuiltFile): BuiltFile => ({ ...file, bytes: read(slug, file.fileName) });
  return { files: fresh.files.map(fromDist), zip: fromDist(fresh.zip) };
}

/** Every expected string is in the document, letter for letter, diacritics included. */
function expectAllIn(document: string, expected: string[]) {
  const haystack = squash(document);
  expect(expected.filter((text) => !haystack.includes(squash(text)))).toEqual([]);
}

describe.each(kits)('kit $slug', ({ slug, kit }) => {
  it('has a ZIP of the lesson plan (PDF, DOCX), slides, handouts, quiz and cards, each also downloadable alone, built reproducibly', async () => {
    const built = await builtFromDist(slug);
    const entries = unzip(built.zip.bytes);
    expect(Object.keys(entries)).toEqual(kitFiles(slug, kit).map(({ fileName }) => fileName));
    for (const [name, bytes] of Object.entries(entries)) {
      expect(name).toMatch(/^[a-z0-9-]+\.(pdf|docx|pptx)$/);
      expect(Buffer.compare(Buffer.from(bytes), Buffer.from(read(slug, name))), name).toBe(0);
    }
    // The build and a fresh build in this process give the same bytes.
    const fresh = await buildKitFiles({ slug, kit, origin: publicOrigin, registry });
    expect(Buffer.compare(Buffer.from(fresh.zip.bytes), Buffer.from(read(slug, kitZipName(slug))))).toBe(0);
  });

  it('prints the absolute addresses of the tip page and the kit page, with QR codes that decode to them, on every page of every file', async () => {
    await expectPrintedKit(await builtFromDist(slug), kit, printedAddresses(publicOrigin, slug));
  });

  it('gives a lesson plan (PDF and Word) in the order of a kế hoạch bài dạy, with the font embedded in the PDF', async () => {
    const pdf = read(slug, `${slug}-giao-an.pdf`);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/FontFile2 /);
    expect(inOrder(await pdfText(pdf), [kit.title, ...planOrder(kit), ...kit.discussionQuestions])).toEqual([]);
    expect(inOrder(officeText(read(slug, `${slug}-giao-an.docx`), /^word\/document\.xml$/), [kit.title, ...planOrder(kit)])).toEqual([]);
  });

  it('gives handouts, quiz and answer key with every text of the kit', async () => {
    expectAllIn(
      await pdfText(read(slug, `${slug}-phieu-hoc-tap.pdf`)),
      kit.handouts.flatMap((handout) => [handout.title, ...handout.sections.flatMap((s) => [s.heading, ...(s.paragraphs ?? []), ...(s.bullets ?? [])])]),
    );
    const quiz = await pdfText(read(slug, `${slug}-cau-hoi-kiem-tra.pdf`));
    expectAllIn(
      quiz,
      kit.quiz.flatMap((question) => [question.question, ...question.options, question.explanation]),
    );
    const answerKey = squash(quiz.slice(quiz.lastIndexOf('Đáp án:')));
    for (const question of kit.quiz) expect(answerKey).toContain(squash(question.options[question.answer]!));
  });

  it('gives a PowerPoint with the title, every activity, every slide and its notes', () => {
    const bytes = read(slug, `${slug}-trinh-chieu.pptx`);
    expectAllIn(officeText(bytes, /^ppt\/slides\/slide\d+\.xml$/), [
      kit.title,
      ...kit.activities.map((activity) => activity.title),
      ...kit.slides.flatMap((slide) => [slide.title, ...slide.bullets]),
    ]);
    expectAllIn(
      officeText(bytes, /^ppt\/notesSlides\/notesSlide\d+\.xml$/),
      kit.slides.flatMap((slide) => (slide.notes ? [slide.notes] : [])),
    );
  });
});

describe('reproducible downloads', () => {
  it('builds the same ZIP bytes again, in another process and another time zone than the build', async () => {
    const { slug, kit } = kits[0]!;
    const previousZone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      const again = await buildKitFiles({ slug, kit, origin: publicOrigin, registry });
      expect(Buffer.compare(Buffer.from(again.zip.bytes), Buffer.from(read(slug, kitZipName(slug))))).toBe(0);
    } finally {
      if (previousZone === undefined) delete process.env.TZ;
      else process.env.TZ = previousZone;
    }
  });
});
