import type { Kit, KitCard } from '#shared/content-schemas.ts';
import { footerLinks, t } from './kit-text.ts';
import { createPdf, type PdfWriter } from './pdf-layout.ts';
import type { KitPrintContext } from './print-context.ts';

/*
 * The activity cards to print on card and cut out: two columns, each card in a dashed frame to cut along,
 * its title in bold. A row is as tall as its taller card, and never split across pages.
 */

const GAP = 14;
const PADDING = 12;
const MIN_HEIGHT = 110;
const BRAND = '#8a1c1c';

export async function cardsPdf(kit: Kit, context: KitPrintContext): Promise<Uint8Array> {
  const pdf = createPdf({ title: `${t('kits.cards')}: ${kit.title}`, subject: t('kits.cards'), date: kit.reviewed, footer: footerLinks(context) });
  pdf.title(`${t('kits.cards')}: ${kit.title}`);
  pdf.paragraph(t('kits.cardsHint'), { muted: true });
  pdf.space();
  const cards = kit.cards ?? [];
  for (let index = 0; index < cards.length; index += 2) drawRow(pdf, cards.slice(index, index + 2));
  return pdf.finish(t('kits.page'));
}

function drawRow(pdf: PdfWriter, row: KitCard[]): void {
  const { doc } = pdf;
  const cardWidth = (pdf.width - GAP) / 2;
  const textWidth = cardWidth - PADDING * 2;
  const title = { width: textWidth, bold: true, size: 12, color: BRAND };
  const body = { width: textWidth, size: 11 };
  const heightOf = (card: KitCard) => pdf.measure(card.title, title) + 6 + pdf.measure(card.text, body) + PADDING * 2;
  const height = Math.max(MIN_HEIGHT, ...row.map(heightOf));
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) pdf.newPage();
  const top = doc.y;
  for (const [column, card] of row.entries()) {
    const left = doc.page.margins.left + column * (cardWidth + GAP);
    doc.save().lineWidth(1).dash(5, { space: 4 }).strokeColor('#4a4a4a').rect(left, top, cardWidth, height).stroke().undash().restore();
    pdf.textAt(card.title, left + PADDING, top + PADDING, title);
    pdf.textAt(card.text, left + PADDING, doc.y + 6, body);
  }
  doc.x = doc.page.margins.left;
  doc.y = top + height + GAP;
}
