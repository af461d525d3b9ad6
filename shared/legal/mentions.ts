import { foldVietnamese } from '../text/vietnamese.ts';
import type { LegalDocument } from './registry-schema.ts';

/*
 * Finding the registry documents a text names. Writers name a document by its number ("73/2021/QH14",
 * "Nghị định 57/2022", "Kế hoạch 695/KH-UBND") or, for a law, by title and year ("Luật Phòng, chống ma túy
 * 2021"). Matching is on folded text (lower case, no diacritics, đ → d), so "NĐ-CP" and "ND-CP" are one.
 */

/** Words that mark a sentence as history (content-contract.md); "thay thế" also covers "đã được thay thế". */
export const HISTORY_MARKERS = ['trước đây', 'đã được thay thế', 'đã hết hiệu lực', 'hết hiệu lực', 'thay thế'] as const;
const FOLDED_MARKERS = HISTORY_MARKERS.map(foldVietnamese);

/** The Vietnamese word a writer puts before a number of each type, folded: "nghị định 57/2022" → "nghi dinh". */
const TYPE_WORDS: Record<LegalDocument['type'], string> = {
  luat: 'luat',
  'bo-luat': 'bo luat',
  'nghi-quyet': 'nghi quyet',
  'nghi-dinh': 'nghi dinh',
  'quyet-dinh': 'quyet dinh',
  'ket-luan': 'ket luan',
  'ke-hoach': 'ke hoach',
  'cong-van': 'cong van',
  'thong-tu': 'thong tu',
  'chi-thi': 'chi thi',
};

/** Folded, with no space around "/" ("73 / 2021" → "73/2021"). */
export function foldForMatching(text: string): string {
  return foldVietnamese(text).replace(/\s*\/\s*/g, '/');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Matcher {
  document: LegalDocument;
  /** Forms that can only mean this document (the full number, or title and year). */
  exact: RegExp[];
  /** "number/year" without the suffix, which two documents may share. */
  short: RegExp | null;
}

function matcherFor(document: LegalDocument): Matcher {
  const parts = foldForMatching(document.number).split('/');
  const hasYear = parts.length >= 3 && /^\d{4}$/.test(parts[1]!);
  // The year in the number ("73/2021/QH14"), else the year it was passed, when known.
  const year = hasYear ? parts[1]! : document.passed ? String(document.passed.getUTCFullYear()) : undefined;
  // Not glued to another number or code: "01/07/2025" holds no "07/2025", "QĐ-TTg" no "TTg".
  const before = '(?<![\\p{L}\\p{N}/-])';
  const after = '(?![\\p{L}\\p{N}])';
  const exact = [new RegExp(`${before}${escape(parts.join('/'))}${after}`, 'u')];
  // A number written without its year on the document ("695/KH-UBND") may be written with it.
  if (!hasYear && year && parts.length >= 2) exact.push(new RegExp(`${before}${escape([parts[0], year, ...parts.slice(1)].join('/'))}${after}`, 'u'));
  // A law is also named by title and year: "Luật Phòng, chống ma túy (năm) 2021".
  if (year && (document.type === 'luat' || document.type === 'bo-luat')) {
    exact.push(new RegExp(`${escape(foldForMatching(document.title))},? (?:nam |so )?${year}${after}`, 'u'));
  }
  // "57/2022" alone (the suffix left out), but not "57/2022/<another suffix>".
  const short = hasYear ? new RegExp(`${before}${escape(`${parts[0]}/${parts[1]}`)}(?!\\p{N})(?!/)`, 'u') : null;
  return { document, exact, short };
}

/** The type word right before a short number, if any: "nghi dinh 57/2022" → nghi-dinh. */
function typeBefore(folded: string, index: number): LegalDocument['type'] | undefined {
  const preceding = folded.slice(Math.max(0, index - 14), index).trimEnd();
  return (Object.entries(TYPE_WORDS) as [LegalDocument['type'], string][]).find(([, word]) => preceding.endsWith(word))?.[0];
}

/** The registry's matchers, built once per registry. */
export function mentionFinder(registry: readonly LegalDocument[]): (sentence: string) => LegalDocument[] {
  const matchers = registry.map(matcherFor);
  return (sentence) => {
    const folded = foldForMatching(sentence);
    const found = new Set<LegalDocument>();
    for (const { document, exact } of matchers) if (exact.some((pattern) => pattern.test(folded))) found.add(document);
    const shortHits = matchers.flatMap(({ document, short }) => {
      const match = short?.exec(folded);
      return match ? [{ document, key: match[0], index: match.index }] : [];
    });
    for (const hit of shortHits) {
      const sharing = shortHits.filter((other) => other.key === hit.key);
      // Two documents share "86/2025": the type word before it decides; without one, both are named.
      const type = sharing.length > 1 ? typeBefore(folded, hit.index) : undefined;
      if (!type || hit.document.type === type) found.add(hit.document);
    }
    return [...found];
  };
}

/**
 * Sentences of a text: lines first (list items, headings), then sentence ends followed by a space, so
 * "0769.04.04.04" and "TP.HCM" stay whole.
 */
export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?…])\s+/u))
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** True when the sentence says the document it names is history. */
export function marksHistory(sentence: string): boolean {
  const folded = foldForMatching(sentence);
  return FOLDED_MARKERS.some((marker) => folded.includes(marker));
}
