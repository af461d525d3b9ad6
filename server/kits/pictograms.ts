import sharp from 'sharp';
import type { Pictogram } from '#shared/content-schemas.ts';

/*
 * The handout pictograms (content-contract.md §3): simple line icons for readers who read little, drawn
 * here so the PDF gets vectors (PDFKit paths) and the Word file gets the same drawing as a PNG. Each icon
 * is a few SVG paths in a 24 × 24 box, stroked in the brand colour; `fill` paths are solid.
 */

interface Shape {
  d: string;
  fill?: boolean;
}

export const PICTOGRAM_SHAPES: Readonly<Record<Pictogram, readonly Shape[]>> = {
  phone: [{ d: 'M7 2h10a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z' }, { d: 'M10 18h4' }, { d: 'M5 5h14' }],
  police: [{ d: 'M12 2l8 3v6c0 5-3.5 9-8 11-4.5-2-8-6-8-11V5z' }, { d: 'M12 7l1.4 2.9 3.2.5-2.3 2.2.5 3.2-2.8-1.5-2.8 1.5.5-3.2-2.3-2.2 3.2-.5z', fill: true }],
  stop: [{ d: 'M8 2h8l6 6v8l-6 6H8l-6-6V8z' }, { d: 'M7 12h10' }],
  eye: [{ d: 'M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z' }, { d: 'M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6z', fill: true }],
  family: [
    { d: 'M7 3.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z' },
    { d: 'M17 3.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z' },
    { d: 'M12 10a2 2 0 1 0 0 4a2 2 0 1 0 0-4z' },
    { d: 'M3 21v-6a4 4 0 0 1 8 0' },
    { d: 'M13 15a4 4 0 0 1 8 0v6' },
    { d: 'M9.5 21v-2.5a2.5 2.5 0 0 1 5 0V21' },
  ],
  boat: [{ d: 'M2 15h20l-3 5H5z' }, { d: 'M12 15V3' }, { d: 'M12 4l6 9h-6z' }],
  border: [{ d: 'M5 22V3' }, { d: 'M5 4h12l-2.5 3 2.5 3H5' }, { d: 'M2 22h4M9 22h4M16 22h4' }],
  pill: [{ d: 'M4.5 12.5l8-8a4.95 4.95 0 0 1 7 7l-8 8a4.95 4.95 0 0 1-7-7z' }, { d: 'M8.5 8.5l7 7' }],
  leaf: [{ d: 'M5 21c0-10 6-16 16-17-1 10-7 16-16 17z' }, { d: 'M5 21L15 10' }],
  question: [
    { d: 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20z' },
    { d: 'M9 9a3 3 0 1 1 4.2 2.75c-.75.35-1.2 1-1.2 1.8V15' },
    { d: 'M12 17a1.2 1.2 0 1 0 0 2.4a1.2 1.2 0 1 0 0-2.4z', fill: true },
  ],
  school: [{ d: 'M3 10l9-6 9 6' }, { d: 'M5 10v11h14V10' }, { d: 'M10 21v-5h4v5' }],
  heart: [{ d: 'M12 21s-8-5-8-11a4.5 4.5 0 0 1 8-3 4.5 4.5 0 0 1 8 3c0 6-8 11-8 11z' }],
};

const VIEW_BOX = 24;
const STROKE = 2;

/** Draws a pictogram `size` points wide with its top-left corner at (x, y). */
export function drawPictogram(doc: PDFKit.PDFDocument, name: Pictogram, x: number, y: number, size: number, color: string): void {
  doc.save();
  doc.translate(x, y).scale(size / VIEW_BOX);
  doc.lineWidth(STROKE).lineCap('round').lineJoin('round').strokeColor(color).fillColor(color);
  for (const shape of PICTOGRAM_SHAPES[name]) {
    doc.path(shape.d);
    if (shape.fill) doc.fill();
    else doc.stroke();
  }
  doc.restore();
}

/** The same drawing as an SVG document. */
export function pictogramSvg(name: Pictogram, color: string, pixels: number): string {
  const paths = PICTOGRAM_SHAPES[name]
    .map((shape) => (shape.fill ? `<path d="${shape.d}" fill="${color}"/>` : `<path d="${shape.d}" fill="none" stroke="${color}"/>`))
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${pixels}" height="${pixels}" viewBox="0 0 ${VIEW_BOX} ${VIEW_BOX}" stroke-width="${STROKE}" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;
}

const pngs = new Map<string, Promise<Uint8Array>>();

/** The pictogram as a PNG (for Word), rendered once per process; the same drawing gives the same bytes. */
export function pictogramPng(name: Pictogram, color: string, pixels = 96): Promise<Uint8Array> {
  const key = `${name} ${color} ${pixels}`;
  let png = pngs.get(key);
  if (!png) {
    png = sharp(Buffer.from(pictogramSvg(name, color, pixels)))
      .png({ compressionLevel: 9 })
      .toBuffer()
      .then((buffer) => new Uint8Array(buffer));
    pngs.set(key, png);
  }
  return png;
}
