import { count } from 'drizzle-orm';
import type { Db } from '#server/db/client.ts';
import { auditLog, tipCopies, tipMessages, tipPhotos, tips } from '#server/db/schema.ts';

/** Rows in every table a tip writes to: a rejected request must leave all five unchanged. */
export async function tipRowCounts(db: Db) {
  const tables = { tips, tipPhotos, tipCopies, tipMessages, auditLog };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => [name, (await db.select({ value: count() }).from(table))[0]!.value] as const),
  );
  return Object.fromEntries(entries) as Record<keyof typeof tables, number>;
}

export interface TipFormInput {
  category?: string;
  communeCode?: string;
  place?: string;
  observedAt?: string;
  description?: string;
  avoidCommunePolice?: string;
  captcha?: string;
  photos?: { bytes: Uint8Array; name: string; type?: string }[];
}

export function tipForm(input: TipFormInput): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(input)) {
    if (name !== 'photos' && typeof value === 'string') form.append(name, value);
  }
  for (const photo of input.photos ?? []) {
    form.append('photos', new Blob([Buffer.from(photo.bytes)], { type: photo.type ?? 'image/jpeg' }), photo.name);
  }
  return form;
}

export const VALID_DESCRIPTION = 'Tối thứ Bảy có nhiều người lạ ra vào quán karaoke ở cuối đường, nghi mua bán ma túy.';
