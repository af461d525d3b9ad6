import { isSchoolAudience, type Kit, type KitSource } from '#shared/content-schemas.ts';
import { fill, formatDate, translator } from '#shared/i18n/index.ts';
import { documentName, statusText } from '#shared/legal/status.ts';
import type { FooterLink } from './pdf-layout.ts';
import type { KitPrintContext } from './print-context.ts';

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

/** "Hoạt động 2: Hình thành kiến thức — … (8 phút)": the title carries its own number. */
export function activityHeading(title: string, activityMinutes: number): string {
  return `${title} (${minutes(activityMinutes)})`;
}

/** A school lesson is a "Kế hoạch bài dạy" (Công văn 5512); a meeting of adults a "Kế hoạch buổi tuyên truyền". */
export function planLabel(kit: Kit): string {
  return isSchoolAudience(kit.audience) ? t('kits.lessonPlanSchool') : t('kits.lessonPlanCommunity');
}

/** The 5512 parts of an activity, in order, as label and text (steps are listed after "d)"). */
export function activityParts(activity: Kit['activities'][number]): KitFact[] {
  return [
    { label: t('kits.activity.objective'), value: activity.objective },
    { label: t('kits.activity.content'), value: activity.content },
    { label: t('kits.activity.product'), value: activity.product },
  ];
}

/** The three parts of "I. Mục tiêu", with their headings. */
export function objectiveGroups(kit: Kit): { heading: string; items: string[] }[] {
  return [
    { heading: t('kits.plan.knowledge'), items: kit.objectives.knowledge },
    { heading: t('kits.plan.competences'), items: kit.objectives.competences },
    { heading: t('kits.plan.qualities'), items: kit.objectives.qualities },
  ];
}

/** Options are lettered A, B, C, D in print, as on Vietnamese tests. */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** One line per source: title, publisher, address. */
export function sourceLine({ title, publisher, url }: KitSource): string {
  return [title, publisher, url].filter(Boolean).join(' · ');
}

/** One line per cited document: name, title, issuer, status in words, official address. */
export function legalLines(context: KitPrintContext): string[] {
  return context.legal.map(({ document, historical }) =>
    [
      `${documentName(document, t)}: ${document.title}`,
      document.issuer,
      historical ? `${statusText(document, context.registry, t)} (${t('legal.historical').toLowerCase()})` : statusText(document, context.registry, t),
      document.url,
    ]
      .filter(Boolean)
      .join(' · '),
  );
}

export function reviewedLine(kit: Kit): string {
  return `${t('kits.reviewed')}: ${formatDate(kit.reviewed)}`;
}

/** The two addresses every printed page carries: the tip form first, then the kit's page. */
export function footerLinks(context: KitPrintContext): FooterLink[] {
  return [
    { label: t('kits.print.tip'), ...context.tip },
    { label: t('kits.print.kit'), ...context.kitPage },
  ];
}
