import type { Kit } from '#shared/content-schemas.ts';
import type { MessageKey } from '#shared/i18n/index.ts';
import { fixedZip } from './fixed-zip.ts';
import { handoutsPdf } from './handouts-pdf.ts';
import { lessonPlanDocx } from './lesson-plan-docx.ts';
import { lessonPlanPdf } from './lesson-plan-pdf.ts';
import { quizPdf } from './quiz-pdf.ts';
import { slidesPptx } from './slides-pptx.ts';

/*
 * What a kit's download is made of. The kit page, the prerendered endpoints that write the files and the
 * tests all read this one list. File names are the ASCII slug plus an ASCII suffix: no diacritics, so they
 * survive every email client, USB stick and old Windows.
 */

export interface KitFile {
  /** e.g. `thcs-lop-6-7-giao-an.pdf` */
  fileName: string;
  mediaType: string;
  /** Dictionary key of the link text on the kit page. */
  labelKey: MessageKey;
  build(kit: Kit): Promise<Uint8Array>;
}

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const ZIP = 'application/zip';

/** The files inside the ZIP, in the order a teacher needs them. */
export function kitFiles(slug: string): KitFile[] {
  return [
    { fileName: `${slug}-giao-an.pdf`, mediaType: PDF, labelKey: 'kits.file.lessonPlanPdf', build: lessonPlanPdf },
    { fileName: `${slug}-giao-an.docx`, mediaType: DOCX, labelKey: 'kits.file.lessonPlanDocx', build: lessonPlanDocx },
    { fileName: `${slug}-trinh-chieu.pptx`, mediaType: PPTX, labelKey: 'kits.file.slides', build: slidesPptx },
    { fileName: `${slug}-phieu-hoc-tap.pdf`, mediaType: PDF, labelKey: 'kits.file.handouts', build: handoutsPdf },
    { fileName: `${slug}-cau-hoi-kiem-tra.pdf`, mediaType: PDF, labelKey: 'kits.file.quiz', build: quizPdf },
  ];
}

export function kitZipName(slug: string): string {
  return `bai-giang-${slug}.zip`;
}

/**
 * Every file of the kit, zipped with fixed timestamps: the same kit gives the same ZIP bytes. `buildFile`
 * lets the caller reuse files it has already built for the single downloads.
 */
export async function kitZip(slug: string, kit: Kit, buildFile: (file: KitFile) => Promise<Uint8Array> = (file) => file.build(kit)): Promise<Uint8Array> {
  const files = await Promise.all(kitFiles(slug).map(async (file) => [file.fileName, await buildFile(file)] as const));
  return fixedZip(files, kit.reviewed);
}
