import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { forgetRoutingContext } from '../tips/routing-context.ts';
import { communes, schools } from '../db/schema.ts';
import { assertAdministrator } from './access.ts';
import { recordOutreachAudit } from './audit-port.ts';
import { refuse } from './errors.ts';
import { isSchoolLevel, type SchoolLevel } from './school-levels.ts';
import { vietnamDate } from '#shared/time/vietnam-time.ts';

/**
 * Administrators keep the registry of units the target counts: add and edit schools, edit communes (name,
 * border and coastal tags shared with tip routing), and deactivate either. A unit is never deleted, since
 * past sessions point at it.
 *
 * Deactivation rule for coverage: a unit deactivated on day D leaves the target from D's year on — except
 * that in D's year it still counts (as reached) when it had an approved session before D. Earlier years are
 * unchanged.
 */
export interface SchoolFields {
  code: string;
  name: string;
  level: SchoolLevel;
  communeCode: string;
}

async function assertCommuneExists(db: Db, code: string): Promise<void> {
  const [row] = await db.select({ code: communes.code }).from(communes).where(eq(communes.code, code));
  if (!row) throw refuse(422, 'communeCode', `Không có xã, phường nào mã ${code}.`);
}

function checkSchoolFields(fields: Omit<SchoolFields, 'code'>): Omit<SchoolFields, 'code'> {
  const name = fields.name.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (!name || name.length > 200) throw refuse(422, 'name', 'Nhập tên trường, tối đa 200 ký tự.');
  if (!isSchoolLevel(fields.level)) throw refuse(422, 'level', 'Chọn cấp học: Mầm non, Tiểu học, THCS, THPT, GDTX hoặc Khác.');
  return { ...fields, name };
}

export async function createSchool(db: Db, actor: Actor, fields: SchoolFields): Promise<void> {
  assertAdministrator(actor, 'thêm trường học');
  const code = fields.code.trim();
  if (!/^[\p{L}\p{N}._-]{1,32}$/u.test(code)) throw refuse(422, 'code', 'Mã trường chỉ gồm chữ, số, dấu chấm, gạch ngang, tối đa 32 ký tự.');
  const checked = checkSchoolFields(fields);
  await db.transaction(async (tx) => {
    await assertCommuneExists(tx, checked.communeCode);
    const [existing] = await tx.select({ code: schools.code }).from(schools).where(eq(schools.code, code));
    if (existing) throw refuse(409, 'code', `Đã có trường mã ${code}.`);
    await tx.insert(schools).values({ code, ...checked });
    await recordOutreachAudit(tx, { actor, action: 'outreach.school.create', subjectType: 'school', subjectId: code, details: { ...checked } });
  });
}

export async function updateSchool(db: Db, actor: Actor, code: string, fields: Omit<SchoolFields, 'code'>): Promise<void> {
  assertAdministrator(actor, 'sửa thông tin trường học');
  const checked = checkSchoolFields(fields);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(schools).where(eq(schools.code, code));
    if (!before) throw refuse(404, 'code', `Không có trường mã ${code}.`);
    await assertCommuneExists(tx, checked.communeCode);
    await tx
      .update(schools)
      .set({ ...checked, updatedAt: new Date() })
      .where(eq(schools.code, code));
    await recordOutreachAudit(tx, {
      actor,
      action: 'outreach.school.update',
      subjectType: 'school',
      subjectId: code,
      details: { before: { name: before.name, level: before.level, communeCode: before.communeCode }, after: checked },
    });
  });
}

/** Deactivates (from today, Vietnam time) or reactivates a school or commune. */
export async function setUnitActive(db: Db, actor: Actor, kind: 'school' | 'commune', code: string, active: boolean, now: Date = new Date()): Promise<void> {
  assertAdministrator(actor, active ? 'mở lại đơn vị' : 'ngừng theo dõi đơn vị');
  const table = kind === 'school' ? schools : communes;
  const deactivatedOn = active ? null : vietnamDate(now);
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ active: table.active }).from(table).where(eq(table.code, code));
    if (!row) throw refuse(404, 'code', kind === 'school' ? `Không có trường mã ${code}.` : `Không có xã, phường nào mã ${code}.`);
    if (row.active === active) return;
    await tx.update(table).set({ active, deactivatedOn, updatedAt: now }).where(eq(table.code, code));
    await recordOutreachAudit(tx, {
      actor,
      action: active ? `outreach.${kind}.reactivate` : `outreach.${kind}.deactivate`,
      subjectType: kind,
      subjectId: code,
      details: { deactivatedOn },
    });
  });
}

export interface CommuneFields {
  name: string;
  isBorder: boolean;
  isCoastal: boolean;
}

/** Edits a commune's name and its border/coastal tags (derived at seeding, owned by administrators after). */
export async function updateCommune(db: Db, actor: Actor, code: string, fields: CommuneFields): Promise<void> {
  assertAdministrator(actor, 'sửa thông tin xã, phường');
  const name = fields.name.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (!/^(Xã|Phường) \S/u.test(name) || name.length > 120) throw refuse(422, 'name', 'Tên phải bắt đầu bằng "Xã" hoặc "Phường", tối đa 120 ký tự.');
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(communes).where(eq(communes.code, code));
    if (!before) throw refuse(404, 'code', `Không có xã, phường nào mã ${code}.`);
    const after = { name, kind: name.startsWith('Phường') ? ('phuong' as const) : ('xa' as const), isBorder: fields.isBorder, isCoastal: fields.isCoastal };
    await tx
      .update(communes)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(communes.code, code));
    await recordOutreachAudit(tx, {
      actor,
      action: 'outreach.commune.update',
      subjectType: 'commune',
      subjectId: code,
      details: { before: { name: before.name, isBorder: before.isBorder, isCoastal: before.isCoastal }, after },
    });
  });
}

export async function listSchools(db: Db, communeCode?: string) {
  const query = db.select().from(schools);
  return (communeCode ? query.where(eq(schools.communeCode, communeCode)) : query).orderBy(asc(schools.code));
}

export async function findSchool(db: Db, code: string) {
  const [row] = await db.select().from(schools).where(eq(schools.code, code));
  return row ?? null;
}

export function listCommunes(db: Db) {
  return db.select().from(communes).orderBy(asc(communes.code));
}

/** The communes page's one save: border and coastal tags and the active flag, together or not at all. */
export async function updateCommuneSettings(
  db: Db,
  actor: Actor,
  code: string,
  settings: { isBorder: boolean; isCoastal: boolean; active: boolean },
  now: Date = new Date(),
): Promise<void> {
  assertAdministrator(actor, 'sửa thông tin xã, phường');
  await db.transaction(async (tx) => {
    const [commune] = await tx.select().from(communes).where(eq(communes.code, code));
    if (!commune) throw refuse(404, 'code', `Không có xã, phường nào mã ${code}.`);
    await updateCommune(tx, actor, code, { name: commune.name, isBorder: settings.isBorder, isCoastal: settings.isCoastal });
    await setUnitActive(tx, actor, 'commune', code, settings.active, now);
  });
  // Tags and the active flag decide routing: the next tip must see them, not a cached copy.
  forgetRoutingContext(db);
}
