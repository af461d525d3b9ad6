import type { Kit } from '#shared/content-schemas.ts';
import { activityHeading, activityParts, footerLinks, kitFacts, legalLines, objectiveGroups, planLabel, reviewedLine, sourceLine, t } from './kit-text.ts';
import { createPdf } from './pdf-layout.ts';
import type { KitPrintContext } from './print-context.ts';

/**
 * The lesson plan as a printable PDF, in the order of a "kế hoạch bài dạy" (Công văn 5512/BGDĐT-GDTrH):
 * I. Mục tiêu, II. Thiết bị dạy học và học liệu, III. Tiến trình dạy học (each activity a–d), then the
 * discussion questions, the legal basis and the sources.
 */
export async function lessonPlanPdf(kit: Kit, context: KitPrintContext): Promise<Uint8Array> {
  const pdf = createPdf({ title: kit.title, subject: planLabel(kit), date: kit.reviewed, footer: footerLinks(context) });
  pdf.paragraph(planLabel(kit).toUpperCase(), { muted: true, size: 9 });
  pdf.title(kit.title);
  if (kit.programme) pdf.paragraph(`${t('kits.programme')}: ${kit.programme}`, { italic: true });
  for (const { label, value } of kitFacts(kit)) pdf.labelled(label, value);
  pdf.space();
  pdf.paragraph(kit.summary, { italic: true });

  pdf.heading(t('kits.plan.objectives'));
  for (const { heading, items } of objectiveGroups(kit)) {
    pdf.heading(heading, 2);
    pdf.bullets(items);
  }
  pdf.heading(t('kits.plan.equipment'));
  pdf.bullets(kit.preparation);

  pdf.heading(t('kits.plan.process'));
  for (const activity of kit.activities) {
    pdf.heading(activityHeading(activity.title, activity.minutes), 2);
    for (const { label, value } of activityParts(activity)) pdf.labelled(label, value);
    pdf.strong(t('kits.activity.steps'));
    pdf.bullets(activity.steps, { marker: 'number' });
    if (activity.notes) pdf.paragraph(`${t('kits.notes')}: ${activity.notes}`, { italic: true, muted: true });
  }

  pdf.heading(t('kits.discussion'));
  pdf.bullets(kit.discussionQuestions, { marker: 'number' });
  if (context.legal.length > 0) {
    pdf.heading(t('legal.title'));
    pdf.bullets(legalLines(context));
  }
  pdf.heading(t('kits.sources'));
  pdf.bullets(kit.sources.map(sourceLine));
  pdf.space();
  pdf.paragraph(reviewedLine(kit), { muted: true, size: 9 });
  return pdf.finish(t('kits.page'));
}
