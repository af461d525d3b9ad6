import { enAdmin } from './en-admin.ts';
import type { Dictionary } from './index.ts';

/** English UI strings: the same keys as the Vietnamese dictionary, which is the reference. */
export const en: Dictionary = {
  'site.name': 'Nghệ An Drug Prevention Portal',
  'site.shortName': 'PCMT Nghệ An',
  'site.description':
    'Awareness materials, drug-prevention lessons and an anonymous tip line of Nghệ An province, Vietnam.',
  'skip.toContent': 'Skip to main content',
  'nav.label': 'Main navigation',
  'nav.home': 'Home',
  'nav.materials': 'Materials',
  'nav.kits': 'Lesson kits',
  'nav.tip': 'Send a tip',
  'nav.followUp': 'Follow up a tip',
  'nav.progress': 'Outreach progress',
  'lang.switchLabel': 'Language',
  'lang.other': 'Tiếng Việt',
  'lang.otherCode': 'vi',
  'help.title': 'Need help now?',
  'help.emergency': 'Emergency: call the police',
  'help.hotline': 'Drug-crime hotline of the drug police department (C04), Ministry of Public Security',
  'help.hotlineDetail': '24/7 · call, SMS or Zalo · your identity is kept confidential',
  'footer.anonymity':
    'This portal uses no tracking cookies, no third-party analytics or advertising code, and never stores the IP address of people who send tips.',
  'footer.basis':
    "Serving the goal of Nghệ An People's Committee's drug-prevention plan: 100% of communes, wards and schools receive drug-prevention legal education at least once a year.",
  'home.title': 'Together against drugs',
  'home.lead':
    'This portal helps people understand the harms of drugs and the tricks of traffickers, gives teachers and commune officers ready-made lessons, and lets anyone report drug crime safely and anonymously.',
  'home.sectionsTitle': 'What do you need?',
  'home.tip.title': 'Send an anonymous tip',
  'home.tip.body': 'Report drug dealing, storage or places where drugs are used. No name needed, no IP address kept, GPS removed from photos.',
  'home.followUp.title': 'Follow up a tip',
  'home.followUp.body': 'Use your 16-digit receipt code to see what happened and exchange messages with the police.',
  'home.materials.title': 'Awareness materials',
  'home.materials.body': 'Short reads for citizens, parents and students: harms of drugs, laughing gas, disguised drugs, the law.',
  'home.kits.title': 'Lesson kits for teachers and commune officers',
  'home.kits.body': 'Lesson plans, handouts, quizzes and slides to download and use tomorrow in class or at a village meeting.',
  'home.progress.title': 'Progress towards 100% of communes and schools',
  'home.progress.body': 'Which communes, wards and schools were reached this year, which were not yet, and how many days remain until the next report.',
  'notFound.title': 'Page not found',
  'notFound.body': 'This address does not exist on the portal. Go back to the home page or use the navigation.',
  'notFound.home': 'Back to the home page',
  ...enAdmin,
};
