import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#server/auth/actor.ts';
import { StatisticsRefused, currentReportPeriod, tipStatistics, type TipStatistics } from '#server/triage/statistics.ts';
import { statisticsFileName, statisticsToCsv, statisticsToXlsx } from '#server/triage/statistics-files.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';
import { hours, insertStatisticsTip, STATISTICS_RANGE, STATISTICS_TIPS } from '../../helpers/triage.ts';

const actor = (role: Actor['role'], queueCodes: string[] = []): Actor => ({ userId: `u-${role}`, username: role, role, queueCodes, unitCode: null });
const counts = (rows: { label: string; count: number }[]) => rows.map((row) => [row.label, row.count]);

describe.each(databaseKinds)('tip statistics on %s', (kind) => {
  let database: TestDatabase;
  let all: TipStatistics;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    for (const tip of STATISTICS_TIPS) await insertStatisticsTip(database.db, tip);
    all = await tipStatistics(database.db, actor('admin'), STATISTICS_RANGE);
  });
  afterAll(() => database?.dispose());

  it('counts an administrator’s tips received within the Vietnam-time range, by category and status, with zeros', () => {
    expect(all.total).toBe(6);
    expect(all.scope).toBe('all');
    expect(all.byCategory.map((row) => [row.code, row.count])).toEqual([
      ['mua-ban-van-chuyen', 2],
      ['to-chuc-su-dung', 0],
      ['su-dung-trai-phep', 1],
      ['trong-cay', 0],
      ['san-xuat-tien-chat', 0],
      ['qua-bien-gioi', 1],
      ['tren-bien', 0],
      ['san-bay-cang-bien', 0],
      ['bong-cuoi', 1],
      ['khac', 1],
    ]);
    expect(counts(all.byStatus)).toEqual([
      ['Mới', 1],
      ['Đang xác minh', 2],
      ['Đã chuyển đơn vị khác', 1],
      ['Đã xử lý', 1],
      ['Không có cơ sở', 0],
      ['Trùng lặp', 0],
      ['Spam', 1],
    ]);
  });

  it('names communes by their current name in Vietnamese order, tips without a commune last as “Không rõ”', () => {
    expect(all.byCommune.map((row) => [row.code, row.label, row.count])).toEqual([
      ['17464', 'Xã Diễn Châu', 1],
      ['17662', 'Xã Đô Lương', 2],
      ['17416', 'Xã Đức Châu', 1],
      ['16681', 'Phường Thành Vinh', 1],
      [null, 'Không rõ', 1],
    ]);
  });

  it('counts by owner queue, sorted by the queue’s name', () => {
    expect(all.byQueue.map((row) => [row.code, row.count])).toEqual([
      ['bien-phong', 1],
      ['cax-16681', 1],
      ['pc04', 4],
    ]);
  });

  it('buckets months at Vietnam midnight and lists months without tips', () => {
    expect(all.byMonth).toEqual([
      { month: '2026-01', count: 2 },
      { month: '2026-02', count: 1 },
      { month: '2026-03', count: 2 },
      { month: '2026-04', count: 1 },
      { month: '2026-05', count: 0 },
      { month: '2026-06', count: 0 },
    ]);
  });

  it('measures time to first action: median and 90th percentile of acted tips, shares of all tips', () => {
    // Waits: 1, 2, 30, 120 and 240 hours; one tip not acted on.
    expect(all.firstAction).toEqual({
      acted: 5,
      notActed: 1,
      medianSeconds: hours(30),
      p90Seconds: hours(192),
      withinDay: 2,
      withinWeek: 4,
      withinDayPercent: 33.3,
      withinWeekPercent: 66.7,
    });
  });

  it('limits an officer to the tips their queues own', async () => {
    const own = await tipStatistics(database.db, actor('officer', ['pc04']), STATISTICS_RANGE);
    expect(own.total).toBe(4);
    expect(own.scope).toEqual(['pc04']);
    expect(own.byQueue.map((row) => [row.code, row.count])).toEqual([['pc04', 4]]);
    expect(own.byCommune.map((row) => row.code)).toEqual(['17464', '17662', null]);
    expect(own.firstAction).toMatchObject({
      acted: 3,
      notActed: 1,
      medianSeconds: hours(30),
      p90Seconds: hours(102),
      withinDay: 1,
      withinDayPercent: 25,
      withinWeekPercent: 75,
    });
    const other = await tipStatistics(database.db, actor('supervisor', ['bien-phong', 'cax-16681']), STATISTICS_RANGE);
    expect(other.total).toBe(2);
    const none = await tipStatistics(database.db, actor('officer', []), STATISTICS_RANGE);
    expect(none.total).toBe(0);
    expect(none.firstAction).toMatchObject({ acted: 0, medianSeconds: null, p90Seconds: null, withinDayPercent: 0 });
  });

  it('refuses a reporter', async () => {
    await expect(tipStatistics(database.db, actor('reporter'), STATISTICS_RANGE)).rejects.toBeInstanceOf(StatisticsRefused);
  });

  it('defaults to the report period running on a date: the 6-month one, then the annual one', async () => {
    expect(await currentReportPeriod(database.db, '2026-03-01')).toMatchObject({ kind: 'six-month', coversFrom: '2026-01-01', coversTo: '2026-06-15' });
    expect(await currentReportPeriod(database.db, '2026-06-16')).toMatchObject({ kind: 'annual', coversTo: '2026-12-15' });
    expect(await currentReportPeriod(database.db, '2026-12-20')).toMatchObject({ kind: 'annual', year: 2026 });
  });

  it('writes an XLSX that reads back: a summary and one sheet per breakdown, numbers as numbers, diacritics intact', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await statisticsToXlsx(all, '2026-07-02')).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tổng hợp', 'Loại tin', 'Xã, phường', 'Hàng đợi', 'Trạng thái', 'Tháng']);
    const summary = workbook.getWorksheet('Tổng hợp')!;
    expect(summary.getCell('A1').value).toBe('Thống kê tin tố giác tội phạm về ma túy');
    expect(summary.getCell('A2').value).toBe('Số liệu từ ngày 01/01/2026 đến ngày 30/06/2026');
    const line = (label: string) => summary.getSheetValues().find((row) => Array.isArray(row) && row[1] === label) as unknown[];
    expect(line('Tổng số tin')[2]).toBe(6);
    expect(line('Trung vị (giờ)')[2]).toBe(30);
    expect(line('Phân vị 90% (giờ)')[2]).toBe(192);
    expect(line('Có thao tác trong 24 giờ').slice(2)).toEqual([2, 33.3]);
    const communes = workbook.getWorksheet('Xã, phường')!;
    expect(communes.getRow(1).values).toEqual([, 'Mã', 'Xã, phường', 'Số tin', 'Tỷ lệ (%)']);
    expect(communes.getRow(3).values).toEqual([, '17662', 'Xã Đô Lương', 2, 33.3]);
    expect(communes.getRow(6).values).toEqual([, '', 'Không rõ', 1, 16.7]);
    expect(workbook.getWorksheet('Tháng')!.getRow(2).values).toEqual([, '2026-01', '01/2026', 2, 33.3]);
  });

  it('writes a CSV with a byte-order mark, Vietnamese intact, each breakdown under its title', () => {
    const bytes = statisticsToCsv(all, '2026-07-02');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Thống kê tin tố giác tội phạm về ma túy');
    expect(lines).toContain('Tổng số tin,6');
    expect(lines).toContain('"Theo xã, phường"');
    expect(lines).toContain('Mã,"Xã, phường",Số tin,Tỷ lệ (%)');
    expect(lines).toContain('17662,Xã Đô Lương,2,33.3');
    expect(lines).toContain(',Không rõ,1,16.7');
    expect(lines).toContain('mua-ban-van-chuyen,"Mua bán, vận chuyển trái phép chất ma túy",2,33.3');
    expect(statisticsFileName(all, 'csv')).toBe('thong-ke-tin-to-giac-2026-01-01-den-2026-06-30.csv');
  });
});
