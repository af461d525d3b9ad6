import { formatVietnameseDate, vietnamDate } from '../time/vietnam-time.ts';
import { en } from './en.ts';
import { vi } from './vi.ts';

export type Lang = 'vi' | 'en';
export type { Dictionary, MessageKey } from './dictionary.ts';
import type { Dictionary, MessageKey } from './dictionary.ts';

export const LANGS: readonly Lang[] = ['vi', 'en'];
export const DEFAULT_LANG: Lang = 'vi';
const dictionaries: Record<Lang, Dictionary> = { vi, en };

/** The translator for one language; a key missing from the dictionary is a type error, not a blank. */
export function translator(lang: Lang): (key: MessageKey, values?: Record<string, string | number>) => string {
  const dictionary = dictionaries[lang];
  return (key, values) => (values ? fill(dictionary[key], values) : dictionary[key]);
}

export const isLang = (value: unknown): value is Lang => value === 'vi' || value === 'en';

/** Vietnamese lives at the root, other languages under their code: localePath('en', '/to-giac/') → '/en/to-giac/'. */
export function localePath(lang: Lang, path: string): string {
  return lang === DEFAULT_LANG ? path : `/${lang}${path}`;
}

/** The language a URL path is in, and the same path without its language prefix. */
export function splitLocalePath(path: string): { lang: Lang; path: string } {
  const match = /^\/(en)(\/.*)?$/.exec(path);
  return match ? { lang: match[1] as Lang, path: match[2] ?? '/' } : { lang: DEFAULT_LANG, path };
}

/** `getStaticPaths` entries for a page that exists in every language. */
export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang: lang === DEFAULT_LANG ? undefined : lang }, props: { lang } }));
}

/** Formats a date the Vietnamese way (dd/mm/yyyy), in Vietnam's time zone, whatever the language. */
export const formatDate = (date: Date): string => formatVietnameseDate(vietnamDate(date));

/** Date and time the Vietnamese way (dd/mm/yyyy hh:mm:ss, or hh:mm without seconds), in Vietnam's time zone: for logs and records. */
export function formatDateTime(date: Date, { seconds = true } = {}): string {
  const time = new Intl.DateTimeFormat('vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hour12: false,
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(date);
  return `${formatDate(date)} ${time}`;
}

/** Sorts the Vietnamese way (đ after d, tones after the base letter). */
export const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Fills `{name}` placeholders of a dictionary string: fill(t('kits.minutes'), { n: 45 }) → '45 phút'. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));
}
