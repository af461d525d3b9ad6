/*
 * How long a text takes to read aloud. A Vietnamese word is one syllable written between spaces, so
 * counting space-separated tokens that hold a letter or digit counts what the reader says; a spelled
 * address ("pê-xê-em-tê") or a document number ("173/2024/QH15") is read part by part, so hyphens and
 * slashes separate words too.
 */

/** A loudspeaker script is read slowly and clearly: 120 words a minute. */
export const LOUDSPEAKER_WORDS_PER_MINUTE = 120;

/** Words in a text, Markdown marks ignored ("**Kính thưa**" is two words, "—" none, "gờ-âu-vê" three). */
export function countWords(text: string): number {
  return text.split(/[\s\-/]+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Seconds to read `words` at `wordsPerMinute`, rounded to the nearest 5 seconds (at least 5). */
export function readingSeconds(words: number, wordsPerMinute: number): number {
  return Math.max(5, Math.round(((words / wordsPerMinute) * 60) / 5) * 5);
}

export interface ScriptSection {
  /** The `##` heading's text. */
  heading: string;
  /** Words that are read out: the section's text without its heading and without whole-line stage notes. */
  words: number;
}

/** A whole line in italics (`*Giờ phát gợi ý: 6 giờ sáng.*`) is a note for the reader, not read out. */
const STAGE_NOTE = /^\s*([*_])(?!\1).*\1\s*$/;

/** The `##` sections of a Markdown script with the words read out in each; text before the first is not a script. */
export function scriptSections(markdown: string): ScriptSection[] {
  const sections: ScriptSection[] = [];
  for (const line of markdown.split('\n')) {
    const heading = /^##\s+(.+?)\s*$/.exec(line);
    if (heading) sections.push({ heading: heading[1]!, words: 0 });
    else if (sections.length > 0 && !STAGE_NOTE.test(line) && !/^#/.test(line)) sections.at(-1)!.words += countWords(line);
  }
  return sections;
}
