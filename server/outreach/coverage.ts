import { vietnameseCollator } from '#shared/i18n/index.ts';
import { OUTREACH_FORMS } from '#shared/outreach/enums.ts';
import { nextDeadline, type ReportPeriod, type ReportKind } from './periods.ts';
import { monthOf, yearOf } from '#shared/time/vietnam-time.ts';

/**
 * Target III.2, computed without I/O: a unit is reached in year Y when it has at least one approved
 * session dated in Y (Vietnam calendar). Who counts in the denominator follows the deactivation rule in
 * registry-admin.ts.
 */
export type OutreachForm = (typeof OUTREACH_FORMS)[number];

export interface UnitRecord {
  code: string;
  name: string;
  active: boolean;
  deactivatedOn: string | null;
}
export interface CommuneRecord extends UnitRecord {
  kind: 'xa' | 'phuong';
  isBorder: boolean;
  isCoastal: boolean;
}
export interface SchoolRecord extends UnitRecord {
  level: string;
  communeCode: string;
}
/** Approved sessions of one unit in the year. */
export interface UnitYearStats {
  kind: 'commune' | 'school';
  code: string;
  sessions: number;
  firstOn: string;
}
export interface FormMonthStats {
  form: OutreachForm;
  month: number;
  sessions: number;
  audience: number;
}

export interface ProgressInput {
  year: number;
  today: string;
  communes: readonly CommuneRecord[];
  schools: readonly SchoolRecord[];
  unitStats: readonly UnitYearStats[];
  formMonthStats: readonly FormMonthStats[];
  /** Periods of this year and the next, for the deadline countdown. */
  periods: readonly ReportPeriod[];
}

export interface Share {
  total: number;
  reached: number;
  /** Rounded down to one decimal, so 100 means every unit. */
  percent: number;
}

export interface CommuneProgress {
  code: string;
  name: string;
  kind: 'xa' | 'phuong';
  isBorder: boolean;
  isCoastal: boolean;
  reached: boolean;
  sessions: number;
  firstReachedOn: string | null;
  schools: Share;
}
export interface SchoolProgress {
  code: string;
  name: string;
  level: string;
  communeCode: string;
  reached: boolean;
  sessions: number;
  firstReachedOn: string | null;
}

export interface Progress {
  year: number;
  today: string;
  targetPercent: 100;
  communes: Share;
  schools: Share;
  sessions: number;
  audience: number;
  byForm: { form: OutreachForm; sessions: number; audience: number }[];
  /** Sessions per month, and units reached by the end of each month (cumulative). */
  byMonth: { month: number; sessions: number; communesReached: number; schoolsReached: number }[];
  communeList: CommuneProgress[];
  schoolList: SchoolProgress[];
  deadline: { year: number; kind: ReportKind; dueBefore: string; daysLeft: number } | null;
}

export const share = (reached: number, total: number): Share => ({
  total,
  reached,
  percent: total === 0 ? 0 : Math.floor((reached * 1000) / total) / 10,
});

/** Whether a unit belongs to year Y's denominator, given whether it was reached in Y. */
export function countsInYear(unit: UnitRecord, year: number, reached: boolean): boolean {
  if (unit.deactivatedOn) {
    const closedYear = yearOf(unit.deactivatedOn);
    if (closedYear > year) return true;
    return closedYear === year && reached;
  }
  return unit.active;
}

const bareName = (name: string) => name.replace(/^(Xã|Phường)\s+/u, '');
export const byVietnameseName = (a: { name: string }, b: { name: string }) =>
  vietnameseCollator.compare(bareName(a.name), bareName(b.name)) || vietnameseCollator.compare(a.name, b.name);

/**
 * Each name's place in Vietnamese order, remembered for the last list of names seen: the registry rarely
 * changes, and collating 2,000 school names on every uncached computation cost more than the queries.
 */
let rememberedOrder: { key: string; rank: Map<string, number> } | null = null;
function vietnameseRanks(names: readonly string[]): Map<string, number> {
  const key = names.join('\u0000');
  if (rememberedOrder?.key === key) return rememberedOrder.rank;
  const unique = [...new Set(names)].map((name) => ({ name }));
  const bare = new Map(unique.map((item) => [item, bareName(item.name)]));
  unique.sort((a, b) => vietnameseCollator.compare(bare.get(a)!, bare.get(b)!) || vietnameseCollator.compare(a.name, b.name));
  const rank = new Map(unique.map((item, index) => [item.name, index]));
  rememberedOrder = { key, rank };
  return rank;
}

