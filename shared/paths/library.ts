import { LANGS, localePath } from '../i18n/index.ts';

/** Paths of the library's sections, without language prefix; no Astro import, so the server can use them. */
export const MATERIALS_PATH = '/tai-lieu/';
export const KITS_PATH = '/bai-giang/';
export const SEARCH_PATH = '/tim-kiem/';

/** The search page in every language: the only pages that run JavaScript (Pagefind) and WebAssembly. */
export const SEARCH_PAGE_PATHS: readonly string[] = LANGS.map((lang) => localePath(lang, SEARCH_PATH));
