import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLAN_AGENCIES } from '#server/outreach/agencies.ts';
import { createSubmissionRateLimiter } from '#server/outreach/submission-rate-limit.ts';
import { parseSchoolLevel } from '#server/outreach/school-levels.ts';

describe('the organising agencies of plan IV', () => {
  it('are seeded by migration 0006 exactly as listed in agencies.ts', () => {
    const sql = readFileSync(new URL('../../server/db/migrations/0006_outreach_agencies.sql', import.meta.url), 'utf8');
    const rows = [...sql.matchAll(/\('([^']+)', '([^']+)', (\d+)\)/g)].map(([, code, name, item]) => ({ code, name, planItem: Number(item) }));
    expect(rows).toEqual(PLAN_AGENCIES);
    expect(new Set(PLAN_AGENCIES.map((agency) => agency.planItem)).size).toBe(21);
  });
});

describe('school levels', () => {
  it('reads the six levels however a school list spells them', () => {
    expect(['Mầm non', 'TIỂU HỌC', 'Trung học cơ sở', 'thpt', 'Giáo dục thường xuyên', 'Khác'].map(parseSchoolLevel)).toEqual([
      'mam-non',
      'tieu-hoc',
      'thcs',
      'thpt',
      'gdtx',
      'khac',
    ]);
    expect(parseSchoolLevel('Đại học')).toBeNull();
  });
});

describe('the public submission rate limit', () => {
  it('caps submissions per unit and overall within the window, then lets them through again', () => {
    let clock = 0;
    const limiter = createSubmissionRateLimiter({ windowMs: 1000, overall: 3, perUnit: 2 }, () => clock);
    expect([limiter.tryTake(['a']), limiter.tryTake(['a']), limiter.tryTake(['a'])]).toEqual([true, true, false]);
    expect(limiter.tryTake(['b'])).toBe(true);
    expect(limiter.tryTake(['c'])).toBe(false);
    clock = 1001;
    expect(limiter.tryTake(['a'])).toBe(true);
  });
});
