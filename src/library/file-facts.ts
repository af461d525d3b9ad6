import type { BuiltFile } from '#server/kits/kit-files.ts';
import { translator, type Lang } from '#shared/i18n/index.ts';

/*
 * What the kit page says beside each download, so a teacher on slow data knows what they get: the format,
 * the size of the built file, and its pages (PDF) or slides (PowerPoint).
 */

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

/** "245 KB", "1,2 MB" (Vietnamese decimal comma), "1.2 MB" in English; 1 KB = 1024 bytes. */
export function formatFileSize(bytes: number, lang: Lang): string {
  const t = translator(lang);
  const kilobytes = bytes / 1024;
  if (kilobytes < 1024) return t('kits.size.kb', { n: Math.max(1, Math.round(kilobytes)) });
  const megabytes = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(kilobytes / 1024);
  return t('kits.size.mb', { n: megabytes });
}

/** "PDF · 245 KB · 6 trang", "PowerPoint (PPTX) · 1,1 MB · 9 trang chiếu", "Word (DOCX) · 40 KB". */
export function fileFacts(file: BuiltFile, lang: Lang): string {
  const t = translator(lang);
  const facts = [t(`kits.fileType.${file.format}`), formatFileSize(file.bytes.length, lang)];
  if (file.pages !== undefined) facts.push(t(file.format === 'pptx' ? 'kits.slideCount' : 'kits.pages', { n: file.pages }));
  return facts.join(' · ');
}