/** Sorts in place like byVietnameseName. */
function sortByVietnameseName<T extends { name: string }>(list: T[], rank: Map<string, number>): void {
  // Looked up once per item, not twice per comparison.
  const ranked = list.map((item) => ({ item, rank: rank.get(item.name)! }));
  ranked.sort((a, b) => a.rank - b.rank);
  ranked.forEach((entry, index) => (list[index] = entry.item));
}

export function computeProgress(input: ProgressInput): Progress {
  const stats = { commune: new Map<string, UnitYearStats>(), school: new Map<string, UnitYearStats>() };
  for (const row of input.unitStats) stats[row.kind].set(row.code, row);
  const statOf = (kind: 'commune' | 'school', code: string) => stats[kind].get(code);

  const schoolList: SchoolProgress[] = input.schools
    .map((school) => ({ school, stat: statOf('school', school.code) }))
    .filter(({ school, stat }) => countsInYear(school, input.year, Boolean(stat)))
    .map(({ school, stat }) => ({
      code: school.code,
      name: school.name,
      level: school.level,
      communeCode: school.communeCode,
      reached: Boolean(stat),
      sessions: stat?.sessions ?? 0,
      firstReachedOn: stat?.firstOn ?? null,
    }));
  // One ranking for communes and schools together, so it stays the same list from call to call.
  const rank = vietnameseRanks([...input.communes.map((unit) => unit.name), ...input.schools.map((unit) => unit.name)]);
  sortByVietnameseName(schoolList, rank);
  const schoolsByCommune = new Map<string, SchoolProgress[]>();
  for (const school of schoolList) {
    const own = schoolsByCommune.get(school.communeCode);
    if (own) own.push(school);
    else schoolsByCommune.set(school.communeCode, [school]);
  }
  const communeList: CommuneProgress[] = input.communes
    .map((commune) => ({ commune, stat: statOf('commune', commune.code) }))
    .filter(({ commune, stat }) => countsInYear(commune, input.year, Boolean(stat)))
    .map(({ commune, stat }) => {
      const own = schoolsByCommune.get(commune.code) ?? [];
      return {
        code: commune.code,
        name: commune.name,
        kind: commune.kind,
        isBorder: commune.isBorder,
        isCoastal: commune.isCoastal,
        reached: Boolean(stat),
        sessions: stat?.sessions ?? 0,
        firstReachedOn: stat?.firstOn ?? null,
        schools: share(own.filter((school) => school.reached).length, own.length),
      };
    });
  sortByVietnameseName(communeList, rank);

  const byForm = OUTREACH_FORMS.map((form) => {
    const rows = input.formMonthStats.filter((row) => row.form === form);
    return { form, sessions: sum(rows.map((row) => row.sessions)), audience: sum(rows.map((row) => row.audience)) };
  });
  // Units first reached in each month, then summed month by month: one pass over each list.
  const firstReachedByMonth = (list: readonly { firstReachedOn: string | null }[]) => {
    const counts = new Array<number>(13).fill(0);
    for (const unit of list) if (unit.firstReachedOn !== null) counts[monthOf(unit.firstReachedOn)]!++;
    for (let month = 1; month <= 12; month++) counts[month]! += counts[month - 1]!;
    return counts;
  };
  const communesByMonth = firstReachedByMonth(communeList);
  const schoolsByMonth = firstReachedByMonth(schoolList);
  const sessionsByMonth = new Array<number>(13).fill(0);
  for (const row of input.formMonthStats) sessionsByMonth[row.month]! += row.sessions;
  const byMonth = Array.from({ length: 12 }, (_, index) => index + 1).map((month) => ({
    month,
    sessions: sessionsByMonth[month]!,
    communesReached: communesByMonth[month]!,
    schoolsReached: schoolsByMonth[month]!,
  }));
  const deadline = nextDeadline(input.periods, input.today);

  return {
    year: input.year,
    today: input.today,
    targetPercent: 100,
    communes: share(communeList.filter((commune) => commune.reached).length, communeList.length),
    schools: share(schoolList.filter((school) => school.reached).length, schoolList.length),
    sessions: sum(byForm.map((row) => row.sessions)),
    audience: sum(byForm.map((row) => row.audience)),
    byForm,
    byMonth,
    communeList,
    schoolList,
    deadline: deadline && { year: deadline.period.year, kind: deadline.period.kind, dueBefore: deadline.period.dueBefore, daysLeft: deadline.daysLeft },
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
