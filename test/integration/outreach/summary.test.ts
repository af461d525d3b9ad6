import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outreachFormMonthStats, outreachUnitYearStats } from '#server/db/schema.ts';
import { loadProgress } from '#server/outreach/progress.ts';
import { submitPublicSession } from '#server/outreach/public-submission.ts';
import { approveSession, rejectSession } from '#server/outreach/review.ts';
import { recordSession, updateSession } from '#server/outreach/sessions.ts';
import { rebuildOutreachSummary } from '#server/outreach/summary.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';
import { admin, importSampleSchools, publicInput, sessionInput, supervisor, VINH } from '../../helpers/outreach.ts';

const NOW = new Date('2026-07-01T03:00:00Z');

describe.each(databaseKinds)('the progress summaries on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const other = (await database.db.query.communes.findFirst({ where: (table, { ne }) => ne(table.code, VINH) }))!.code;
    await importSampleSchools(database.db, other);
  });
  afterAll(() => database.dispose());

  const snapshot = async () => {
    const units = await database.db.select().from(outreachUnitYearStats);
    const forms = await database.db.select().from(outreachFormMonthStats);
    const key = (row: object) => JSON.stringify(row);
    return { units: units.map(key).sort(), forms: forms.map(key).sort() };
  };

  it('follow every record, edit, approval and rejection, and equal a computation from scratch', async () => {
    const moved = await recordSession(database.db, admin, sessionInput({ heldOn: '2025-11-20', units: [{ kind: 'school', code: 'TV-THCS' }], audience: 40 }), {
      now: NOW,
    });
    await recordSession(
      database.db,
      admin,
      sessionInput({
        heldOn: '2025-11-25',
        units: [
          { kind: 'school', code: 'TV-THCS' },
          { kind: 'commune', code: VINH },
        ],
      }),
      { now: NOW },
    );
    await updateSession(
      database.db,
      admin,
      moved,
      sessionInput({ heldOn: '2026-01-05', units: [{ kind: 'school', code: 'TV-THPT' }], form: 'thi-tim-hieu', audience: 55 }),
      NOW,
    );
    const pending = await submitPublicSession(database.db, publicInput({ heldOn: '2026-02-03', schoolCodes: ['TV-THCS'] }), { now: NOW });
    const y2026Pending = await loadProgress(database.db, 2026, NOW);
    expect(y2026Pending.schoolList.find((school) => school.code === 'TV-THCS')?.reached).toBe(false);
    await approveSession(database.db, supervisor, pending, NOW);
    const wrong = await recordSession(database.db, admin, sessionInput({ heldOn: '2026-02-10', units: [{ kind: 'school', code: 'TV-THCS' }] }), { now: NOW });
    await rejectSession(database.db, supervisor, wrong, 'Trùng với buổi đã báo cáo', NOW);

    const [y2025, y2026] = await Promise.all([loadProgress(database.db, 2025, NOW), loadProgress(database.db, 2026, NOW)]);
    expect(y2025.schoolList.find((school) => school.code === 'TV-THCS')).toMatchObject({ reached: true, sessions: 1, firstReachedOn: '2025-11-25' });
    expect(y2025.byMonth[10]!.sessions).toBe(1);
    expect(y2026.schoolList.find((school) => school.code === 'TV-THPT')).toMatchObject({ reached: true, sessions: 1, firstReachedOn: '2026-01-05' });
    expect(y2026.schoolList.find((school) => school.code === 'TV-THCS')).toMatchObject({ reached: true, sessions: 1, firstReachedOn: '2026-02-03' });
    expect(y2026.byForm.find((row) => row.form === 'thi-tim-hieu')).toEqual({ form: 'thi-tim-hieu', sessions: 1, audience: 55 });
    expect(y2026.byMonth[1]!.sessions).toBe(1);

    const maintained = await snapshot();
    await rebuildOutreachSummary(database.db);
    expect(maintained).toEqual(await snapshot());
  });

  it('counts both of two approvals of the same school that run at the same time', async () => {
    const ids = await Promise.all(
      ['2024-04-01', '2024-03-01'].map((heldOn) => submitPublicSession(database.db, publicInput({ heldOn, schoolCodes: ['TV-THPT'] }), { now: NOW })),
    );
    await Promise.all(ids.map((id) => approveSession(database.db, supervisor, id, NOW)));
    const y2024 = await loadProgress(database.db, 2024, NOW);
    expect(y2024.schoolList.find((school) => school.code === 'TV-THPT')).toMatchObject({ sessions: 2, firstReachedOn: '2024-03-01' });
  });
});
