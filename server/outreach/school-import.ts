import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import { sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { communes, formerCommunes, schools } from '../db/schema.ts';
import { foldVietnamese } from '#shared/text/vietnamese.ts';
import { assertAdministrator } from './access.ts';
import { recordOutreachAudit } from './audit-port.ts';
import { parseSchoolLevel, type SchoolLevel } from './school-levels.ts';

/**
 * School lists arrive as CSV from the education department: a header row, then one school a line. Headers
 * may be Vietnamese (ma_truong, ten_truong, cap_hoc, ma_xa — with or without diacritics) or English.
 */
const HEADER_ALIASES: Record<'code' | 'name' | 'level' | 'communeCode', string[]> = {
  code: ['ma truong', 'ma_truong', 'code', 'school code'],
  name: ['ten truong', 'ten_truong', 'name', 'school name'],
  level: ['cap hoc', 'cap_hoc', 'level'],
  communeCode: ['ma xa', 'ma_xa', 'ma xa phuong', 'ma_xa_phuong', 'commune code', 'commune_code'],
};

export interface SchoolImportRow {
  line: number;
  code: string;
  name: string;
  level: SchoolLevel;
  /** The current commune (a former commune's code in the file is mapped to it). */
  communeCode: string;
}

export interface LineError {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  message: string;
}

export type SchoolCsvResult = { ok: true; rows: SchoolImportRow[] } | { ok: false; errors: LineError[] };

export interface CommuneLookup {
  current: ReadonlySet<string>;
  /** Former commune code → current commune code. */
  former: ReadonlyMap<string, string>;
}

/** Reads and checks the whole file; returns every bad line (with its number and a Vietnamese reason) or the rows. */
export function parseSchoolCsv(bytes: Uint8Array, communes: CommuneLookup): SchoolCsvResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(Buffer.from(bytes), { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const line = error instanceof CsvError && typeof (error as { lines?: number }).lines === 'number' ? (error as unknown as { lines: number }).lines : 1;
    return { ok: false, errors: [{ line, message: 'Dòng sai định dạng CSV (thiếu hoặc thừa dấu ngoặc kép "). Sửa dòng này rồi nhập lại.' }] };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, errors: [{ line: 1, message: 'Tệp trống. Dòng đầu phải là tiêu đề: ma_truong,ten_truong,cap_hoc,ma_xa.' }] };
  const columns = Object.fromEntries(
    Object.entries(HEADER_ALIASES).map(([key, aliases]) => [key, header.record.findIndex((cell) => aliases.includes(foldVietnamese(cell)))]),
  ) as Record<keyof typeof HEADER_ALIASES, number>;
  const missing = Object.entries(columns).filter(([, index]) => index < 0);
  if (missing.length) {
    return { ok: false, errors: [{ line: header.info.lines, message: 'Dòng tiêu đề phải có đủ 4 cột: ma_truong, ten_truong, cap_hoc, ma_xa.' }] };
  }

  const errors: LineError[] = [];
  const rows: SchoolImportRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    // Spreadsheets often export trailing rows of bare commas: they are blank lines, not schools.
    if (record.every((value) => value === '')) continue;
    const line = info.lines;
    const cell = (key: keyof typeof columns) => (record[columns[key]] ?? '').normalize('NFC').trim();
    const code = cell('code');
    const name = cell('name').replace(/\s+/gu, ' ');
    const levelText = cell('level');
    const communeText = cell('communeCode');
    const level = parseSchoolLevel(levelText);
    const communeCode = communes.current.has(communeText) ? communeText : communes.former.get(communeText);
    const problems: string[] = [];
    if (record.length !== header.record.length) problems.push(`có ${record.length} cột, tiêu đề có ${header.record.length} cột`);
    if (!code) problems.push('thiếu mã trường');
    else if (!/^[\p{L}\p{N}._-]{1,32}$/u.test(code)) problems.push(`mã trường "${code}" chỉ được gồm chữ, số, dấu chấm, gạch ngang (tối đa 32 ký tự)`);
    else if (seen.has(code)) problems.push(`mã trường ${code} trùng với dòng ${seen.get(code)}`);
    if (!name) problems.push('thiếu tên trường');
    else if (name.length > 200) problems.push('tên trường dài quá 200 ký tự');
    if (!levelText) problems.push('thiếu cấp học');
    else if (!level) problems.push(`cấp học "${levelText}" không hợp lệ (dùng: Mầm non, Tiểu học, THCS, THPT, GDTX, Khác)`);
    if (!communeText) problems.push('thiếu mã xã, phường');
    else if (!communeCode) problems.push(`không có xã, phường nào mã ${communeText}`);
    if (code && !seen.has(code)) seen.set(code, line);
    if (problems.length) errors.push({ line, message: `Dòng ${line}: ${problems.join('; ')}.` });
    else rows.push({ line, code, name, level: level!, communeCode: communeCode! });
  }
  if (!errors.length && !rows.length) errors.push({ line: header.info.lines, message: 'Tệp chỉ có dòng tiêu đề, không có trường nào.' });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

export type SchoolImportResult = { ok: true; imported: number; created: number; updated: number } | { ok: false; errors: LineError[] };

/**
 * Imports a school list in one transaction: all lines or none. A school already registered is updated
 * (name, level, commune) and reactivated; the others are added.
 */
export async function importSchools(db: Db, actor: Actor, bytes: Uint8Array): Promise<SchoolImportResult> {
  assertAdministrator(actor, 'nhập danh sách trường học');
  const [currentRows, formerRows] = await Promise.all([db.select({ code: communes.code }).from(communes), db.select().from(formerCommunes)]);
  const parsed = parseSchoolCsv(bytes, {
    current: new Set(currentRows.map((row) => row.code)),
    former: new Map(formerRows.map((row) => [row.code, row.communeCode])),
  });
  if (!parsed.ok) return parsed;
  return db.transaction(async (tx) => {
    const existing = new Set((await tx.select({ code: schools.code }).from(schools)).map((row) => row.code));
    const now = new Date();
    for (let start = 0; start < parsed.rows.length; start += 500) {
      await tx
        .insert(schools)
        .values(parsed.rows.slice(start, start + 500).map(({ code, name, level, communeCode }) => ({ code, name, level, communeCode, updatedAt: now })))
        .onConflictDoUpdate({
          target: schools.code,
          set: {
            name: sql`excluded.name`,
            level: sql`excluded.level`,
            communeCode: sql`excluded.commune_code`,
            active: true,
            deactivatedOn: null,
            updatedAt: now,
          },
        });
    }
    const created = parsed.rows.filter((row) => !existing.has(row.code)).length;
    const result = { ok: true as const, imported: parsed.rows.length, created, updated: parsed.rows.length - created };
    await recordOutreachAudit(tx, {
      actor,
      action: 'outreach.schools.import',
      subjectType: 'school',
      subjectId: '*',
      details: { imported: result.imported, created, updated: result.updated },
    });
    return result;
  });
}
