import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Pictogram } from '#shared/content-schemas.ts';
import { drawPictogram } from './pictograms.ts';

/*
 * The shared look of every kit PDF: A4, Noto Sans embedded (pdfkit's built-in fonts have no Vietnamese
 * letters), headings, paragraphs and lists that move to a new page instead of splitting a heading from its
 * text, and at the foot of each page the portal's addresses with their QR codes and the page number. Dates
 * in the file come from the kit, never from the clock, so the same kit gives the same bytes.
 */

const require = createRequire(import.meta.url);
const fontFile = (style: string) => require.resolve(`@expo-google-fonts/noto-sans/${style}/NotoSans_${style}.ttf`);
const FONTS = {
  regular: fontFile('400Regular'),
  bold: fontFile('700Bold'),
  italic: fontFile('400Regular_Italic'),
  // Noto Sans has no arrows, check marks or ballot boxes (→ ✓ ☐), which the kits use; DejaVu Sans has them.
  symbols: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
} as const;
type FontName = Exclude<keyof typeof FONTS, 'symbols'>;

/** The fontkit font behind pdfkit's current font (pdfkit keeps it on an internal field). */
type WithFontkit = { _font: { font: { hasGlyphForCodePoint(codePoint: number): boolean } } };

/** Splits text into runs the current font can draw and runs that need the symbol font. */
export function fontRuns(text: string, hasGlyph: (codePoint: number) => boolean): { text: string; symbols: boolean }[] {
  const runs: { text: string; symbols: boolean }[] = [];
  for (const character of text) {
    const symbols = !/\s/.test(character) && !hasGlyph(character.codePointAt(0)!);
    const last = runs.at(-1);
    if (last && last.symbols === symbols) last.text += character;
    else runs.push({ text: character, symbols });
  }
  return runs;
}

/**
 * Noto Sans's `ccmp` feature splits ọ, ụ, ị… into a base letter and a combining dot, and pdfkit then maps
 * the plain "o" glyph back to "ọ" for copy and search. Without `ccmp` the font's precomposed glyphs are used:
 * the same look, and text that copies out exactly. fontkit takes an object of on/off switches here.
 */
const features = () => ({ ccmp: false }) as unknown as PDFKit.Mixins.OpenTypeFeatures[];

const BRAND = '#8a1c1c';
const INK = '#1b1b1b';
const MUTED = '#4a4a4a';
const MARGIN = 56;
/** The footer's QR codes: about 2 cm, which a phone reads from a desk. */
const QR_SIZE = 58;
/** The text column ends this far above the footer. */
const BOTTOM_MARGIN = MARGIN + QR_SIZE + 10;
/** Where the footer starts, from the bottom edge. */
const FOOTER_TOP = QR_SIZE + 26;
/** Where the page number sits, from the bottom edge. */
const PAGE_NUMBER_OFFSET = 20;

/** An address printed in the footer of every page, with its QR code. */
export interface FooterLink {
  /** What it is for, e.g. "Gửi tin tố giác tội phạm ma túy, ẩn danh". */
  label: string;
  /** The absolute address, printed in full. */
  url: string;
  /** The QR code of `url`, as PNG. */
  qrPng: Uint8Array;
}

export interface PdfMetadata {
  title: string;
  subject: string;
  /** The kit's reviewed date: the document's creation and modification date. */
  date: Date;
  /** The two addresses every page carries (the tip form, the kit's page). */
  footer: readonly FooterLink[];
}

export interface PdfWriter {
  doc: PDFKit.PDFDocument;
  /** Width of the text column. */
  readonly width: number;
  title(text: string): void;
  /** A heading; a pictogram, if given, is drawn at its left. */
  heading(text: string, level?: 1 | 2, options?: { pictogram?: Pictogram | undefined }): void;
  paragraph(text: string, options?: { italic?: boolean; muted?: boolean; size?: number }): void;
  /** A list; `marker: 'none'` for items that carry their own label, such as quiz options "A. …". */
  bullets(items: readonly string[], options?: { marker?: 'bullet' | 'number' | 'none' }): void;
  /** "Label: value" on one line, the label in bold. */
  labelled(label: string, value: string): void;
  /** A line in bold, e.g. a list's label ("d) Tổ chức thực hiện"). */
  strong(text: string): void;
  /** Text placed at (x, y) in a box `width` wide (cards, frames); moves the cursor below it. */
  textAt(text: string, x: number, y: number, style: TextStyle): void;
  /** The height `text` takes in a box `width` wide. */
  measure(text: string, style: TextStyle): number;
  space(lines?: number): void;
  newPage(): void;
  /** Pages so far. */
  pageCount(): number;
  /** Adds the footer (addresses, QR codes, "Trang n/N") to each page and returns the file's bytes. */
  finish(pageLabel: string): Promise<Uint8Array>;
}

