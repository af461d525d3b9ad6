import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutreachAudit } from '#server/outreach/audit-port.ts';
import { markReportSent, unlockReportPeriod, updateReportPeriod } from '#server/outreach/periods.ts';
import { approveSession, listPendingSessions, rejectSession } from '#server/outreach/review.ts';
import { submitPublicSession } from '#server/outreach/public-submission.ts';
import { findSession, recordSession, updateSession } from '#server/outreach/sessions.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';
import { admin, importSampleSchools, officer, publicInput, reporterOf, sessionInput, supervisor, VINH } from '../../helpers/outreach.ts';

const NOW = new Date('2026-09-01T03:00:00Z');

describe.each(databaseKinds)('who may record, review and change sessions on %s', (kind) => {
  let database: TestDatabase;
  let other: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    other = (await database.db.query.communes.findFirst({ where: (table, { ne }) => ne(table.code, VINH) }))!.code;
    await importSampleSchools(database.db, other);
  });
  afterAll(() => database.dispose());

  it('lets a reporter record a session for their own unit, counted at once and audited', async () => {
    const id = await recordSession(database.db, reporterOf('TV-THCS'), sessionInput({ units: [{ kind: 'school', code: 'TV-THCS' }] }), { now: NOW });
    expect(await findSession(database.db, id)).toMatchObject({ status: 'approved', source: 'staff', createdBy: 'u-rep-TV-THCS' });
    expect(await readOutreachAudit(database.db, id)).toEqual([expect.objectContaining({ action: 'outreach.session.create', actorUserId: 'u-rep-TV-THCS' })]);
  });

  it('refuses a reporter recording for another unit, and stores nothing', async () => {
    const attempt = recordSession(
      database.db,
      reporterOf('TV-THCS'),
      sessionInput({
        units: [
          { kind: 'school', code: 'TV-THCS' },
          { kind: 'school', code: 'XK-TH' },
        ],
      }),
      { now: NOW },
    );
    await expect(attempt).rejects.toMatchObject({
      status: 403,
      errors: [{ field: 'units', message: 'Bạn chỉ được ghi nhận buổi tuyên truyền cho đơn vị của mình (TV-THCS), không cho đơn vị XK-TH.' }],
    });
    await expect(recordSession(database.db, officer, sessionInput(), { now: NOW })).rejects.toMatchObject({ status: 403 });
  });

  it('lets supervisors and administrators record for any unit', async () => {
    await expect(recordSession(database.db, supervisor, sessionInput({ units: [{ kind: 'commune', code: other }] }), { now: NOW })).resolves.toEqual(
      expect.any(String),
    );
  });

  it('refuses bad details with a Vietnamese message per field', async () => {
    const attempt = recordSession(database.db, admin, sessionInput({ heldOn: '2026-02-30', form: 'karaoke', audience: 0, units: [] }), { now: NOW });
    await expect(attempt).rejects.toMatchObject({
      status: 422,
      errors: expect.arrayContaining([
        { field: 'heldOn', message: 'Nhập ngày tổ chức đúng dạng ngày/tháng/năm, ví dụ 15/03/2026.' },
        { field: 'units', message: 'Chọn ít nhất một xã, phường hoặc trường học được tuyên truyền.' },
        { field: 'form', message: 'Chọn hình thức tuyên truyền.' },
        { field: 'audience', message: 'Nhập số người tham dự, ít nhất 1 người.' },
      ]),
    });
    await expect(recordSession(database.db, admin, sessionInput({ heldOn: '2026-09-02' }), { now: NOW })).rejects.toMatchObject({
      errors: [{ field: 'heldOn', message: 'Ngày tổ chức không được sau ngày hôm nay.' }],
    });
  });

  it('lets only supervisors and administrators approve or reject, with a reason to reject', async () => {
    const id = await submitPublicSession(database.db, publicInput({ heldOn: '2026-08-20' }), { now: NOW });
    await expect(approveSession(database.db, reporterOf('TV-THCS'), id, NOW)).rejects.toMatchObject({ status: 403 });
    expect((await listPendingSessions(database.db, supervisor)).map((session) => session.id)).toContain(id);
    await expect(rejectSession(database.db, supervisor, id, '  ', NOW)).rejects.toMatchObject({ errors: [{ field: 'reason' }] });
    await rejectSession(database.db, supervisor, id, 'Thiếu ảnh minh chứng', NOW);
    await expect(approveSession(database.db, supervisor, id, NOW)).rejects.toMatchObject({ status: 409 });
    expect((await readOutreachAudit(database.db, id)).map((entry) => entry.action)).toEqual(['outreach.session.submit', 'outreach.session.reject']);
  });

  it('refuses a public submission whose school is not in the chosen commune', async () => {
    await expect(submitPublicSession(database.db, publicInput({ schoolCodes: ['XK-TH'] }), { now: NOW })).rejects.toMatchObject({
      errors: [{ field: 'schools', message: 'Trường Tiểu học Đặc Biệt (mã XK-TH) không thuộc xã, phường đã chọn.' }],
    });
  });

  describe('after the 6-month report is marked sent', () => {
    let lockedId: string;
    beforeAll(async () => {
      lockedId = await recordSession(database.db, supervisor, sessionInput({ heldOn: '2026-05-05' }), { now: NOW });
      await markReportSent(database.db, admin, 2026, 'six-month', NOW);
    });

    it('refuses supervisors and reporters any change to a session dated in it', async () => {
      const message = 'Ngày 05/05/2026 thuộc kỳ báo cáo 6 tháng 2026 đã gửi; chỉ quản trị viên được thay đổi.';
      await expect(updateSession(database.db, supervisor, lockedId, sessionInput({ heldOn: '2026-05-05', audience: 999 }), NOW)).rejects.toMatchObject({
        status: 409,
        errors: [{ message }],
      });
      await expect(recordSession(database.db, supervisor, sessionInput({ heldOn: '2026-04-01' }), { now: NOW })).rejects.toMatchObject({ status: 409 });
      await expect(updateSession(database.db, supervisor, lockedId, sessionInput({ heldOn: '2026-07-01' }), NOW)).rejects.toMatchObject({ status: 409 });
      const pending = await submitPublicSession(database.db, publicInput({ heldOn: '2026-03-01' }), { now: NOW });
      await expect(approveSession(database.db, supervisor, pending, NOW)).rejects.toMatchObject({ status: 409 });
    });

    it('lets an administrator change it with a reason, and logs the reason and that the period was locked', async () => {
      await expect(updateSession(database.db, admin, lockedId, sessionInput({ heldOn: '2026-05-05', audience: 999 }), NOW)).rejects.toMatchObject({
        status: 422,
        errors: [{ field: 'reason' }],
      });
      await updateSession(database.db, admin, lockedId, sessionInput({ heldOn: '2026-05-05', audience: 999 }), NOW, { reason: 'Sở GD&ĐT gửi lại số liệu' });
      const audit = await readOutreachAudit(database.db, lockedId);
      expect(audit.at(-1)).toMatchObject({
        action: 'outreach.session.update',
        actorUserId: 'u-admin',
        details: { lockedPeriod: true, reason: 'Sở GD&ĐT gửi lại số liệu', changed: { audience: { from: 120, to: 999 } } },
      });
    });

    it('leaves sessions after the period open to supervisors', async () => {
      await expect(recordSession(database.db, supervisor, sessionInput({ heldOn: '2026-06-20' }), { now: NOW })).resolves.toEqual(expect.any(String));
    });

    it('refuses to change the dates of a sent period or to send it twice', async () => {
      await expect(
        updateReportPeriod(database.db, admin, 2026, 'six-month', { coversFrom: '2026-01-01', coversTo: '2026-06-30', dueBefore: '2026-07-01' }),
      ).rejects.toMatchObject({ status: 409 });
      await expect(markReportSent(database.db, admin, 2026, 'six-month', NOW)).rejects.toMatchObject({ status: 409 });
      await expect(markReportSent(database.db, supervisor, 2026, 'annual', NOW)).rejects.toMatchObject({ status: 403 });
    });

    it('lets only an administrator unlock it, with a reason kept in the audit log; then supervisors may edit again', async () => {
      await expect(unlockReportPeriod(database.db, supervisor, 2026, 'six-month', 'Sửa số liệu')).rejects.toMatchObject({ status: 403 });
      await expect(unlockReportPeriod(database.db, admin, 2026, 'six-month', '  ')).rejects.toMatchObject({
        status: 422,
        errors: [{ field: 'reason', message: 'Nhập lý do mở khóa kỳ báo cáo.' }],
      });
      await expect(unlockReportPeriod(database.db, admin, 2026, 'annual', 'Sửa số liệu')).rejects.toMatchObject({ status: 409 });
      await unlockReportPeriod(database.db, admin, 2026, 'six-month', 'Huyện gửi bổ sung 3 buổi');
      const [entry] = (await readOutreachAudit(database.db, '2026/six-month')).filter((row) => row.action === 'outreach.period.unlock');
      expect(entry).toMatchObject({ actorUserId: 'u-admin', details: { reason: 'Huyện gửi bổ sung 3 buổi' } });
      await updateSession(database.db, supervisor, lockedId, sessionInput({ heldOn: '2026-05-05', audience: 321 }), NOW);
      expect((await findSession(database.db, lockedId))!.audience).toBe(321);
    });
  });
});
