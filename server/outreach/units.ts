import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communes, formerCommunes, schools } from '../db/schema.ts';
import { OutreachRefusal, type FieldError } from './errors.ts';

export type UnitKind = 'commune' | 'school';

/** A unit as someone reported it: a commune (current or former 5-digit code) or a school code. */
export interface UnitRef {
  kind: UnitKind;
  code: string;
}

/** A reported unit resolved to the current registry. */
export interface ResolvedUnit {
  kind: UnitKind;
  /** The current unit the session counts for. */
  unitCode: string;
  /** The code as reported (a former commune's code stays visible here). */
  recordedCode: string;
}

interface UnitState {
  active: boolean;
  deactivatedOn: string | null;
}

/** A unit can be credited with a session held while it was active (before it was deactivated). */
const openOn = (unit: UnitState, heldOn: string) => unit.active || (unit.deactivatedOn !== null && heldOn < unit.deactivatedOn);

/**
 * Maps reported units onto the current registry: a former commune code counts for the commune it merged
 * into (former_communes), duplicates collapse. Unknown units, and units closed before the session's date,
 * are refused with a Vietnamese message naming the code.
 */
export async function resolveUnits(db: Db, requested: readonly UnitRef[], heldOn: string): Promise<ResolvedUnit[]> {
  const communeCodes = requested.filter((unit) => unit.kind === 'commune').map((unit) => unit.code);
  const schoolCodes = requested.filter((unit) => unit.kind === 'school').map((unit) => unit.code);
  const [communeRows, formerRows, schoolRows] = await Promise.all([
    communeCodes.length ? db.select().from(communes).where(inArray(communes.code, communeCodes)) : [],
    communeCodes.length ? db.select().from(formerCommunes).where(inArray(formerCommunes.code, communeCodes)) : [],
    schoolCodes.length ? db.select().from(schools).where(inArray(schools.code, schoolCodes)) : [],
  ]);
  const formerTargets = formerRows.map((row) => row.communeCode).filter((code) => !communeRows.some((row) => row.code === code));
  const targetRows = formerTargets.length ? await db.select().from(communes).where(inArray(communes.code, formerTargets)) : [];
  const communeByCode = new Map([...communeRows, ...targetRows].map((row) => [row.code, row]));
  const formerByCode = new Map(formerRows.map((row) => [row.code, row]));
  const schoolByCode = new Map(schoolRows.map((row) => [row.code, row]));

  const errors: FieldError[] = [];
  const resolved = new Map<string, ResolvedUnit>();
  for (const unit of requested) {
    if (unit.kind === 'commune') {
      const current = communeByCode.get(unit.code) ?? communeByCode.get(formerByCode.get(unit.code)?.communeCode ?? '');
      if (!current) {
        errors.push({ field: 'communeCode', message: `Không có xã, phường nào mã ${unit.code}. Chọn xã, phường trong danh sách.` });
      } else if (!openOn(current, heldOn)) {
        errors.push({ field: 'communeCode', message: `${current.name} đã ngừng hoạt động trước ngày tổ chức buổi tuyên truyền.` });
      } else if (!resolved.has(`commune:${current.code}`)) {
        resolved.set(`commune:${current.code}`, { kind: 'commune', unitCode: current.code, recordedCode: unit.code });
      }
    } else {
      const school = schoolByCode.get(unit.code);
      if (!school) {
        errors.push({ field: 'schools', message: `Không có trường nào mã ${unit.code} trong danh sách trường học. Kiểm tra lại mã trường.` });
      } else if (!openOn(school, heldOn)) {
        errors.push({ field: 'schools', message: `${school.name} đã ngừng hoạt động trước ngày tổ chức buổi tuyên truyền.` });
      } else {
        resolved.set(`school:${school.code}`, { kind: 'school', unitCode: school.code, recordedCode: unit.code });
      }
    }
  }
  if (errors.length) throw new OutreachRefusal(422, errors);
  return [...resolved.values()];
}
