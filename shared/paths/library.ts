import { LANGS, localePath } from '../i18n/index.ts';

/** Paths of the library's sections, without language prefix; no Astro import, so the server can use them. */
export const MATERIALS_PATH = '/tai-lieu/';
export const KITS_PATH = '/bai-giang/';
export const SEARCH_PATH = '/tim-kiem/';
/** The anonymous tip form: printed kits carry its absolute address and a QR code to it. */
export const TIP_PATH = '/to-giac/';
/** The registry of legal documents the content cites. */
export const LEGAL_REGISTRY_PATH = `${MATERIALS_PATH}can-cu-phap-ly/`;

/** A kit's page (Vietnamese), printed on its files as an absolute address. */
export const kitPagePath = (slug: string) => `${KITS_PATH}${slug}/`;

/** The search page in every language: the only pages that run JavaScript (Pagefind) and WebAssembly. */
export const SEARCH_PAGE_PATHS: readonly string[] = LANGS.map((lang) => localePath(lang, SEARCH_PATH));
