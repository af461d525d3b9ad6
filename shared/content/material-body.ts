import { fill, translator } from '../i18n/index.ts';
import { LOUDSPEAKER_WORDS_PER_MINUTE, readingSeconds, scriptSections } from '../text/reading-time.ts';
import { spokenAddress } from '../text/spoken-address.ts';
import { PORTAL_ADDRESS_PLACEHOLDER } from './text-rules.ts';

/*
 * What the build does to a material's Markdown before rendering it: the portal's address goes where a
 * loudspeaker script says {{portalAddress}}, spelled for reading aloud from the configured origin, and each
 * script (a `##` section of a loudspeaker material) gets a line with its reading time. Scripts are read in
 * Vietnamese, so the line is Vietnamese on every page.
 */

const t = translator('vi');

/** "1 phút 35 giây", "50 giây", "2 phút". */
export function spokenDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return fill(t('time.seconds'), { s: rest });
  return rest === 0 ? fill(t('time.minutes'), { m: minutes }) : fill(t('time.minutesSeconds'), { m: minutes, s: rest });
}

/** The line under a script's heading: how long it takes to read and at what pace. */
export function scriptTimingLine(words: number, wordsPerMinute = LOUDSPEAKER_WORDS_PER_MINUTE): string {
  return fill(t('materials.scriptTiming'), {
    duration: spokenDuration(readingSeconds(words, wordsPerMinute)),
    words,
    wpm: wordsPerMinute,
  });
}

export interface MaterialBodyOptions {
  /** The portal's public origin, from configuration (PUBLIC_ORIGIN). */
  origin: string;
  /** True for a loudspeaker material: its `##` sections are scripts and get their reading time. */
  loudspeaker: boolean;
}

export function prepareMaterialBody(body: string, { origin, loudspeaker }: MaterialBodyOptions): string {
  const filled = body.replaceAll(PORTAL_ADDRESS_PLACEHOLDER, spokenAddress(origin));
  if (!loudspeaker) return filled;
  const timings = scriptSections(filled).map(({ words }) => scriptTimingLine(words));
  let index = 0;
  // The timing goes right under its heading, in italics, as a note for the reader like the broadcast time.
  return filled.replace(/^##\s+.+$/gm, (heading) => `${heading}\n\n*${timings[index++]}*`);
}
