/** Escapes text for HTML content and attribute values (the renderers here build markup as strings). */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/** Fills "{name}" placeholders of a dictionary string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** Numbers the Vietnamese way (1.234), in both languages, like the dates. */
export const formatNumber = (value: number) => new Intl.NumberFormat('vi-VN').format(value);
