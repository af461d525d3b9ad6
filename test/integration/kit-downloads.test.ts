import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kitFiles, kitZip, kitZipName } from '#server/kits/kit-files.ts';
import { loadKits } from '#server/kits/load-kits.ts';
import { officeText, pdfText, squash, unzip } from '../helpers/document-text.ts';
import { distDir } from '../helpers/test-app.ts';

/*
 * The downloads as a teacher gets them: the files the build wrote into dist/client/bai-giang/<slug>/
 * (global setup builds the site), read back and compared with the kit's YAML.
 */

const contentDir = fileURLToPath(new URL('../../content', import.meta.url));
const kits = loadKits(contentDir);
const built = (slug: string, fileName: string) => new Uint8Array(readFileSync(join(distDir, 'client', 'bai-giang', slug, fileName)));
const fileNamed = (slug: string, suffix: string) => kitFiles(slug).find(({ fileName }) => fileName.endsWith(suffix))!.fileName;

/** Every expected string is in the document, letter for letter, diacritics included. */
function expectAllIn(document: string, expected: string[]) {
  const haystack = squash(document);
  const missing = expected.filter((text) => !haystack.includes(squash(text)));
  expect(missing).toEqual([]);
}

describe.each(kits)('kit $slug', ({ slug, kit }) => {
  it('has a ZIP holding the lesson plan (PDF, DOCX), slides, handouts and quiz, each also downloadable alone', () => {
    const entries = unzip(built(slug, kitZipName(slug)));
    expect(Object.keys(entries)).toEqual([
      `${slug}-giao-an.pdf`,
      `${slug}-giao-an.docx`,
      `${slug}-trinh-chieu.pptx`,
      `${slug}-phieu-hoc-tap.pdf`,
      `${slug}-cau-hoi-kiem-tra.pdf`,
    ]);
    for (const [name, bytes] of Object.entries(entries)) {
      expect(name).toMatch(/^[a-z0-9-]+\.(pdf|docx|pptx)$/);
      expect(Buffer.compare(Buffer.from(bytes), Buffer.from(built(slug, name)))).toBe(0);
    }
  });

  it('gives a lesson plan PDF whose text is the kit’s Vietnamese, with the font embedded', async () => {
    const bytes = built(slug, fileNamed(slug, '-giao-an.pdf'));
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/FontFile2 /);
    expectAllIn(await pdfText(bytes), [
      kit.title,
      kit.summary,
      ...kit.objectives,
      ...kit.preparation,
      ...kit.activities.flatMap((activity) => [activity.title, ...activity.steps, ...(activity.notes ? [activity.notes] : [])]),
      ...kit.discussionQuestions,
    ]);
  });

  it('gives a handouts PDF with every handout, one page each', async () => {
    const bytes = built(slug, fileNamed(slug, '-phieu-hoc-tap.pdf'));
    const text = await pdfText(bytes);
    expectAllIn(
      text,
      kit.handouts.flatMap((handout) => [handout.title, ...handout.sections.flatMap((s) => [s.heading, ...(s.paragraphs ?? []), ...(s.bullets ?? [])])]),
    );
    const { totalPages } = await import('unpdf').then(async ({ getDocumentProxy }) => ({ totalPages: (await getDocumentProxy(bytes)).numPages }));
    expect(totalPages).toBe(kit.handouts.length);
  });

  it('gives a quiz PDF with every question and option, and an answer key with the explanations', async () => {
    const text = await pdfText(built(slug, fileNamed(slug, '-cau-hoi-kiem-tra.pdf')));
    expectAllIn(
      text,
      kit.quiz.flatMap((question) => [question.question, ...question.options, question.explanation]),
    );
    const answerKey = squash(text.slice(text.lastIndexOf('Đáp án:')));
    for (const question of kit.quiz) expect(answerKey).toContain(squash(question.options[question.answer]!));
  });

  it('gives an editable Word lesson plan with the title, objectives and every activity', () => {
    const bytes = built(slug, fileNamed(slug, '.docx'));
    expectAllIn(officeText(bytes, /^word\/document\.xml$/), [
      kit.title,
      ...kit.objectives,
      ...kit.activities.flatMap((activity) => [activity.title, ...activity.steps]),
      ...kit.discussionQuestions,
    ]);
    expect(officeText(bytes, /^docProps\/core\.xml$/) + new TextDecoder().decode(unzip(bytes)['docProps/core.xml'])).toContain(kit.title);
  });

  it('gives a PowerPoint with the title, every activity, every slide and its notes', () => {
    const bytes = built(slug, fileNamed(slug, '.pptx'));
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
      const again = await kitZip(slug, kit);
      expect(Buffer.compare(Buffer.from(again), Buffer.from(built(slug, kitZipName(slug))))).toBe(0);
    } finally {
      if (previousZone === undefined) delete process.env.TZ;
      else process.env.TZ = previousZone;
    }
  });
});
