import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formerCommunes } from '#server/db/schema.ts';
import { loadProgress } from '#server/outreach/progress.ts';
import { setUnitActive } from '#server/outreach/registry-admin.ts';
import { approveSession } from '#server/outreach/review.ts';
import { submitPublicSession } from '#server/outreach/public-submission.ts';
import { recordSession } from '#server/outreach/sessions.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';
import { admin, importSampleSchools, publicInput, sessionInput, supervisor, VINH } from '../../helpers/outreach.ts';

const NOW = new Date('2026-07-01T03:00:00Z');

describe.each(databaseKinds)('coverage of target III.2 on %s', (kind) => {
  let database: TestDatabase;
  let other: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const [former] = await database.db.select().from(formerCommunes).where(eq(formerCommunes.communeCode, '16681'));
    other = (await database.db.query.communes.findFirst({ where: (table, { ne }) => ne(table.code, VINH) }))!.code;
    expect(former).toBeDefined();
    await importSampleSchools(database.db, other);
  });
  afterAll(() => database.dispose());

  it('counts a session held at 00:30 on 1 January in Vietnam in the new year, not the old one', async () => {
    await recordSession(database.db, admin, sessionInput({ heldOn: '2025-12-31T17:30:00Z', units: [{ kind: 'school', code: 'XK-TH' }] }), { now: NOW });
    const [y2025, y2026] = await Promise.all([loadProgress(database.db, 2025, NOW), loadProgress(database.db, 2026, NOW)]);
    expect(y2025.schoolList.find((school) => school.code === 'XK-TH')?.reached).toBe(false);
    expect(y2026.schoolList.find((school) => school.code === 'XK-TH')).toMatchObject({ reached: true, firstReachedOn: '2026-01-01' });
  });

  it('counts a session on 31 December in Vietnam in that year', async () => {
    await recordSession(database.db, admin, sessionInput({ heldOn: '2024-12-31T16:59:00Z', units: [{ kind: 'school', code: 'TV-THPT' }] }), { now: NOW });
    const y2024 = await loadProgress(database.db, 2024, NOW);
    expect(y2024.schools).toMatchObject({ reached: 1 });
    expect(y2024.schoolList.find((school) => school.code === 'TV-THPT')?.firstReachedOn).toBe('2024-12-31');
  });

  it('leaves a pending public submission uncounted until a supervisor approves it', async () => {
    const id = await submitPublicSession(database.db, publicInput({ heldOn: '2026-02-03', schoolCodes: ['TV-THCS'] }), { now: NOW });
    const before = await loadProgress(database.db, 2026, NOW);
    expect(before.schoolList.find((school) => school.code === 'TV-THCS')?.reached).toBe(false);
    expect(before.byMonth[1]!.sessions).toBe(0);
    await approveSession(database.db, supervisor, id, NOW);
    const after = await loadProgress(database.db, 2026, NOW);
    expect(after.schoolList.find((school) => school.code === 'TV-THCS')).toMatchObject({ reached: true, sessions: 1 });
    expect(after.byMonth[1]!.sessions).toBe(1);
    expect(after.byForm.find((row) => row.form === 'hop-dan')!.sessions).toBeGreaterThanOrEqual(1);
  });

  it('credits a session recorded under a former commune code to the commune it merged into', async () => {
    const [former] = await database.db.select().from(formerCommunes).where(eq(formerCommunes.communeCode, VINH));
    await recordSession(database.db, admin, sessionInput({ heldOn: '2023-05-05', units: [{ kind: 'commune', code: former!.code }] }), { now: NOW });
    const y2023 = await loadProgress(database.db, 2023, NOW);
    expect(y2023.communeList.find((commune) => commune.code === VINH)).toMatchObject({ reached: true, sessions: 1 });
    expect(y2023.communes.reached).toBe(1);
    expect(y2023.communes.total).toBe(130);
  });

  it('keeps a unit deactivated mid-year in that year only if it was reached before, and drops it from later years', async () => {
    // Reached school TV-THPT in 2026-04, then closed in 2026-05; school XK-TH was reached on 1 Jan 2026.
    await recordSession(database.db, admin, sessionInput({ heldOn: '2026-04-02', units: [{ kind: 'school', code: 'TV-THPT' }] }), { now: NOW });
    await setUnitActive(database.db, admin, 'school', 'TV-THPT', false, new Date('2026-05-20T02:00:00Z'));
    // An unreached commune closes mid-year: it leaves the denominator of 2026.
    await setUnitActive(database.db, admin, 'commune', other, false, new Date('2026-05-20T02:00:00Z'));
    const [y2026, y2027, y2025] = await Promise.all([
      loadProgress(database.db, 2026, NOW),
      loadProgress(database.db, 2027, NOW),
      loadProgress(database.db, 2025, NOW),
    ]);
    expect(y2026.schoolList.find((school) => school.code === 'TV-THPT')?.reached).toBe(true);
    expect(y2026.schools.total).toBe(3);
    expect(y2026.communes.total).toBe(129);
    expect(y2026.communeList.some((commune) => commune.code === other)).toBe(false);
    expect(y2027.schools.total).toBe(2);
    expect(y2027.schoolList.some((school) => school.code === 'TV-THPT')).toBe(false);
    expect(y2025.communes.total).toBe(130);
    expect(y2025.schools.total).toBe(3);
  });

  it('refuses a session for a unit after the day it was deactivated', async () => {
    await expect(
      recordSession(database.db, admin, sessionInput({ heldOn: '2026-06-01', units: [{ kind: 'school', code: 'TV-THPT' }] }), { now: NOW }),
    ).rejects.toMatchObject({
      status: 422,
      errors: [{ field: 'schools', message: 'Trường THPT Huỳnh Thúc Kháng đã ngừng hoạt động trước ngày tổ chức buổi tuyên truyền.' }],
    });
  });

  it('sorts communes the Vietnamese way and counts down to the 6-month report', async () => {
    const progress = await loadProgress(database.db, 2026, new Date('2026-06-10T05:00:00Z'));
    const names = progress.communeList.map((commune) => commune.name.replace(/^(Xã|Phường) /, ''));
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    expect(progress.deadline).toEqual({ year: 2026, kind: 'six-month', dueBefore: '2026-06-16', daysLeft: 6 });
    const late = await loadProgress(database.db, 2026, new Date('2026-12-20T05:00:00Z'));
    expect(late.deadline).toMatchObject({ year: 2027, kind: 'six-month', dueBefore: '2027-06-16' });
  });
});
