import type { Kit } from '#shared/content-schemas.ts';
import { footerLinks, optionLetter, t } from './kit-text.ts';
import { createPdf } from './pdf-layout.ts';
import type { KitPrintContext } from './print-context.ts';

/**
 * The quiz to photocopy, anonymous (no name line), then the answer key on a page of its own, so the
 * teacher can print the questions without the answers.
 */
export async function quizPdf(kit: Kit, context: KitPrintContext): Promise<Uint8Array> {
  const pdf = createPdf({ title: `${t('kits.quiz')}: ${kit.title}`, subject: t('kits.quiz'), date: kit.reviewed, footer: footerLinks(context) });
  pdf.title(`${t('kits.quiz')}: ${kit.title}`);
  for (const [index, question] of kit.quiz.entries()) {
    pdf.heading(`${index + 1}. ${question.question}`, 2);
    pdf.bullets(
      question.options.map((option, optionIndex) => `${optionLetter(optionIndex)}. ${option}`),
      { marker: 'none' },
    );
  }

  pdf.newPage();
  pdf.title(`${t('kits.answerKey')}: ${kit.title}`);
  for (const [index, question] of kit.quiz.entries()) {
    pdf.heading(`${index + 1}. ${question.question}`, 2);
    pdf.labelled(t('kits.answer'), `${optionLetter(question.answer)}. ${question.options[question.answer]}`);
    pdf.paragraph(question.explanation, { muted: true });
  }
  return pdf.finish(t('kits.page'));
}
