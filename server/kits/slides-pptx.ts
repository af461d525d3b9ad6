import PptxGenJS from 'pptxgenjs';
import type { Kit } from '#shared/content-schemas.ts';
import { repackOfficeFile } from './fixed-zip.ts';
import { activityHeading, kitFacts, t } from './kit-text.ts';

/*
 * The slides as PowerPoint: the kit's own slides with their speaker notes, after one hidden overview slide
 * that gives the facilitator the lesson's title, facts and timed activities (hidden, so the class never
 * sees it). Arial: present on every machine that runs PowerPoint, with Vietnamese letters.
 */

const FONT = 'Arial';
const BRAND = '8A1C1C';
const INK = '1B1B1B';
const MASTER = 'KIT';
const LANG = 'vi-VN';

export async function slidesPptx(kit: Kit): Promise<Uint8Array> {
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
    objects: [{ rect: { x: 0, y: 0, w: '100%', h: 0.12, fill: { color: BRAND } } }],
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
    kit.activities.map((activity, index) => ({ text: activityHeading(index, activity.title, activity.minutes), options: { breakLine: true } })),
    { x: 0.5, y: 1.7, w: 9, h: 3.4, fontFace: FONT, fontSize: 15, color: INK, valign: 'top', lang: LANG, fit: 'shrink', paraSpaceAfter: 4 },
  );
  overview.addNotes(t('kits.overviewNote'));

  for (const { title, bullets, notes } of kit.slides) {
    const slide = pptx.addSlide({ masterName: MASTER });
    slide.addText(title, { x: 0.5, y: 0.3, w: 9, h: 1, fontFace: FONT, fontSize: 30, bold: true, color: BRAND, valign: 'middle', lang: LANG, fit: 'shrink' });
    if (bullets.length > 0) {
      slide.addText(
        bullets.map((text) => ({ text, options: { bullet: { indent: 22 }, breakLine: true } })),
        { x: 0.6, y: 1.45, w: 8.8, h: 3.7, fontFace: FONT, fontSize: 22, color: INK, valign: 'top', lang: LANG, fit: 'shrink', paraSpaceAfter: 10 },
      );
    }
    if (notes) slide.addNotes(notes);
  }
  const bytes = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return repackOfficeFile(bytes, kit.reviewed);
}
