import type { MessageKey } from '#shared/i18n/index.ts';

/** The portal's sections, in navigation order: one list feeds the header, the home page and the link checks. */
export interface SiteSection {
  path: string;
  navKey: MessageKey;
  titleKey: MessageKey;
  bodyKey: MessageKey;
}

export const SITE_SECTIONS: readonly SiteSection[] = [
  { path: '/to-giac/', navKey: 'nav.tip', titleKey: 'home.tip.title', bodyKey: 'home.tip.body' },
  { path: '/theo-doi/', navKey: 'nav.followUp', titleKey: 'home.followUp.title', bodyKey: 'home.followUp.body' },
  { path: '/tai-lieu/', navKey: 'nav.materials', titleKey: 'home.materials.title', bodyKey: 'home.materials.body' },
  { path: '/bai-giang/', navKey: 'nav.kits', titleKey: 'home.kits.title', bodyKey: 'home.kits.body' },
  { path: '/tien-do/', navKey: 'nav.progress', titleKey: 'home.progress.title', bodyKey: 'home.progress.body' },
];
