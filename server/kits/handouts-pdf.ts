import type { Kit } from '#shared/content-schemas.ts';
import { footerLinks, t } from './kit-text.ts';
import { createPdf, type PdfWriter } from './pdf-layout.ts';
import type { KitPrintContext } from './print-context.ts';

/** Body sizes to try, largest first: a handout is one photocopied sheet, so the text shrinks to fit. */
const BODY_SIZES = [10.5, 10, 9.5, 9, 8.5];

/**
 * The student or participant handouts, each on one page of its own, ready to photocopy. Anonymous: no
 * line asks for a name. Sections with a pictogram show it beside their heading, for readers who read little.
 */
export async function handoutsPdf(kit: Kit, context: KitPrintContext): Promise<Uint8Array> {
  let pdf: PdfWriter | null = null;
  for (const size of BODY_SIZES) {
    pdf = layOutHandouts(kit, context, size);
    if (pdf.pageCount() === kit.handouts.length) break;
  }
  return pdf!.finish(t('kits.page'));
}

function layOutHandouts(kit: Kit, context: KitPrintContext, bodySize: number): PdfWriter {
  const pdf = createPdf(
    { title: `${t('kits.handouts')}: ${kit.title}`, subject: t('kits.handouts'), date: kit.reviewed, footer: footerLinks(context) },
    bodySize,
  );
  for (const [index, handout] of kit.handouts.entries()) {
    if (index > 0) pdf.newPage();
    pdf.title(handout.title);
    for (const section of handout.sections) {
      pdf.heading(section.heading, 2, { pictogram: section.pictogram });
      for (const paragraph of section.paragraphs ?? []) pdf.paragraph(paragraph);
      if (section.bullets) pdf.bullets(section.bullets);
    }
  }
  return pdf;
}
