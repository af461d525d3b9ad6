import type { Kit, KitSource } from '#shared/content-schemas.ts';
import { fill, formatDate, translator } from '#shared/i18n/index.ts';

/** The documents are Vietnamese, whatever the page's language: teachers and officers teach in Vietnamese. */
export const t = translator('vi');

export interface KitFact {
  label: string;
  value: string;
}

/** Audience, grades and duration: the first lines of every document. */
export function kitFacts(kit: Kit): KitFact[] {
  const facts: KitFact[] = [{ label: t('kits.audience'), value: t(`materials.audience.${kit.audience}`) }];
  if (kit.grades) facts.push({ label: t('kits.grades'), value: kit.grades.join(', ') });
  facts.push({ label: t('kits.duration'), value: minutes(kit.durationMinutes) });
  return facts;
}

export function minutes(n: number): string {
  return fill(t('kits.minutes'), { n });
}

/** "Hoạt động 2. Tìm hiểu: … (8 phút)" */
export function activityHeading(index: number, title: string, activityMinutes: number): string {
  return `${index + 1}. ${title} (${minutes(activityMinutes)})`;
}

/** Options are lettered A, B, C, D in print, as on Vietnamese tests. */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** One line per source: title, publisher, address. */
export function sourceLine({ title, publisher, url }: KitSource): string {
  return [title, publisher, url].filter(Boolean).join(' · ');
}

export function reviewedLine(kit: Kit): string {
  return `${t('kits.reviewed')}: ${formatDate(kit.reviewed)}`;
}
