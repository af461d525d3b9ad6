/*
 * The portal's address as a commune officer reads it out on the loudspeaker: "pcmt.nghean.gov.vn" becomes
 * "pê-xê-em-tê chấm nghệ an chấm gờ-âu-vê chấm vê-en". Listeners type what they hear, so:
 * - the scheme is left out (a browser adds it), and so is "www." when the address has one;
 * - a part that is a Vietnamese place or word written without diacritics is read as that word ("nghean");
 * - every other part is spelled letter by letter with the letter names Vietnamese radio uses for Latin
 *   letters, joined by hyphens so the reader keeps them together; digits are read one by one;
 * - "." is "chấm", "-" is "gạch ngang", ":" (a port) is "hai chấm".
 */

/** Parts of a host name read as words, not spelled. */
const WORDS: Readonly<Record<string, string>> = {
  nghean: 'nghệ an',
  congan: 'công an',
  matuy: 'ma túy',
  phongchongmatuy: 'phòng chống ma túy',
  tuyengiao: 'tuyên giáo',
};

/** How each Latin letter is read out, the way addresses are read on Vietnamese radio ("gov" → "gờ-âu-vê"). */
const LETTERS: Readonly<Record<string, string>> = {
  a: 'a',
  b: 'bê',
  c: 'xê',
  d: 'đê',
  e: 'e',
  f: 'ép',
  g: 'gờ',
  h: 'hát',
  i: 'i',
  j: 'gi',
  k: 'ca',
  l: 'e-lờ',
  m: 'em',
  n: 'en',
  o: 'âu',
  p: 'pê',
  q: 'quy',
  r: 'e-rờ',
  s: 'ét',
  t: 'tê',
  u: 'u',
  v: 'vê',
  w: 'vê kép',
  x: 'ích',
  y: 'i dài',
  z: 'dét',
};

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** One run of letters or of digits, spelled: "gov" → "gờ-âu-vê", "24" → "hai bốn". */
function spellRun(run: string): string {
  if (/^\d+$/.test(run)) return [...run].map((digit) => DIGITS[Number(digit)]).join(' ');
  return [...run].map((letter) => LETTERS[letter] ?? letter).join('-');
}

/** One part of the host between dots: a known word, or its letters and digits spelled, "-" read out. */
function spellLabel(label: string): string {
  return label
    .split('-')
    .map((piece) => WORDS[piece] ?? (piece.match(/[a-z]+|\d+/g) ?? []).map(spellRun).join(' '))
    .join(' gạch ngang ');
}

/** The address of `origin` (e.g. "https://pcmt.nghean.gov.vn") as it is read aloud in Vietnamese. */
export function spokenAddress(origin: string): string {
  const { hostname, port } = new URL(origin);
  const labels = hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .split('.');
  const host = labels.map(spellLabel).join(' chấm ');
  return port ? `${host} hai chấm ${spellRun(port)}` : host;
}

/** The address as printed beside its spoken form: host and port, no scheme ("pcmt.nghean.gov.vn"). */
export function writtenAddress(origin: string): string {
  return new URL(origin).host.replace(/^www\./, '');
}
