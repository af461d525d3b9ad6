import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schools } from '#server/db/schema.ts';
import { readOutreachAudit } from '#server/outreach/audit-port.ts';
import { importSchools } from '#server/outreach/school-import.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';
import { admin, supervisor, VINH } from '../../helpers/outreach.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const BOM = '\uFEFF';

describe.each(databaseKinds)('importing the school list from CSV on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.dispose());
  const schoolCount = async () => (await database.db.select({ value: count() }).from(schools))[0]!.value;

  it('names every bad line with its number and a Vietnamese reason, and imports nothing', async () => {
    const csv = [
      'ma_truong,ten_truong,cap_hoc,ma_xa',
      `A1,Trường THCS Hưng Dũng,THCS,${VINH}`,
      `A2,Trường Mầm non Hoa Sen,Đại học,${VINH}`,
      '',
      `A1,Trường trùng mã,THPT,${VINH}`,
      'A4,Trường Tiểu học Bến Thủy,Tiểu học,99999',
      `,Không có mã,THPT,${VINH}`,
      `A6,"Trường THPT ""Chuyên"", Phan Bội Châu",THPT,${VINH}`,
    ].join('\r\n');
    const result = await importSchools(database.db, admin, encode(BOM + csv));
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 3, message: 'Dòng 3: cấp học "Đại học" không hợp lệ (dùng: Mầm non, Tiểu học, THCS, THPT, GDTX, Khác).' },
        { line: 5, message: 'Dòng 5: mã trường A1 trùng với dòng 2.' },
        { line: 6, message: 'Dòng 6: không có xã, phường nào mã 99999.' },
        { line: 7, message: 'Dòng 7: thiếu mã trường.' },
      ],
    });
    expect(await schoolCount()).toBe(0);
  });

  it('reports a broken quote with its line number', async () => {
    const csv = `ma_truong,ten_truong,cap_hoc,ma_xa\nB1,Trường A,THCS,${VINH}\nB2,"Trường B,THCS,${VINH}\n`;
    const result = await importSchools(database.db, admin, encode(csv));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]!.message).toMatch(/ngoặc kép/);
    expect(await schoolCount()).toBe(0);
  });

  it('imports a clean list with a BOM and decomposed Vietnamese, storing names in NFC, and maps a former commune code', async () => {
    const former = (await database.db.query.formerCommunes.findFirst({ where: (table, { eq }) => eq(table.communeCode, VINH) }))!;
    const decomposed = 'Trường Tiểu học Lê Mao'.normalize('NFD');
    const csv = `${BOM}Mã trường,Tên trường,Cấp học,Mã xã\nC1,${decomposed},tiểu học,${VINH}\nC2,Trường GDTX tỉnh,Giáo dục thường xuyên,${former.code}\n,,,\n`;
    const result = await importSchools(database.db, admin, encode(csv));
    expect(result).toEqual({ ok: true, imported: 2, created: 2, updated: 0 });
    const rows = await database.db.select().from(schools).orderBy(schools.code);
    expect(rows.map(({ code, name, level, communeCode }) => ({ code, name, level, communeCode }))).toEqual([
      { code: 'C1', name: 'Trường Tiểu học Lê Mao'.normalize('NFC'), level: 'tieu-hoc', communeCode: VINH },
      { code: 'C2', name: 'Trường GDTX tỉnh', level: 'gdtx', communeCode: VINH },
    ]);
    expect((await readOutreachAudit(database.db, '*')).at(-1)).toMatchObject({ action: 'outreach.schools.import', actorUserId: 'u-admin' });
  });

  it('refuses the import to anyone but an administrator', async () => {
    await expect(importSchools(database.db, supervisor, encode('ma_truong,ten_truong,cap_hoc,ma_xa\n'))).rejects.toMatchObject({ status: 403 });
  });
});
