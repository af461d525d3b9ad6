/**
 * The portal counts calendar days in Vietnam (UTC+7, no daylight saving): a session held at 00:30 on
 * 1 January in Nghệ An belongs to the new year even though it is still 31 December in UTC.
 */
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Vietnam calendar date of an instant, as YYYY-MM-DD. */
export function vietnamDate(instant: Date): string {
  return VIETNAM_DAY.format(instant);
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

export function monthOf(isoDate: string): number {
  return Number(isoDate.slice(5, 7));
}

/** Whole days from one calendar date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** dd/mm/yyyy, the way Vietnamese documents write dates. */
export function formatVietnameseDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

/** "15/03/2026" (as forms ask) → "2026-03-15"; anything else is passed on trimmed, for the domain to refuse. */
export function isoFromVietnameseDate(text: string): string {
  const match = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : text.trim();
}
