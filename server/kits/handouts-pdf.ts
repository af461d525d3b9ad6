import type { Kit } from '#shared/content-schemas.ts';
import { t } from './kit-text.ts';
import { createPdf, type PdfWriter } from './pdf-layout.ts';

/** Body sizes to try, largest first: a handout is one photocopied sheet, so the text shrinks to fit. */
const BODY_SIZES = [10.5, 10, 9.5, 9];

/** The student or participant handouts, each on one page of its own, ready to photocopy. */
export async function handoutsPdf(kit: Kit): Promise<Uint8Array> {
  let pdf: PdfWriter | null = null;
  for (const size of BODY_SIZES) {
    pdf = layOutHandouts(kit, size);
    if (pdf.pageCount() === kit.handouts.length) break;
  }
  return pdf!.finish(t('kits.page'));
}

function layOutHandouts(kit: Kit, bodySize: number): PdfWriter {
  const pdf = createPdf({ title: `${t('kits.handouts')}: ${kit.title}`, subject: t('kits.handouts'), date: kit.reviewed }, bodySize);
  for (const [index, handout] of kit.handouts.entries()) {
    if (index > 0) pdf.newPage();
    pdf.paragraph(t('kits.nameLine'), { muted: true, size: 9.5 });
    pdf.space(0.5);
    pdf.title(handout.title);
    for (const section of handout.sections) {
      pdf.heading(section.heading, 2);
      for (const paragraph of section.paragraphs ?? []) pdf.paragraph(paragraph);
      if (section.bullets) pdf.bullets(section.bullets);
    }
  }
  return pdf;
}
