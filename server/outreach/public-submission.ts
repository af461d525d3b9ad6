import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communes, formerCommunes, schools } from '../db/schema.ts';
import type { CleanEvidence } from './evidence.ts';
import { OutreachRefusal, refuse, type FieldError } from './errors.ts';
import { parseSessionDetails, type SessionDetails } from './session-details.ts';
import { insertSession } from './sessions.ts';
import type { UnitRef } from './units.ts';

/** What the public form sends, once the route has read the multipart body. */
export interface PublicSubmissionInput {
  heldOn: string;
  /** Where the session was held (current or former commune code). */
  communeCode: string;
  /** The session also reached the commune's residents, not only a school. */
  includeCommune: boolean;
  schoolCodes: string[];
  form: string;
  agencyCode: string;
  audience: string;
  kitSlug: string;
  notes: string;
  reporterName: string;
  reporterContact: string;
}

/**
 * A teacher or officer without an account reports a session. It is stored pending and uncounted until a
 * supervisor approves it. Schools must belong to the chosen commune, which catches most mistyped codes.
 */
export async function submitPublicSession(
  db: Db,
  input: PublicSubmissionInput,
  options: { evidence?: readonly CleanEvidence[]; now?: Date } = {},
): Promise<string> {
  const now = options.now ?? new Date();
  return storePublicSession(db, await checkPublicSession(db, input, now), { evidence: options.evidence ?? [], now });
}

/**
 * The checks of a public report, without storing it: the route runs the captcha and cleans the files only
 * once the fields are right, so a teacher with a typo keeps a solved captcha and nobody waits for sharp.
 */
export async function checkPublicSession(db: Db, input: PublicSubmissionInput, now: Date): Promise<SessionDetails> {
  const errors: FieldError[] = [];
  const communeCode = input.communeCode.trim();
  const schoolCodes = [...new Set(input.schoolCodes.map((code) => code.trim()).filter(Boolean))];
  if (!communeCode) errors.push({ field: 'communeCode', message: 'Chọn xã, phường nơi tổ chức buổi tuyên truyền.' });
  else if (!input.includeCommune && schoolCodes.length === 0) {
    errors.push({ field: 'includeCommune', message: 'Đánh dấu ô tuyên truyền cho người dân của xã, phường, hoặc nhập mã trường được tuyên truyền.' });
  }
  if (!input.reporterName.trim()) errors.push({ field: 'reporterName', message: 'Nhập họ và tên người báo cáo.' });
  const units: UnitRef[] = [
    ...(input.includeCommune && communeCode ? [{ kind: 'commune' as const, code: communeCode }] : []),
    ...schoolCodes.map((code) => ({ kind: 'school' as const, code })),
  ];
  let details;
  try {
    details = parseSessionDetails({ ...input, units: units.length ? units : [{ kind: 'commune', code: communeCode || '-' }] }, now);
  } catch (error) {
    if (!(error instanceof OutreachRefusal)) throw error;
    errors.push(...error.errors.filter((problem) => !errors.some((known) => known.field === problem.field)));
  }
  if (errors.length || !details) throw new OutreachRefusal(422, errors);
  if (schoolCodes.length) await assertSchoolsInCommune(db, communeCode, schoolCodes);
  return details;
}

/** Stores a checked public report, pending review. */
export function storePublicSession(db: Db, details: SessionDetails, options: { evidence: readonly CleanEvidence[]; now: Date }): Promise<string> {
  return insertSession(db, details, { actor: null, status: 'pending', evidence: options.evidence, now: options.now });
}

async function assertSchoolsInCommune(db: Db, communeCode: string, schoolCodes: string[]): Promise<void> {
  const [rows, [former], [current]] = await Promise.all([
    db.select().from(schools).where(inArray(schools.code, schoolCodes)),
    db
      .select()
      .from(formerCommunes)
      .where(inArray(formerCommunes.code, [communeCode])),
    db
      .select()
      .from(communes)
      .where(inArray(communes.code, [communeCode])),
  ]);
  const chosen = current?.code ?? former?.communeCode;
  if (!chosen) throw refuse(422, 'communeCode', 'Chọn xã, phường nơi tổ chức trong danh sách.');
  const problems = schoolCodes.flatMap((code): FieldError[] => {
    const school = rows.find((row) => row.code === code);
    if (!school) return [{ field: 'schools', message: `Không có trường nào mã ${code} trong danh sách trường học. Kiểm tra lại mã trường.` }];
    if (school.communeCode !== chosen) return [{ field: 'schools', message: `${school.name} (mã ${code}) không thuộc xã, phường đã chọn.` }];
    return [];
  });
  if (problems.length) throw new OutreachRefusal(422, problems);
}
