import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import type { Kit } from '#shared/content-schemas.ts';
import type { MessageKey } from '#shared/i18n/index.ts';
import type { LegalDocument } from '#shared/legal/registry-schema.ts';
import { cardsPdf } from './cards-pdf.ts';
import { fixedZip } from './fixed-zip.ts';
import { handoutsPdf } from './handouts-pdf.ts';
import { lessonPlanDocx } from './lesson-plan-docx.ts';
import { lessonPlanPdf } from './lesson-plan-pdf.ts';
import { kitPrintContext, type KitPrintContext } from './print-context.ts';
import { quizPdf } from './quiz-pdf.ts';
import { slidesPptx } from './slides-pptx.ts';

/*
 * What a kit's download is made of. The kit page, the prerendered endpoints that write the files and the
 * tests all read this one list. File names are the ASCII slug plus an ASCII suffix: no diacritics, so they
 * survive every email client, USB stick and old Windows.
 */

export type FileFormat = 'pdf' | 'docx' | 'pptx' | 'zip';

export interface KitFile {
  /** e.g. `thcs-lop-6-7-giao-an.pdf` */
  fileName: string;
  format: FileFormat;
  mediaType: string;
  /** Dictionary key of the link text on the kit page. */
  labelKey: MessageKey;
  build: (kit: Kit, context: KitPrintContext) => Promise<Uint8Array>;
}

export const MEDIA_TYPES: Record<FileFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip',
};
export const ZIP = MEDIA_TYPES.zip;

const file = (fileName: string, format: FileFormat, labelKey: MessageKey, build: KitFile['build']): KitFile => ({
  fileName,
  format,
  mediaType: MEDIA_TYPES[format],
  labelKey,
  build,
});

/** The files inside the ZIP, in the order a teacher needs them; the cards only when the kit has some. */
export function kitFiles(slug: string, kit: Kit): KitFile[] {
  return [
    file(`${slug}-giao-an.pdf`, 'pdf', 'kits.file.lessonPlanPdf', lessonPlanPdf),
    file(`${slug}-giao-an.docx`, 'docx', 'kits.file.lessonPlanDocx', lessonPlanDocx),
    file(`${slug}-trinh-chieu.pptx`, 'pptx', 'kits.file.slides', slidesPptx),
    file(`${slug}-phieu-hoc-tap.pdf`, 'pdf', 'kits.file.handouts', handoutsPdf),
    file(`${slug}-cau-hoi-kiem-tra.pdf`, 'pdf', 'kits.file.quiz', quizPdf),
    ...(kit.cards ? [file(`${slug}-the-hoat-dong.pdf`, 'pdf', 'kits.file.cards', cardsPdf)] : []),
  ];
}

export function kitZipName(slug: string): string {
  return `bai-giang-${slug}.zip`;
}

/** Pages of a PDF, visible slides of a PowerPoint; nothing for Word (Word lays its pages out itself) or ZIP. */
export function documentPages(bytes: Uint8Array, format: FileFormat): number | undefined {
  if (format === 'pdf') {
    // PDFKit writes one page tree: "/Type /Pages /Count n".
    const count = /\/Type \/Pages\s*\/Count (\d+)/.exec(Buffer.from(bytes).toString('latin1'))?.[1];
    return count === undefined ? undefined : Number(count);
  }
  if (format === 'pptx') {
    const slides = unzipSync(bytes, { filter: ({ name }) => /^ppt\/slides\/slide\d+\.xml$/.test(name) });
    return Object.values(slides).filter((xml) => !/<p:sld\b[^>]*\sshow="0"/.test(new TextDecoder().decode(xml))).length;
  }
  return undefined;
}

export interface BuiltFile {
  fileName: string;
  format: FileFormat;
  mediaType: string;
  labelKey: MessageKey;
  bytes: Uint8Array;
  /** Pages (PDF) or slides (PowerPoint), for the kit page. */
  pages: number | undefined;
}

export interface BuiltKit {
  /** The single files, in kitFiles order. */
  files: BuiltFile[];
  /** All of them in one ZIP. */
  zip: BuiltFile;
}

export interface KitBuildInput {
  slug: string;
  kit: Kit;
  /** The portal's public origin, printed on every page. */
  origin: string;
  registry: readonly LegalDocument[];
}

/** Builds every file of the kit and the ZIP of them, with fixed timestamps: the same kit gives the same bytes. */
export async function buildKitFiles(input: KitBuildInput): Promise<BuiltKit> {
  const { slug, kit } = input;
  const context = await kitPrintContext(input);
  const files: BuiltFile[] = [];
  // One at a time: PDFKit and docx hold a whole document in memory while they write it.
  for (const { build, ...entry } of kitFiles(slug, kit)) {
    const bytes = await build(kit, context);
    files.push({ ...entry, bytes, pages: documentPages(bytes, entry.format) });
  }
  const zipBytes = fixedZip(
    files.map(({ fileName, bytes }) => [fileName, bytes] as const),
    kit.reviewed,
  );
  return { files, zip: { fileName: kitZipName(slug), format: 'zip', mediaType: ZIP, labelKey: 'kits.download', bytes: zipBytes, pages: undefined } };
}

const built = new Map<string, Promise<BuiltKit>>();

/**
 * The kit's files, built once per build process: the kit page (which shows each file's size and pages)
 * and the endpoints that write the files ask for the same kit, and get the same bytes. Keyed by what the
 * files are made of, so an edited kit in the dev server is built again.
 */
export function builtKit(input: KitBuildInput): Promise<BuiltKit> {
  const key = createHash('sha256')
    .update(JSON.stringify([input.slug, input.origin, input.kit, input.registry]))
    .digest('hex');
  let kit = built.get(key);
  if (!kit) built.set(key, (kit = buildKitFiles(input)));
  return kit;
}
