import { unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { translator } from '#shared/i18n/index.ts';

/** The footer every kit page ends with (addresses, QR codes, page number), from its first words, however they wrap. */
const FOOTER = new RegExp(`${translator('vi')('kits.print.tip').split(' ').join('\\s+')}[\\s\\S]*$`);

/** NFC and no whitespace at all: line wraps and page layout differ between formats, the letters must not. */
export function squash(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, '');
}

/**
 * The text of a PDF as a reader's copy-and-paste gives it, without the page footers (addresses and
 * "Trang n/N"), so a paragraph that runs onto the next page reads on.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.map((page) => page.replace(FOOTER, '').replace(/Trang \d+\/\d+\s*$/, '')).join('\n');
}

/** The entries of a ZIP (DOCX and PPTX are ZIPs), by name. */
export function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(bytes));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text runs (<w:t> in Word, <a:t> in PowerPoint) of the matching XML parts, one paragraph a line. */
export function officeText(bytes: Uint8Array, partName: RegExp): string {
  const decoder = new TextDecoder();
  const parts = Object.entries(unzip(bytes))
    .filter(([name]) => partName.test(name))
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  return parts
    .map(([, content]) =>
      decoder
        .decode(content)
        .split(/<\/(?:w|a):p>/)
        .map((paragraph) => [...paragraph.matchAll(/<(?:w|a):t(?:\s[^>]*)?>([^<]*)<\/(?:w|a):t>/g)].map((match) => match[1]).join(''))
        .join('\n'),
    )
    .join('\n')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_entity, name: string) => ENTITIES[name]!);
}
