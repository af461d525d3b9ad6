import { z } from 'zod';
import { OUTREACH_FORMS } from '#shared/outreach/enums.ts';
import { OutreachRefusal } from './errors.ts';
import { lessonKitSlugs } from './kits.ts';
import type { UnitRef } from './units.ts';
import { isCalendarDate, vietnamDate } from '#shared/time/vietnam-time.ts';

/** Sessions before the plan's first year are not part of this programme. */
export const EARLIEST_SESSION_DATE = '2021-01-01';

/**
 * What describes a session, whoever records it. `heldOn` is a Vietnam calendar date (YYYY-MM-DD); an ISO
 * instant is accepted too and turned into the Vietnam date it falls on.
 */
export const sessionDetailsSchema = z.object({
  /** Date the session was held. */
  heldOn: z
    .string({ message: 'Nhập ngày tổ chức buổi tuyên truyền.' })
    .trim()
    .min(1, 'Nhập ngày tổ chức buổi tuyên truyền.')
    .transform((value, context) => {
      if (isCalendarDate(value)) return value;
      const instant = /T/.test(value) ? new Date(value) : null;
      if (instant && !Number.isNaN(instant.getTime())) return vietnamDate(instant);
      context.addIssue({ code: 'custom', message: 'Nhập ngày tổ chức đúng dạng ngày/tháng/năm, ví dụ 15/03/2026.' });
      return z.NEVER;
    }),
  /** The communes and schools reached. */
  units: z
    .array(z.object({ kind: z.enum(['commune', 'school']), code: z.string().trim().min(1).max(32) }))
    .min(1, 'Chọn ít nhất một xã, phường hoặc trường học được tuyên truyền.')
    .max(50, 'Một buổi tuyên truyền ghi nhận tối đa 50 đơn vị.'),
  /** Form of outreach. */
  form: z.enum(OUTREACH_FORMS, { message: 'Chọn hình thức tuyên truyền.' }),
  /** Organising agency (outreach_agencies.code). */
  agencyCode: z.string({ message: 'Chọn cơ quan, đơn vị tổ chức.' }).trim().min(1, 'Chọn cơ quan, đơn vị tổ chức.'),
  /** Number of people who attended. */
  audience: z
    .preprocess(
      (value) =>
        value === '' || value === null || value === undefined ? undefined : typeof value === 'string' ? Number(value.trim().replace(/[.\s]/g, '')) : value,
      z.number({ error: (issue) => (issue.input === undefined ? 'Nhập số người tham dự.' : 'Nhập số người tham dự bằng chữ số.') }),
    )
    .pipe(
      z.number().int('Nhập số người tham dự là số nguyên.').min(1, 'Nhập số người tham dự, ít nhất 1 người.').max(100_000, 'Số người tham dự tối đa 100.000.'),
    ),
  /** Lesson kit used, if any. */
  kitSlug: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : null))
    .refine((value) => value === null || lessonKitSlugs().has(value), 'Chọn bài giảng trong danh sách, hoặc để trống.'),
  /** Free notes. */
  notes: z.string().trim().max(2000, 'Ghi chú tối đa 2.000 ký tự.').default(''),
  /** Who reports (required on the public form). */
  reporterName: z.string().trim().max(120, 'Họ và tên tối đa 120 ký tự.').default(''),
  /** Phone or e-mail, for the approver to check back. */
  reporterContact: z.string().trim().max(120, 'Số điện thoại hoặc thư điện tử tối đa 120 ký tự.').default(''),
});

export type SessionDetailsInput = z.input<typeof sessionDetailsSchema>;
export type SessionDetails = z.output<typeof sessionDetailsSchema> & { units: UnitRef[] };

/** Validates a session's details; every problem becomes a Vietnamese message tied to its field. */
export function parseSessionDetails(input: unknown, now: Date): SessionDetails {
  const result = sessionDetailsSchema.safeParse(input);
  if (!result.success) {
    throw new OutreachRefusal(
      422,
      result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? '') || null, message: issue.message })),
    );
  }
  const details = { ...result.data, notes: result.data.notes.normalize('NFC'), reporterName: result.data.reporterName.normalize('NFC') };
  if (details.heldOn > vietnamDate(now)) {
    throw new OutreachRefusal(422, [{ field: 'heldOn', message: 'Ngày tổ chức không được sau ngày hôm nay.' }]);
  }
  if (details.heldOn < EARLIEST_SESSION_DATE) {
    throw new OutreachRefusal(422, [{ field: 'heldOn', message: 'Chỉ ghi nhận buổi tuyên truyền từ ngày 01/01/2021.' }]);
  }
  return details;
}
