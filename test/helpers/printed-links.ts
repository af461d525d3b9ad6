import jsQR from 'jsqr';
import sharp from 'sharp';
import { extractImages, extractText, getDocumentProxy } from 'unpdf';
import { unzip } from './document-text.ts';

/*
 * Reading back what a printed kit file carries: its text page by page, and the QR codes in it, decoded
 * the way a phone would (jsQR on the image's pixels).
 */

/** Decodes a QR code from pixels with 1, 3 or 4 channels; null when there is none. */
export function decodeQr(data: Uint8ClampedArray | Uint8Array, width: number, height: number, channels: number): string | null {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel++) {
    for (let channel = 0; channel < 3; channel++) rgba[pixel * 4 + channel] = data[pixel * channels + (channels >= 3 ? channel : 0)]!;
    rgba[pixel * 4 + 3] = channels === 4 ? data[pixel * 4 + 3]! : 255;
  }
  return jsQR(rgba, width, height)?.data ?? null;
}

/** The QR code in a PNG. */
export async function decodePngQr(png: Uint8Array): Promise<string | null> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return decodeQr(data, info.width, info.height, info.channels);
}

export interface PdfPage {
  text: string;
  /** What the QR codes drawn on the page decode to. */
  qrCodes: string[];
}

export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  const pages: PdfPage[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const images = await extractImages(pdf, number);
    const qrCodes = images.map((image) => decodeQr(image.data, image.width, image.height, image.channels)).filter((code) => code !== null);
    pages.push({ text: text[number - 1]!, qrCodes });
  }
  return pages;
}

/** The QR codes among the images of a Word or PowerPoint file (word/media, ppt/media). */
export async function officeQrCodes(bytes: Uint8Array): Promise<string[]> {
  const media = Object.entries(unzip(bytes)).filter(([name]) => /^(word|ppt)\/media\/.+\.png$/.test(name));
  const codes = await Promise.all(media.map(([, png]) => decodePngQr(png)));
  return codes.filter((code) => code !== null);
}
