import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import type { Kit } from '#shared/content-schemas.ts';
import { repackOfficeFile } from './fixed-zip.ts';
import { activityHeading, kitFacts, reviewedLine, sourceLine, t } from './kit-text.ts';

/*
 * The lesson plan as an editable Word file: the same content as the PDF, in Word's own headings and
 * lists, so a teacher can adapt it to the class. Times New Roman, the usual font of Vietnamese school and
 * administrative documents, which every Word installation has with Vietnamese letters.
 */

const FONT = 'Times New Roman';
const BULLETS = 'bullets';
const NUMBERS = 'numbers';

/** Bulleted paragraphs. */
const bulleted = (items: readonly string[]) => items.map((text) => new Paragraph({ text, numbering: { reference: BULLETS, level: 0 } }));
/** Numbered paragraphs; each `instance` restarts at 1. */
const numbered = (items: readonly string[], instance: number) =>
  items.map((text) => new Paragraph({ text, numbering: { reference: NUMBERS, level: 0, instance } }));
const heading = (text: string, level: 1 | 2 = 1) => new Paragraph({ text, heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 });

export async function lessonPlanDocx(kit: Kit): Promise<Uint8Array> {
  const children: Paragraph[] = [
    new Paragraph({ children: [new TextRun({ text: t('kits.lessonPlan').toUpperCase(), color: '4A4A4A', size: 20 })] }),
    new Paragraph({ text: kit.title, heading: HeadingLevel.TITLE }),
    ...kitFacts(kit).map(({ label, value }) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] })),
    new Paragraph({ children: [new TextRun({ text: kit.summary, italics: true })], spacing: { before: 160 } }),
    heading(t('kits.objectives')),
    ...bulleted(kit.objectives),
    heading(t('kits.preparation')),
    ...bulleted(kit.preparation),
    heading(t('kits.activities')),
  ];
  for (const [index, activity] of kit.activities.entries()) {
    children.push(heading(activityHeading(index, activity.title, activity.minutes), 2), ...numbered(activity.steps, index + 1));
    if (activity.notes) children.push(new Paragraph({ children: [new TextRun({ text: `${t('kits.notes')}: ${activity.notes}`, italics: true })] }));
  }
  children.push(
    heading(t('kits.discussion')),
    ...numbered(kit.discussionQuestions, kit.activities.length + 1),
    // Addresses stay plain text: docx gives hyperlinks random ids, which would change the bytes each build.
    heading(t('kits.sources')),
    ...bulleted(kit.sources.map(sourceLine)),
    new Paragraph({ children: [new TextRun({ text: reviewedLine(kit), color: '4A4A4A', size: 20 })], spacing: { before: 240 } }),
  );

  const document = new Document({
    title: kit.title,
    subject: t('kits.lessonPlan'),
    creator: 'Cổng thông tin phòng, chống ma túy tỉnh Nghệ An',
    lastModifiedBy: 'Cổng thông tin phòng, chống ma túy tỉnh Nghệ An',
    revision: 1,
    styles: {
      default: {
        document: { run: { font: FONT, size: 26 }, paragraph: { spacing: { after: 80, line: 300 } } },
        title: { run: { font: FONT, size: 36, bold: true, color: '8A1C1C' } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: '8A1C1C' }, paragraph: { spacing: { before: 280, after: 120 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 27, bold: true, color: '1B1B1B' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 260 } } } },
          ],
        },
        {
          reference: NUMBERS,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 420, hanging: 320 } } },
            },
          ],
        },
      ],
    },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1418, right: 1134 } } }, children }],
  });
  return repackOfficeFile(new Uint8Array(await Packer.toBuffer(document)), kit.reviewed);
}
