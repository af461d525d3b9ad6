import ExcelJS from 'exceljs';
import { translator } from '#shared/i18n/index.ts';
import { addSummarySheet, addTableSheet, csvFile, type Cell, type SpreadsheetFormat } from '../reports/spreadsheet.ts';
import type { TipStatistics } from './statistics.ts';
import { statisticsTables, summaryLines, type StatisticsTable } from './statistics-tables.ts';

/** Tip statistics as the files supervisors send on: a workbook of sheets, or one CSV of sections. */
const t = translator('vi');

const headersOf = (table: StatisticsTable) => [t('admin.stats.code'), table.labelHeader, t('admin.stats.count'), t('admin.stats.percent')];
const cellsOf = (table: StatisticsTable): Cell[][] => table.rows.map((row) => [row.code ?? '', row.label, row.count, row.percent]);

/** A summary sheet, then one sheet per breakdown; counts and shares are numbers, not text. */
export async function statisticsToXlsx(stats: TipStatistics, generatedOn: string, now: Date = new Date()): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t('site.name');
  workbook.created = now;
  addSummarySheet(workbook, t('admin.stats.summary'), summaryLines(stats, generatedOn), [48, 24, 12]);
  for (const table of statisticsTables(stats)) addTableSheet(workbook, table.sheetName, headersOf(table), cellsOf(table), [12, 60, 10, 10]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The summary, then each breakdown under its title, separated by blank lines. */
export function statisticsToCsv(stats: TipStatistics, generatedOn: string): Buffer {
  const sections = statisticsTables(stats).flatMap((table) => [[], [table.title], headersOf(table), ...cellsOf(table)]);
  return csvFile([...summaryLines(stats, generatedOn), ...sections]);
}

/** ASCII, so every browser keeps it: thong-ke-tin-to-giac-2026-01-01-den-2026-06-15.xlsx */
export const statisticsFileName = (stats: TipStatistics, format: SpreadsheetFormat) =>
  `thong-ke-tin-to-giac-${stats.range.from}-den-${stats.range.to}.${format}`;
