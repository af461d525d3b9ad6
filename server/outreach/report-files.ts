import ExcelJS from 'exceljs';
import { translator } from '#shared/i18n/index.ts';
import { OUTREACH_FORMS } from '#shared/outreach/enums.ts';
import type { OutreachReport, ReportUnitRow } from './report-data.ts';
import { formatVietnameseDate, vietnamDate } from '#shared/time/vietnam-time.ts';
import { addSummarySheet, addTableSheet, csvFile } from '../reports/spreadsheet.ts';

/** Reports go to the province in Vietnamese, whatever language the person downloading reads. */
const t = translator('vi');

const UNIT_HEADERS = [
  'Loại đơn vị',
  'Mã',
  'Tên đơn vị',
  'Phân loại',
  'Thuộc xã, phường',
  'Tình trạng',
  'Số buổi',
  'Lượt người tham dự',
  'Hình thức',
  'Lần đầu',
  'Lần cuối',
];

function unitCells(row: ReportUnitRow): (string | number)[] {
  const category = row.kind === 'commune' ? t(`outreach.kind.${row.category as 'xa' | 'phuong'}`) : t(`outreach.level.${row.category as 'thcs'}`);
  return [
    row.kind === 'commune' ? 'Xã, phường' : 'Trường học',
    row.code,
    row.name,
    category,
    row.communeName,
    row.reached ? t('outreach.status.reached') : t('outreach.status.notReached'),
    row.sessions,
    row.audience,
    row.forms.map((form) => t(`outreach.form.${form}`)).join('; '),
    row.firstOn ? formatVietnameseDate(row.firstOn) : '',
    row.lastOn ? formatVietnameseDate(row.lastOn) : '',
  ];
}

/** The report's title and summary for target III.2, as label/value lines shared by both formats. */
function summaryLines(report: OutreachReport): (string | number)[][] {
  const { period } = report;
  return [
    [`${t(`outreach.report.${period.kind}`)} năm ${period.year} – kết quả tuyên truyền pháp luật về phòng, chống ma túy (chỉ tiêu III.2)`],
    ['Số liệu từ ngày', `${formatVietnameseDate(period.coversFrom)} đến ${formatVietnameseDate(period.coversTo)}`],
    ['Hạn gửi', `trước ngày ${formatVietnameseDate(period.dueBefore)}`],
    ['Ngày lập', formatVietnameseDate(vietnamDate(report.generatedAt))],
    ['Chỉ tiêu', '100% xã, phường, trường học được tuyên truyền ít nhất 01 lần/năm'],
    ['Xã, phường đã tuyên truyền', `${report.communes.reached}/${report.communes.total}`, `${report.communes.percent}%`],
    ['Trường học đã tuyên truyền', `${report.schools.reached}/${report.schools.total}`, `${report.schools.percent}%`],
    ['Số buổi tuyên truyền (đã duyệt)', report.sessions],
    ['Lượt người tham dự', report.audience],
    ...OUTREACH_FORMS.map((form) => {
      const row = report.byForm.find((candidate) => candidate.form === form);
      return [`Hình thức: ${t(`outreach.form.${form}`)}`, row?.sessions ?? 0, row?.audience ?? 0];
    }),
  ];
}

/** The report as an Excel workbook: a summary sheet and one sheet with every unit. */
export async function reportToXlsx(report: OutreachReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t('site.name');
  workbook.created = report.generatedAt;
  addSummarySheet(workbook, 'Tổng hợp', summaryLines(report), [48, 28, 14]);
  addTableSheet(workbook, 'Đơn vị', UNIT_HEADERS, report.units.map(unitCells), [14, 12, 44, 12, 30, 18, 9, 12, 48, 12, 12]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The report as CSV for Excel: UTF-8 with a byte-order mark (without it Excel misreads Vietnamese), the
 * summary lines first, a blank line, then the unit table with its header.
 */
export function reportToCsv(report: OutreachReport): Buffer {
  return csvFile([...summaryLines(report), [], UNIT_HEADERS, ...report.units.map(unitCells)]);
}
