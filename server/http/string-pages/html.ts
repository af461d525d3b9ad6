/** Escapes text for HTML content and attribute values (the renderers here build markup as strings). */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

export { fill } from '#shared/i18n/index.ts';

/** Numbers the Vietnamese way (1.234), in both languages, like the dates. */
export const formatNumber = (value: number) => new Intl.NumberFormat('vi-VN').format(value);
