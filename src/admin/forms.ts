/** Reading posted forms on staff pages: strings only (a file or a missing field reads as ''). */
export async function postedForm(request: Request): Promise<FormData | null> {
  if (request.method !== 'POST') return null;
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}

export function textField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export function listField(form: FormData, name: string): string[] {
  return form.getAll(name).filter((value): value is string => typeof value === 'string' && value !== '');
}

/**
 * A day typed as dd/mm/yyyy (or yyyy-mm-dd) → the start of that day in Vietnam (UTC+7, no daylight
 * saving); null when it is not a real date. Pure.
 */
export function parseVietnamDay(text: string): Date | null {
  const trimmed = text.trim();
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const [day, month, year] = vn ? [vn[1], vn[2], vn[3]] : iso ? [iso[3], iso[2], iso[1]] : [];
  if (!day || !month || !year) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) return null;
  return new Date(date.getTime() - 7 * 60 * 60_000);
}
