import type { Kit } from '#shared/content-schemas.ts';
import { activityHeading, kitFacts, reviewedLine, sourceLine, t } from './kit-text.ts';
import { createPdf } from './pdf-layout.ts';

/** The lesson plan as a printable PDF: what to teach, how long, step by step, with the sources. */
export async function lessonPlanPdf(kit: Kit): Promise<Uint8Array> {
  const pdf = createPdf({ title: kit.title, subject: t('kits.lessonPlan'), date: kit.reviewed });
  pdf.paragraph(t('kits.lessonPlan').toUpperCase(), { muted: true, size: 9 });
  pdf.title(kit.title);
  for (const { label, value } of kitFacts(kit)) pdf.labelled(label, value);
  pdf.space();
  pdf.paragraph(kit.summary, { italic: true });

  pdf.heading(t('kits.objectives'));
  pdf.bullets(kit.objectives);
  pdf.heading(t('kits.preparation'));
  pdf.bullets(kit.preparation);

  pdf.heading(t('kits.activities'));
  for (const [index, activity] of kit.activities.entries()) {
    pdf.heading(activityHeading(index, activity.title, activity.minutes), 2);
    pdf.bullets(activity.steps, { marker: 'number' });
    if (activity.notes) pdf.paragraph(`${t('kits.notes')}: ${activity.notes}`, { italic: true, muted: true });
  }

  pdf.heading(t('kits.discussion'));
  pdf.bullets(kit.discussionQuestions, { marker: 'number' });
  pdf.heading(t('kits.sources'));
  pdf.bullets(kit.sources.map(sourceLine));
  pdf.space();
  pdf.paragraph(reviewedLine(kit), { muted: true, size: 9 });
  return pdf.finish(t('kits.page'));
}
