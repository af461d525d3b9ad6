import { SCHOOL_LEVELS } from '#shared/outreach/enums.ts';
import { foldVietnamese } from '#shared/text/vietnamese.ts';

export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

/** How a school list may write each level, folded (no diacritics, lower case) for matching. */
const LEVEL_SPELLINGS: Record<SchoolLevel, string[]> = {
  'mam-non': ['mam non', 'mam-non', 'mn', 'mau giao', 'nha tre'],
  'tieu-hoc': ['tieu hoc', 'tieu-hoc', 'th'],
  thcs: ['thcs', 'trung hoc co so'],
  thpt: ['thpt', 'trung hoc pho thong'],
  gdtx: ['gdtx', 'giao duc thuong xuyen', 'gdnn-gdtx', 'gdnn - gdtx'],
  khac: ['khac', 'other', 'lien cap'],
};

const byFolded = new Map(Object.entries(LEVEL_SPELLINGS).flatMap(([level, spellings]) => spellings.map((spelling) => [spelling, level as SchoolLevel])));

/** "Trung học cơ sở", "THCS", "thcs" → 'thcs'; null when the level is not one of the six. */
export function parseSchoolLevel(text: string): SchoolLevel | null {
  return byFolded.get(foldVietnamese(text)) ?? null;
}

export function isSchoolLevel(value: string): value is SchoolLevel {
  return (SCHOOL_LEVELS as readonly string[]).includes(value);
}
