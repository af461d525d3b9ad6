import {
  AlignmentType,
  BorderStyle,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IStylesOptions,
  type INumberingOptions,
} from 'docx';
import type { FooterLink } from './pdf-layout.ts';

/*
 * The building blocks of the kit's Word file: styles, lists, headings, images with stable ids and the page
 * footer with the portal's addresses and QR codes. Times New Roman, the usual font of Vietnamese school and
 * administrative documents, which every Word installation has with Vietnamese letters.
 */

const FONT = 'Times New Roman';
const BRAND = '8A1C1C';
const MUTED = '4A4A4A';
const BULLETS = 'bullets';
const NUMBERS = 'numbers';
/** A4 text width in twips with the margins of `PAGE`. */
export const TEXT_WIDTH = 11906 - 1418 - 1134;
export const PAGE = { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1418, right: 1134, footer: 567 } };

export const STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONT, size: 26 }, paragraph: { spacing: { after: 80, line: 300 } } },
    title: { run: { font: FONT, size: 36, bold: true, color: BRAND } },
    heading1: { run: { font: FONT, size: 30, bold: true, color: BRAND }, paragraph: { spacing: { before: 280, after: 120 }, keepNext: true } },
    heading2: { run: { font: FONT, size: 27, bold: true, color: '1B1B1B' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
    heading3: { run: { font: FONT, size: 26, bold: true, color: '1B1B1B' }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true } },
  },
};

export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: BULLETS,
      levels: [
        { level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 260 } } } },
      ],
    },
    {
      reference: NUMBERS,
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 420, hanging: 320 } } } },
      ],
    },
  ],
};

/** Bulleted paragraphs. */
export const bulleted = (items: readonly string[]) => items.map((text) => new Paragraph({ text, numbering: { reference: BULLETS, level: 0 } }));

/** Numbered paragraphs; each `instance` restarts at 1. */
export const numbered = (items: readonly string[], instance: number) =>
  items.map((text) => new Paragraph({ text, numbering: { reference: NUMBERS, level: 0, instance } }));

const LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** A heading in Word's own styles, so the navigation pane shows the plan's structure. */
export const heading = (
  text: string,
  level: 1 | 2 | 3 = 1,
  { pageBreakBefore = false, image }: { pageBreakBefore?: boolean; image?: ImageRun | undefined } = {},
) => new Paragraph({ heading: LEVELS[level], pageBreakBefore, children: image ? [image, new TextRun(`  ${text}`)] : [new TextRun(text)] });

/** "Label: value", the label in bold. */
export const labelled = (label: string, value: string) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });

export const note = (text: string, { italics = false, before = 0 }: { italics?: boolean; before?: number } = {}) =>
  new Paragraph({ children: [new TextRun({ text, italics, color: MUTED, size: 22 })], spacing: { before } });

/**
 * Drawings need ids unique in the document; docx would take them from a counter shared by the whole
 * process, so a second build would number them differently. Each document numbers its own from 1.
 */
export function imageIds(): (png: Uint8Array, pixels: number, description: string) => ImageRun {
  let next = 0;
  return (png, pixels, description) =>
    new ImageRun({
      type: 'png',
      data: png,
      transformation: { width: pixels, height: pixels },
      altText: { id: String(++next), name: description, description },
    });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

/** The footer of every page: each address with its QR code, side by side. */
export function addressFooter(links: readonly FooterLink[], image: ReturnType<typeof imageIds>): Footer {
  const half = Math.floor(TEXT_WIDTH / links.length);
  const qrWidth = 1100;
  const cells = links.flatMap(({ label, url, qrPng }) => [
    new TableCell({ width: { size: qrWidth, type: WidthType.DXA }, borders: NO_BORDERS, children: [new Paragraph({ children: [image(qrPng, 66, label)] })] }),
    new TableCell({
      width: { size: half - qrWidth, type: WidthType.DXA },
      borders: NO_BORDERS,
      children: [
        new Paragraph({ children: [new TextRun({ text: label, bold: true, size: 18 })], spacing: { after: 20, line: 240 } }),
        new Paragraph({ children: [new TextRun({ text: url, color: BRAND, size: 18 })], spacing: { after: 0, line: 240 } }),
      ],
    }),
  ]);
  const widths = links.flatMap(() => [qrWidth, half - qrWidth]);
  return new Footer({
    children: [
      new Table({
        rows: [new TableRow({ children: cells })],
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        borders: { ...NO_BORDERS, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
      }),
    ],
  });
}

const DASHED = { style: BorderStyle.DASHED, size: 8, color: MUTED };

/** Cut-out cards, two to a row, each framed by a dashed line to cut along. */
export function cardTable(cards: readonly { title: string; text: string }[]): Table {
  const width = Math.floor(TEXT_WIDTH / 2);
  const cell = (card?: { title: string; text: string }) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: card ? { top: DASHED, bottom: DASHED, left: DASHED, right: DASHED } : NO_BORDERS,
      margins: { top: 160, bottom: 160, left: 160, right: 160 },
      children: card
        ? [
            new Paragraph({ children: [new TextRun({ text: card.title, bold: true, color: BRAND })], spacing: { after: 80 } }),
            new Paragraph({ text: card.text }),
          ]
        : [new Paragraph({ text: '' })],
    });
  const rows: TableRow[] = [];
  for (let index = 0; index < cards.length; index += 2) rows.push(new TableRow({ cantSplit: true, children: [cell(cards[index]), cell(cards[index + 1])] }));
  return new Table({ rows, width: { size: width * 2, type: WidthType.DXA }, columnWidths: [width, width] });
}
