import type ExcelJS from 'exceljs';

/**
 * What every downloadable report (outreach, tip statistics) shares: safe CSV for Excel and the look of a
 * table sheet. Callers load exceljs themselves (it is large), so this module only names its types.
 */

export type Cell = string | number;
export type SpreadsheetFormat = 'csv' | 'xlsx';

export const SPREADSHEET_MEDIA_TYPES: Record<SpreadsheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A spreadsheet would run a cell starting with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV for Excel: UTF-8 with a byte-order mark (without it Excel misreads Vietnamese), CRLF line ends. */
export function csvFile(lines: readonly (readonly Cell[])[]): Buffer {
  const text = lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
}

/** A sheet holding one table: bold header row kept in view, a filter on every column, the given widths. */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  widths: readonly number[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...headers]).font = { bold: true };
  sheet.addRows(rows.map((row) => [...row]));
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return sheet;
}

/** A sheet of label/value lines under a title line (the report's first sheet). */
export function addSummarySheet(workbook: ExcelJS.Workbook, name: string, lines: readonly (readonly Cell[])[], widths: readonly number[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.addRows(lines.map((line) => [...line]));
  sheet.getRow(1).font = { bold: true, size: 13 };
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  return sheet;
}

/** `attachment` with an ASCII file name, which every browser keeps as given. */
export const attachment = (fileName: string) => `attachment; filename="${fileName}"`;
