import { Document, Packer, Paragraph, TextRun, type Table } from 'docx';
import type { Kit } from '#shared/content-schemas.ts';
import { addressFooter, bulleted, cardTable, heading, imageIds, labelled, note, NUMBERING, numbered, PAGE, STYLES } from './docx-parts.ts';
import { repackOfficeFile } from './fixed-zip.ts';
import {
  activityHeading,
  activityParts,
  footerLinks,
  kitFacts,
  legalLines,
  objectiveGroups,
  optionLetter,
  planLabel,
  reviewedLine,
  sourceLine,
  t,
} from './kit-text.ts';
import { pictogramPng } from './pictograms.ts';
import type { KitPrintContext } from './print-context.ts';

/*
 * The lesson plan as an editable Word file, in the order of a "kế hoạch bài dạy" (Công văn
 * 5512/BGDĐT-GDTrH): I. Mục tiêu (1. Kiến thức, 2. Năng lực, 3. Phẩm chất), II. Thiết bị dạy học và học
 * liệu, III. Tiến trình dạy học, each activity in four parts a) Mục tiêu, b) Nội dung, c) Sản phẩm,
 * d) Tổ chức thực hiện. Appendices hold what the teacher prints: the handouts, the quiz with its answer key
 * and the cut-out activity cards. Every page's footer carries the portal's addresses and QR codes.
 */

type Block = Paragraph | Table;

function planBody(kit: Kit, context: KitPrintContext): Block[] {
  const blocks: Block[] = [
    note(planLabel(kit).toUpperCase()),
    new Paragraph({ text: kit.title, heading: 'Title' }),
    ...(kit.programme
      ? [new Paragraph({ children: [new TextRun({ text: `${t('kits.programme')}: `, bold: true }), new TextRun({ text: kit.programme, italics: true })] })]
      : []),
    ...kitFacts(kit).map(({ label, value }) => labelled(label, value)),
    new Paragraph({ children: [new TextRun({ text: kit.summary, italics: true })], spacing: { before: 160 } }),
    heading(t('kits.plan.objectives')),
  ];
  for (const group of objectiveGroups(kit)) blocks.push(heading(group.heading, 2), ...bulleted(group.items));
  blocks.push(heading(t('kits.plan.equipment')), ...bulleted(kit.preparation), heading(t('kits.plan.process')));
  for (const [index, activity] of kit.activities.entries()) {
    blocks.push(heading(activityHeading(activity.title, activity.minutes), 2));
    for (const { label, value } of activityParts(activity)) blocks.push(labelled(label, value));
    blocks.push(new Paragraph({ children: [new TextRun({ text: `${t('kits.activity.steps')}:`, bold: true })] }), ...numbered(activity.steps, index + 1));
    if (activity.notes) blocks.push(note(`${t('kits.notes')}: ${activity.notes}`, { italics: true }));
  }
  blocks.push(heading(t('kits.discussion')), ...numbered(kit.discussionQuestions, kit.activities.length + 1));
  if (context.legal.length > 0) blocks.push(heading(t('legal.title')), ...bulleted(legalLines(context)));
  // Addresses stay plain text: docx gives hyperlinks random ids, which would change the bytes each build.
  blocks.push(heading(t('kits.sources')), ...bulleted(kit.sources.map(sourceLine)), note(reviewedLine(kit), { before: 240 }));
  return blocks;
}

async function handoutAppendix(kit: Kit, number: number, image: ReturnType<typeof imageIds>): Promise<Block[]> {
  const blocks: Block[] = [];
  for (const [index, handout] of kit.handouts.entries()) {
    const title = index === 0 ? t('kits.appendix', { n: number, title: handout.title }) : handout.title;
    blocks.push(heading(title, 1, { pageBreakBefore: true }));
    for (const section of handout.sections) {
      const picture = section.pictogram ? image(await pictogramPng(section.pictogram, '#8a1c1c'), 40, section.heading) : undefined;
      blocks.push(heading(section.heading, 3, { image: picture }));
      blocks.push(...(section.paragraphs ?? []).map((text) => new Paragraph({ text })), ...bulleted(section.bullets ?? []));
    }
  }
  return blocks;
}

function quizAppendix(kit: Kit, number: number): Block[] {
  const blocks: Block[] = [heading(t('kits.appendix', { n: number, title: t('kits.quiz') }), 1, { pageBreakBefore: true })];
  for (const [index, question] of kit.quiz.entries()) {
    blocks.push(heading(`${index + 1}. ${question.question}`, 3));
    blocks.push(...question.options.map((option, optionIndex) => new Paragraph({ text: `${optionLetter(optionIndex)}. ${option}`, indent: { left: 360 } })));
  }
  blocks.push(heading(t('kits.answerKey'), 2, { pageBreakBefore: true }));
  for (const [index, question] of kit.quiz.entries()) {
    blocks.push(
      labelled(`${index + 1}. ${t('kits.answer')}`, `${optionLetter(question.answer)}. ${question.options[question.answer]}`),
      note(question.explanation),
    );
  }
  return blocks;
}

function cardsAppendix(kit: Kit, number: number): Block[] {
  if (!kit.cards) return [];
  return [heading(t('kits.appendix', { n: number, title: t('kits.cards') }), 1, { pageBreakBefore: true }), note(t('kits.cardsHint')), cardTable(kit.cards)];
}

export async function lessonPlanDocx(kit: Kit, context: KitPrintContext): Promise<Uint8Array> {
  const image = imageIds();
  const footer = addressFooter(footerLinks(context), image);
  const children = [...planBody(kit, context), ...(await handoutAppendix(kit, 1, image)), ...quizAppendix(kit, 2), ...cardsAppendix(kit, 3)];
  const document = new Document({
    title: kit.title,
    subject: planLabel(kit),
    creator: 'Cổng thông tin phòng, chống ma túy tỉnh Nghệ An',
    lastModifiedBy: 'Cổng thông tin phòng, chống ma túy tỉnh Nghệ An',
    revision: 1,
    styles: STYLES,
    numbering: NUMBERING,
    sections: [{ properties: { page: PAGE }, footers: { default: footer }, children }],
  });
  return repackOfficeFile(new Uint8Array(await Packer.toBuffer(document)), kit.reviewed);
}
