import QRCode from 'qrcode';
import sharp from 'sharp';
import type { Kit } from '#shared/content-schemas.ts';
import type { LegalDocument } from '#shared/legal/registry-schema.ts';
import { citedDocuments, type CitedDocument } from '#shared/legal/status.ts';
import { kitPagePath, TIP_PATH } from '#shared/paths/library.ts';

/*
 * What a kit's files print besides the kit itself: the portal's absolute addresses (from PUBLIC_ORIGIN at
 * build time) with a QR code to each, and the legal documents the kit cites with their status. A printed
 * page cannot link, so every page carries these instead of a path such as "/to-giac/".
 */

/** A printed address: the URL and its QR code as a PNG. */
export interface PrintedLink {
  url: string;
  qrPng: Uint8Array;
}

export interface KitPrintContext {
  slug: string;
  /** The anonymous tip form. */
  tip: PrintedLink;
  /** The kit's own page, where the files and their updates are. */
  kitPage: PrintedLink;
  /** The documents the kit cites, in its order, with the registry to say who replaced whom. */
  legal: CitedDocument[];
  registry: ReadonlyMap<string, LegalDocument>;
}

/** Pixels per QR module: sharp enough to print at 2 cm and to decode in tests. */
const QR_SCALE = 8;

/**
 * A QR code as PNG. Medium error correction survives a photocopy; the 2-module quiet zone is what fits
 * in a footer, and the page around it is white. The same text gives the same bytes. The PNG is grey
 * without an alpha channel: PDFKit splits an alpha channel off asynchronously, which numbers the PDF's
 * objects in whatever order the work finishes, and the same kit would not give the same bytes.
 */
export async function qrPng(text: string): Promise<Uint8Array> {
  const png = await QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: QR_SCALE, color: { dark: '#000000', light: '#ffffff' } });
  return new Uint8Array(await sharp(png).removeAlpha().toColourspace('b-w').png({ compressionLevel: 9 }).toBuffer());
}

export interface PrintContextInput {
  slug: string;
  kit: Kit;
  /** The portal's public origin, e.g. https://pcmt.nghean.gov.vn. */
  origin: string;
  registry: readonly LegalDocument[];
}

export async function kitPrintContext({ slug, kit, origin, registry }: PrintContextInput): Promise<KitPrintContext> {
  const link = async (path: string): Promise<PrintedLink> => {
    const url = new URL(path, origin).href;
    return { url, qrPng: await qrPng(url) };
  };
  const byId = new Map(registry.map((document) => [document.id, document]));
  return { slug, tip: await link(TIP_PATH), kitPage: await link(kitPagePath(slug)), legal: citedDocuments(kit.legal, byId), registry: byId };
}
