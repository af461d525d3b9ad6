import type { Actor } from '#server/auth/actor.ts';
import type { Db } from '#server/db/client.ts';
import { CONSOLE_ACTOR } from '#server/outreach/access.ts';
import type { PublicSubmissionInput } from '#server/outreach/public-submission.ts';
import { importSchools } from '#server/outreach/school-import.ts';

/** Staff members as the auth middleware will hand them to domain functions. */
export const admin: Actor = { userId: 'u-admin', username: 'admin', role: 'admin', queueCodes: [], unitCode: null };
export const supervisor: Actor = { userId: 'u-sup', username: 'giamsat', role: 'supervisor', queueCodes: [], unitCode: null };
export const officer: Actor = { userId: 'u-off', username: 'canbo', role: 'officer', queueCodes: ['pc04'], unitCode: null };
export const reporterOf = (unitCode: string): Actor => ({ userId: `u-rep-${unitCode}`, username: `bc${unitCode}`, role: 'reporter', queueCodes: [], unitCode });

/** Two real communes (Phường Thành Vinh, and one more) and a former unit that merged into Thành Vinh. */
export const VINH = '16681';

/** Three schools: two in Thành Vinh, one elsewhere. */
export async function importSampleSchools(db: Db, otherCommune: string): Promise<void> {
  const csv = [
    'ma_truong,ten_truong,cap_hoc,ma_xa',
    `TV-THCS,Trường THCS Hưng Dũng,THCS,${VINH}`,
    `TV-THPT,Trường THPT Huỳnh Thúc Kháng,THPT,${VINH}`,
    `XK-TH,Trường Tiểu học Đặc Biệt,Tiểu học,${otherCommune}`,
  ].join('\n');
  const result = await importSchools(db, CONSOLE_ACTOR, new TextEncoder().encode(csv));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
}

/** A complete, valid session; override what a test is about. */
export function sessionInput(overrides: Record<string, unknown> = {}) {
  return {
    heldOn: '2026-03-10',
    units: [{ kind: 'commune', code: VINH }],
    form: 'hop-dan',
    agencyCode: 'cong-an-tinh',
    audience: 120,
    notes: 'Họp dân khối 3',
    ...overrides,
  };
}

/** What a teacher types into the public form (as the route hands it to the domain). */
export function publicInput(overrides: Partial<PublicSubmissionInput> = {}): PublicSubmissionInput {
  return {
    heldOn: '2026-03-10',
    communeCode: VINH,
    includeCommune: false,
    schoolCodes: ['TV-THCS'],
    form: 'ngoai-khoa-chao-co',
    agencyCode: 'so-gddt',
    audience: '450',
    kitSlug: 'thcs-lop-6-7',
    notes: 'Tiết chào cờ đầu tuần',
    reporterName: 'Nguyễn Thị Lan',
    reporterContact: '',
    ...overrides,
  };
}
