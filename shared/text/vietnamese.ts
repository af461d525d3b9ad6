/**
 * Vietnamese text is written two ways: composed or decomposed Unicode, and the tone mark on either vowel of
 * "oa", "oe", "uy" ("Hoà"/"Hòa", "Thuỷ"/"Thủy"). Matching names must ignore both differences.
 */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;

/** Moves a tone mark from the second to the first vowel of oa/oe/uy when nothing follows ("hoà" → "hòa"). */
function newStyleTone(word: string): string {
  const decomposed = word.normalize('NFD');
  const match = /^(.*)(o|u|O|U)([aeyAEY])([\u0300\u0301\u0303\u0309\u0323])$/u.exec(decomposed);
  if (!match) return word.normalize('NFC');
  const [, start, first, second, tone] = match;
  if (TONE_MARKS.test(start!.slice(-1))) return word.normalize('NFC');
  const pair = `${first}${second}`.toLowerCase();
  if (pair !== 'oa' && pair !== 'oe' && pair !== 'uy') return word.normalize('NFC');
  // "qu" + y keeps the mark on y ("quý"), since u there is part of the consonant.
  if (pair === 'uy' && /q$/i.test(start!)) return word.normalize('NFC');
  return `${start}${first}${tone}${second}`.normalize('NFC');
}

/** One spelling for comparison: NFC, tone marks placed one way, lower case, single spaces. */
export function normalizeVietnamese(text: string): string {
  return text.normalize('NFC').trim().split(/\s+/u).map(newStyleTone).join(' ').toLocaleLowerCase('vi');
}

/** Lower case with the diacritics removed ("Đô Lương" → "do luong"), for search as people type it. */
export function foldVietnamese(text: string): string {
  return normalizeVietnamese(text)
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/đ/g, 'd');
}