/** Placed text: its box width, font, size and colour. */
export interface TextStyle {
  width: number;
  bold?: boolean;
  size?: number;
  color?: string;
}

export function createPdf({ title, subject, date, footer }: PdfMetadata, bodySize = 11): PdfWriter {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: BOTTOM_MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: title,
      Subject: subject,
      Author: 'Cổng thông tin phòng, chống ma túy tỉnh Nghệ An',
      Creator: 'Cổng thông tin phòng, chống ma túy tỉnh Nghệ An',
      Producer: 'PDFKit',
      CreationDate: date,
      ModDate: date,
    },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);
  doc.registerFont('symbols', FONTS.symbols);
  doc.font('regular').fontSize(bodySize).fillColor(INK);

  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const width = doc.page.width - MARGIN * 2;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  /** Starts a new page when less than `needed` points are left, so a heading never ends a page. */
  const keepRoom = (needed: number) => {
    if (doc.y + needed > bottom()) doc.addPage();
  };

  /**
   * Writes text in `font`, switching to the symbol font for the characters it lacks; the runs flow as one
   * paragraph (pdfkit's `continued`), so wrapping is unchanged.
   */
  const write = (text: string, font: FontName, x: number | undefined, y: number | undefined, options: PDFKit.Mixins.TextOptions) => {
    doc.font(font);
    const hasGlyph = (codePoint: number) => (doc as unknown as WithFontkit)._font.font.hasGlyphForCodePoint(codePoint);
    const runs = fontRuns(text, hasGlyph);
    runs.forEach((run, index) => {
      doc.font(run.symbols ? 'symbols' : font);
      const runOptions = { ...options, features: features(), continued: index < runs.length - 1 || Boolean(options.continued) };
      if (index === 0 && x !== undefined) doc.text(run.text, x, y, runOptions);
      else doc.text(run.text, runOptions);
    });
    doc.font(font);
  };

  return {
    doc,
    width,
    title(text) {
      doc.fontSize(bodySize + 9).fillColor(BRAND);
      write(text, 'bold', MARGIN, doc.y, { width });
      doc.moveDown(0.4).fillColor(INK).font('regular').fontSize(bodySize);
    },
    heading(text, level = 1, { pictogram } = {}) {
      const size = level === 1 ? bodySize + 4 : bodySize + 1.5;
      // A pictogram is about three lines of the heading tall; the heading's text moves right of it.
      const icon = pictogram ? size * 3 : 0;
      const indent = pictogram ? icon + 8 : 0;
      doc.font('bold').fontSize(size);
      keepRoom(Math.max(doc.heightOfString(text, { width: width - indent, features: features() }), icon) + bodySize * 4);
      doc.moveDown(level === 1 ? 0.8 : 0.5);
      const top = doc.y;
      if (pictogram) drawPictogram(doc, pictogram, MARGIN, top, icon, BRAND);
      doc.fillColor(level === 1 ? BRAND : INK);
      write(text, 'bold', MARGIN + indent, top + (pictogram ? (icon - size * 1.2) / 2 : 0), { width: width - indent });
      if (pictogram) doc.y = Math.max(doc.y, top + icon);
      doc.moveDown(0.25).fillColor(INK).font('regular').fontSize(bodySize);
      doc.x = MARGIN;
    },
    paragraph(text, { italic = false, muted = false, size = bodySize } = {}) {
      doc.fontSize(size).fillColor(muted ? MUTED : INK);
      write(text, italic ? 'italic' : 'regular', MARGIN, doc.y, { width, lineGap: 2, paragraphGap: 4 });
      doc.font('regular').fontSize(bodySize).fillColor(INK);
    },
    bullets(items, { marker = 'bullet' } = {}) {
      doc.font('regular').fontSize(bodySize);
      for (const [index, item] of items.entries()) {
        const indent = marker === 'number' ? 20 : 14;
        keepRoom(doc.currentLineHeight(true) * 2);
        const top = doc.y;
        // A checklist item ("☐ …") is its own marker.
        const label = marker === 'number' ? `${index + 1}.` : marker === 'bullet' && !item.startsWith('☐') ? '•' : '';
        if (label) doc.text(label, MARGIN, top, { width: indent, lineBreak: false, features: features() });
        write(item, 'regular', MARGIN + indent, top, { width: width - indent, lineGap: 2, paragraphGap: 3 });
      }
    },
    labelled(label, value) {
      write(`${label}: `, 'bold', MARGIN, doc.y, { continued: true, width });
      write(value, 'regular', undefined, undefined, { width });
    },
    strong(text) {
      // A label stays with at least two lines of what it introduces.
      keepRoom(doc.currentLineHeight(true) * 3);
      doc.fontSize(bodySize).fillColor(INK);
      write(text, 'bold', MARGIN, doc.y, { width, paragraphGap: 2 });
      doc.font('regular');
    },
    textAt(text, x, y, { width: boxWidth, bold = false, size = bodySize, color = INK }) {
      doc.fontSize(size).fillColor(color);
      write(text, bold ? 'bold' : 'regular', x, y, { width: boxWidth, lineGap: 2 });
      doc.font('regular').fontSize(bodySize).fillColor(INK);
    },
    measure(text, { width: boxWidth, bold = false, size = bodySize }) {
      doc.font(bold ? 'bold' : 'regular').fontSize(size);
      const height = doc.heightOfString(text, { width: boxWidth, lineGap: 2, features: features() });
      doc.font('regular').fontSize(bodySize);
      return height;
    },
    space(lines = 0.5) {
      doc.moveDown(lines);
    },
    newPage() {
      doc.addPage();
    },
    pageCount() {
      return doc.bufferedPageRange().count;
    },
    async finish(pageLabel) {
      const { start, count } = doc.bufferedPageRange();
      // As a data URL, each QR image is embedded once (PDFKit keeps images by their string) and drawn on every page.
      const codes = footer.map((link) => ({ ...link, image: `data:image/png;base64,${Buffer.from(link.qrPng).toString('base64')}` }));
      // Each column as wide as its address needs: the kit page's address is the longer one.
      const lengths = codes.map(({ url }) => url.length);
      const columns = lengths.map((length) => (width * length) / lengths.reduce((sum, each) => sum + each, 0));
      const widths = columns.map((column) => Math.min(Math.max(column, width * 0.35), width * 0.65));
      const lefts = widths.map((_, position) => MARGIN + widths.slice(0, position).reduce((sum, each) => sum + each, 0));
      for (let index = start; index < start + count; index++) {
        doc.switchToPage(index);
        // Writing below the bottom margin would otherwise make pdfkit start yet another page.
        const margin = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        const top = doc.page.height - FOOTER_TOP;
        doc
          .moveTo(MARGIN, top - 6)
          .lineTo(MARGIN + width, top - 6)
          .lineWidth(0.5)
          .strokeColor(MUTED)
          .stroke();
        for (const [position, { label, url, image }] of codes.entries()) {
          const left = lefts[position]!;
          doc.image(image, left, top, { width: QR_SIZE, height: QR_SIZE });
          const textLeft = left + QR_SIZE + 6;
          const textWidth = widths[position]! - QR_SIZE - 12;
          doc.fontSize(8.5).fillColor(INK);
          write(label, 'bold', textLeft, top + 2, { width: textWidth, lineGap: 1 });
          // The address on one line if it fits at 6.5 pt or more: a reader types it, and a break at a
          // hyphen would look like part of it.
          doc.font('regular');
          const size = Math.max(6.5, Math.min(8, (8 * textWidth) / doc.fontSize(8).widthOfString(url)));
          doc.fontSize(size).fillColor(BRAND);
          write(url, 'regular', textLeft, doc.y + 1, { width: textWidth, lineGap: 1 });
        }
        doc.font('regular').fontSize(8.5).fillColor(MUTED);
        doc.text(`${pageLabel} ${index + 1}/${count}`, MARGIN, doc.page.height - PAGE_NUMBER_OFFSET, {
          width,
          align: 'right',
          lineBreak: false,
          features: features(),
        });
        doc.page.margins.bottom = margin;
      }
      doc.end();
      await ended;
      return new Uint8Array(Buffer.concat(chunks));
    },
  };
}
