import PptxGenJS from 'pptxgenjs';
import type { Kit } from '#shared/content-schemas.ts';
import { repackOfficeFile } from './fixed-zip.ts';
import { activityHeading, footerLinks, kitFacts, t } from './kit-text.ts';
import type { KitPrintContext } from './print-context.ts';

/*
 * The slides as PowerPoint: the kit's own slides with their speaker notes, after one hidden overview slide
 * that gives the facilitator the lesson's title, facts and timed activities (hidden, so the class never
 * sees it), and a closing slide with the QR codes of the tip page and the kit's page. Every slide's foot
 * carries both absolute addresses. Arial: present on every machine that runs PowerPoint, with Vietnamese
 * letters.
 */

const FONT = 'Arial';
const BRAND = '8A1C1C';
const INK = '1B1B1B';
const MASTER = 'KIT';
const LANG = 'vi-VN';

const dataUri = (png: Uint8Array) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`;

export async function slidesPptx(kit: Kit, context: KitPrintContext): Promise<Uint8Array> {
  const links = footerLinks(context);
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = kit.title;
  pptx.subject = t('kits.slides');
  pptx.author = 'Cổng thông tin phòng, chống ma túy tỉnh Nghệ An';
  pptx.company = 'Cổng thông tin phòng, chống ma túy tỉnh Nghệ An';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: 'FFFFFF' },
    objects: [
      { rect: { x: 0, y: 0, w: '100%', h: 0.12, fill: { color: BRAND } } },
      {
        text: {
          text: links.map(({ label, url }) => `${label}: ${url}`).join('   ·   '),
          options: { x: 0.4, y: 5.2, w: 8.7, h: 0.35, fontFace: FONT, fontSize: 9, color: '4A4A4A', lang: LANG, fit: 'shrink' },
        },
      },
    ],
    slideNumber: { x: 9.2, y: 5.25, w: 0.6, h: 0.3, fontFace: FONT, fontSize: 10, color: '4A4A4A' },
  });

  const overview = pptx.addSlide({ masterName: MASTER });
  overview.hidden = true;
  overview.addText(kit.title, { x: 0.5, y: 0.3, w: 9, h: 0.9, fontFace: FONT, fontSize: 24, bold: true, color: BRAND, lang: LANG, fit: 'shrink' });
  overview.addText(
    kitFacts(kit)
      .map(({ label, value }) => `${label}: ${value}`)
      .join('  ·  '),
    {
      x: 0.5,
      y: 1.2,
      w: 9,
      h: 0.4,
      fontFace: FONT,
      fontSize: 14,
      color: INK,
      lang: LANG,
    },
  );
  overview.addText(
    kit.activities.map((activity) => ({ text: activityHeading(activity.title, activity.minutes), options: { breakLine: true } })),
    { x: 0.5, y: 1.7, w: 9, h: 3.4, fontFace: FONT, fontSize: 15, color: INK, valign: 'top', lang: LANG, fit: 'shrink', paraSpaceAfter: 4 },
  );
  overview.addNotes(t('kits.overviewNote'));

  for (const { title, bullets, notes } of kit.slides) {
    const slide = pptx.addSlide({ masterName: MASTER });
    slide.addText(title, { x: 0.5, y: 0.3, w: 9, h: 1, fontFace: FONT, fontSize: 30, bold: true, color: BRAND, valign: 'middle', lang: LANG, fit: 'shrink' });
    if (bullets.length > 0) {
      slide.addText(
        bullets.map((text) => ({ text, options: { bullet: { indent: 22 }, breakLine: true } })),
        { x: 0.6, y: 1.45, w: 8.8, h: 3.6, fontFace: FONT, fontSize: 22, color: INK, valign: 'top', lang: LANG, fit: 'shrink', paraSpaceAfter: 10 },
      );
    }
    if (notes) slide.addNotes(notes);
  }

  const closing = pptx.addSlide({ masterName: MASTER });
  closing.addText(t('kits.print.moreTitle'), {
    x: 0.5,
    y: 0.3,
    w: 9,
    h: 0.8,
    fontFace: FONT,
    fontSize: 28,
    bold: true,
    color: BRAND,
    valign: 'middle',
    lang: LANG,
  });
  for (const [index, { label, url, qrPng }] of links.entries()) {
    const left = 0.6 + index * 4.6;
    closing.addImage({ data: dataUri(qrPng), x: left, y: 1.3, w: 2.4, h: 2.4, altText: label });
    closing.addText(
      [
        { text: label, options: { bold: true, breakLine: true } },
        { text: url, options: { color: BRAND } },
      ],
      { x: left, y: 3.8, w: 4.2, h: 1.1, fontFace: FONT, fontSize: 14, color: INK, valign: 'top', lang: LANG, fit: 'shrink' },
    );
  }
  const bytes = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return repackOfficeFile(bytes, kit.reviewed);
}
