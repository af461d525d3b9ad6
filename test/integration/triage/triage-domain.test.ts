import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#server/auth/actor.ts';
import { auditLog, tipLinks, tipMessages, tipNotes, tips, tipTags } from '#server/db/schema.ts';
import { TipNotFound, TriageError, TriageForbidden } from '#server/triage/access.ts';
import { addNote, replyToTipster } from '#server/triage/conversation-actions.ts';
import { addTag, linkTip, removeTag } from '#server/triage/link-actions.ts';
import { countQueueTipsByStatus, listQueueTips } from '#server/triage/queue-list.ts';
import { tipDetail, tipPhoto } from '#server/triage/tip-detail.ts';
import { assignTip, changeStatus, transferTip } from '#server/triage/workflow-actions.ts';
import { tipPublicView } from '#server/tips/follow-up.ts';
import type { Secrets } from '#server/secrets.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';
import { testSecrets } from '../../helpers/test-app.ts';
import { staffActor, storeTip } from '../../helpers/triage.ts';

describe.each(databaseKinds)('triage domain on %s', (kind) => {
  let database: TestDatabase;
  let secrets: Secrets;
  let officer: Actor; // pc04
  let colleague: Actor; // pc04
  let supervisor: Actor; // pc04
  let copyOfficer: Actor; // bien-phong (copies)
  let customsOfficer: Actor; // hai-quan
  let admin: Actor;
  let reporter: Actor;
  const db = () => database.db;
  const tipRow = async (id: number) => (await db().select().from(tips).where(eq(tips.id, id)))[0]!;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    secrets = testSecrets();
    officer = await staffActor(db(), 'can.bo', 'officer', ['pc04']);
    colleague = await staffActor(db(), 'dong.nghiep', 'officer', ['pc04']);
    supervisor = await staffActor(db(), 'lanh.dao', 'supervisor', ['pc04']);
    copyOfficer = await staffActor(db(), 'bien.phong', 'officer', ['bien-phong']);
    customsOfficer = await staffActor(db(), 'hai.quan', 'officer', ['hai-quan']);
    admin = await staffActor(db(), 'quan.tri', 'admin');
    reporter = await staffActor(db(), 'tuyen.truyen', 'reporter');
  });
  afterAll(() => database?.dispose());

  describe('scope', () => {
    it('shows a tip to its owner queue, its copy queues and administrators, and to nobody else', async () => {
      const id = await storeTip(db(), secrets, { owner: 'pc04', copies: ['bien-phong'] });
      expect((await tipDetail(db(), secrets, officer, id))?.access).toBe('owner');
      expect((await tipDetail(db(), secrets, copyOfficer, id))?.access).toBe('copy');
      expect((await tipDetail(db(), secrets, admin, id))?.access).toBe('owner');
      expect(await tipDetail(db(), secrets, customsOfficer, id)).toBeNull();
      expect(await tipDetail(db(), secrets, reporter, id)).toBeNull();
      expect(await tipDetail(db(), secrets, officer, 99_999_999)).toBeNull();
    });

    it('decrypts the description and place for the caller and records each view', async () => {
      const id = await storeTip(db(), secrets, { description: 'Nhà số 12 ngõ 4 có người bán hàng đêm khuya, nhiều xe lạ.', place: 'Ngõ 4 Lê Lợi' });
      const detail = await tipDetail(db(), secrets, officer, id);
      expect(detail).toMatchObject({
        description: 'Nhà số 12 ngõ 4 có người bán hàng đêm khuya, nhiều xe lạ.',
        place: 'Ngõ 4 Lê Lợi',
        communeName: expect.stringContaining('Thành Vinh'),
      });
      const views = await db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.targetId, String(id)));
      expect(views.filter((row) => row.action === 'tip.viewed')).toHaveLength(1);
      expect(views.find((row) => row.action === 'tip.viewed')!.actorId).toBe(officer.userId);
    });

    it('refuses every action on a tip outside the caller’s scope as if it did not exist, and changes nothing', async () => {
      const id = await storeTip(db(), secrets, { owner: 'pc04' });
      const before = await tipRow(id);
      const attempts = [
        () => changeStatus(db(), customsOfficer, id, 'dang-xac-minh'),
        () => assignTip(db(), customsOfficer, id, customsOfficer.userId),
        () => transferTip(db(), customsOfficer, id, 'hai-quan', 'Thuộc thẩm quyền hải quan cửa khẩu.'),
        () => addNote(db(), secrets, customsOfficer, id, 'Ghi chú'),
        () => replyToTipster(db(), secrets, customsOfficer, id, 'Cảm ơn bạn'),
        () => linkTip(db(), customsOfficer, id, '1', 'related'),
        () => addTag(db(), customsOfficer, id, 'điểm nóng'),
        () => removeTag(db(), customsOfficer, id, 'điểm nóng'),
        () => changeStatus(db(), reporter, id, 'dang-xac-minh'),
      ];
      for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(TipNotFound);
      expect(await tipRow(id)).toEqual(before);
      expect(await tipPhoto(db(), secrets, customsOfficer, id, 1)).toBeNull();
    });

    it('lets a copy queue read and add notes, and nothing else', async () => {
      const id = await storeTip(db(), secrets, { owner: 'pc04', copies: ['bien-phong'] });
      await addNote(db(), secrets, copyOfficer, id, 'Đồn biên phòng đã ghi nhận địa điểm này.');
      await expect(changeStatus(db(), copyOfficer, id, 'dang-xac-minh')).rejects.toBeInstanceOf(TriageForbidden);
      await expect(replyToTipster(db(), secrets, copyOfficer, id, 'Cảm ơn bạn')).rejects.toBeInstanceOf(TriageForbidden);
      await expect(addTag(db(), copyOfficer, id, 'biên giới')).rejects.toBeInstanceOf(TriageForbidden);
      const detail = await tipDetail(db(), secrets, officer, id);
      expect(detail!.notes.map((note) => [note.authorName, note.text])).toEqual([['bien.phong', 'Đồn biên phòng đã ghi nhận địa điểm này.']]);
      expect((await tipRow(id)).status).toBe('moi');
    });
  });

  describe('actions', () => {
    it('changes the status: first_action_at once, closed_at on closing, cleared on reopening, audited', async () => {
      const id = await storeTip(db(), secrets);
      const first = new Date('2026-11-25T02:00:00Z');
      await changeStatus(db(), officer, id, 'dang-xac-minh', first);
      expect(await tipRow(id)).toMatchObject({ status: 'dang-xac-minh', firstActionAt: first, closedAt: null, updatedAt: first });
      const closing = new Date('2026-11-26T02:00:00Z');
      await changeStatus(db(), officer, id, 'da-xu-ly', closing);
      expect(await tipRow(id)).toMatchObject({ status: 'da-xu-ly', firstActionAt: first, closedAt: closing });
      await changeStatus(db(), officer, id, 'dang-xac-minh', new Date('2026-11-27T02:00:00Z'));
      expect(await tipRow(id)).toMatchObject({ closedAt: null, firstActionAt: first });
      const entries = await db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.targetId, String(id)));
      expect(entries.filter((row) => row.action === 'tip.status.changed').map((row) => row.detail)).toEqual([
        { from: 'moi', to: 'dang-xac-minh' },
        { from: 'dang-xac-minh', to: 'da-xu-ly' },
        { from: 'da-xu-ly', to: 'dang-xac-minh' },
      ]);
      expect((await tipPublicView(db(), secrets, id)).statusLabel).toBe('Đang xác minh');
    });

    it('refuses an unknown status, the current status, and statuses only links or transfers set', async () => {
      const id = await storeTip(db(), secrets);
      for (const status of ['khong-ton-tai', 'moi', 'trung-lap', 'da-chuyen']) {
        await expect(changeStatus(db(), officer, id, status)).rejects.toMatchObject({ name: 'TriageError', field: 'status' });
      }
      expect(await tipRow(id)).toMatchObject({ status: 'moi', firstActionAt: null });
    });

    it('lets an officer take a tip nobody holds and give it back, but only a supervisor give it to someone else', async () => {
      const id = await storeTip(db(), secrets);
      await expect(assignTip(db(), officer, id, colleague.userId)).rejects.toBeInstanceOf(TriageForbidden);
      await assignTip(db(), officer, id, officer.userId);
      expect((await tipRow(id)).assignedUserId).toBe(officer.userId);
      expect((await tipRow(id)).firstActionAt).not.toBeNull();
      await expect(assignTip(db(), colleague, id, null)).rejects.toBeInstanceOf(TriageForbidden);
      await expect(assignTip(db(), colleague, id, colleague.userId)).rejects.toBeInstanceOf(TriageForbidden);
      await assignTip(db(), supervisor, id, colleague.userId);
      expect((await tipRow(id)).assignedUserId).toBe(colleague.userId);
      await expect(assignTip(db(), supervisor, id, customsOfficer.userId)).rejects.toMatchObject({ field: 'assignee' });
      await assignTip(db(), colleague, id, null);
      expect((await tipRow(id)).assignedUserId).toBeNull();
    });

    it('transfers a tip: the new queue’s officer gains it, the old queue’s officer loses it, the tipster reads “transferred”', async () => {
      const id = await storeTip(db(), secrets, { owner: 'pc04', copies: ['hai-quan'] });
      await assignTip(db(), officer, id, officer.userId);
      await expect(transferTip(db(), officer, id, 'hai-quan', 'Hàng hóa qua cửa khẩu, thuộc hải quan.')).rejects.toBeInstanceOf(TriageForbidden);
      await transferTip(db(), supervisor, id, 'hai-quan', 'Hàng hóa qua cửa khẩu, thuộc hải quan.');
      const moved = await tipRow(id);
      expect(moved).toMatchObject({ ownerQueueCode: 'hai-quan', status: 'da-chuyen', assignedUserId: null, closedAt: null });
      expect(moved.routingReason).toMatch(/lanh\.dao chuyển từ Phòng Cảnh sát điều tra .* sang Cục Hải quan Nghệ An: Hàng hóa qua cửa khẩu, thuộc hải quan\.$/);
      expect(await tipDetail(db(), secrets, officer, id)).toBeNull();
      const detail = await tipDetail(db(), secrets, customsOfficer, id);
      expect(detail).toMatchObject({ access: 'owner', copyQueues: [] });
      await changeStatus(db(), customsOfficer, id, 'dang-xac-minh');
      expect((await tipPublicView(db(), secrets, id)).status).toBe('dang-xac-minh');
      const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'tip.transferred'));
      expect(entry!.detail).toEqual({ from: 'pc04', to: 'hai-quan' });
    });

    it('refuses a transfer without a reason or to the same or an unknown queue, leaving the tip as it was', async () => {
      const id = await storeTip(db(), secrets);
      const before = await tipRow(id);
      await expect(transferTip(db(), supervisor, id, 'hai-quan', '  ')).rejects.toMatchObject({ field: 'transferReason', message: 'Nhập lý do chuyển tin.' });
      await expect(transferTip(db(), supervisor, id, 'pc04', 'Lý do đủ dài để chuyển.')).rejects.toMatchObject({ field: 'transferQueue' });
      await expect(transferTip(db(), supervisor, id, 'khong-co', 'Lý do đủ dài để chuyển.')).rejects.toMatchObject({ field: 'transferQueue' });
      expect(await tipRow(id)).toEqual(before);
    });

    it('seals notes and replies; the reply reaches the tipster’s follow-up view without the officer’s name', async () => {
      const id = await storeTip(db(), secrets);
      await addNote(db(), secrets, officer, id, 'Đã đối chiếu với hồ sơ cũ.');
      await replyToTipster(db(), secrets, officer, id, 'Cảm ơn bạn, chúng tôi đang xác minh.');
      const [note] = await db().select().from(tipNotes).where(eq(tipNotes.tipId, id));
      expect(note!.textSealed!.toString('utf8')).not.toContain('đối chiếu');
      const [message] = await db().select().from(tipMessages).where(eq(tipMessages.tipId, id));
      expect(message).toMatchObject({ author: 'police', authorUserId: officer.userId });
      expect(message!.textSealed!.toString('utf8')).not.toContain('xác minh');
      const view = await tipPublicView(db(), secrets, id);
      expect(view.messages).toEqual([expect.objectContaining({ author: 'police', text: 'Cảm ơn bạn, chúng tôi đang xác minh.' })]);
      expect(JSON.stringify(view)).not.toContain('can.bo');
      const entries = await db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.targetId, String(id)));
      expect(JSON.stringify(entries)).not.toMatch(/đối chiếu|đang xác minh/);
      await expect(replyToTipster(db(), secrets, officer, id, ' ')).rejects.toMatchObject({ field: 'reply', message: 'Nhập nội dung trả lời người báo tin.' });
    });

    it('marks a duplicate of a visible tip (closing it) and refuses a tip the caller cannot see with the not-found wording', async () => {
      const original = await storeTip(db(), secrets);
      const repeat = await storeTip(db(), secrets);
      const foreign = await storeTip(db(), secrets, { owner: 'hai-quan' });
      await expect(linkTip(db(), officer, repeat, String(foreign), 'duplicate')).rejects.toMatchObject({
        field: 'linkTipId',
        message: `Không tìm thấy tin số ${foreign} trong các hàng đợi bạn được xem.`,
      });
      await expect(linkTip(db(), officer, repeat, '99999999', 'duplicate')).rejects.toMatchObject({
        message: 'Không tìm thấy tin số 99999999 trong các hàng đợi bạn được xem.',
      });
      await expect(linkTip(db(), officer, repeat, String(repeat), 'related')).rejects.toMatchObject({ field: 'linkTipId' });
      expect(await db().select().from(tipLinks).where(eq(tipLinks.tipId, repeat))).toEqual([]);
      await linkTip(db(), officer, repeat, String(original), 'duplicate');
      expect(await tipRow(repeat)).toMatchObject({ status: 'trung-lap', closedAt: expect.any(Date) });
      await expect(linkTip(db(), officer, original, String(repeat), 'related')).rejects.toMatchObject({
        message: `Tin này đã được liên kết với tin số ${repeat}.`,
      });
      expect((await tipDetail(db(), secrets, officer, original))!.links).toEqual([{ tipId: repeat, kind: 'duplicate', direction: 'repeatedBy' }]);
      expect((await tipDetail(db(), secrets, officer, repeat))!.links).toEqual([{ tipId: original, kind: 'duplicate', direction: 'repeats' }]);
    });

    it('adds and removes tags, normalised, without doubles', async () => {
      const id = await storeTip(db(), secrets);
      await addTag(db(), officer, id, '  Điểm   NÓNG ');
      await expect(addTag(db(), officer, id, 'điểm nóng')).rejects.toMatchObject({ field: 'tag', message: 'Tin đã có nhãn “điểm nóng”.' });
      await expect(addTag(db(), officer, id, 'x'.repeat(41))).rejects.toMatchObject({ field: 'tag' });
      expect((await db().select().from(tipTags).where(eq(tipTags.tipId, id))).map((row) => row.tag)).toEqual(['điểm nóng']);
      expect((await listQueueTips(db(), officer, { tag: 'điểm nóng' })).rows.map((row) => row.id)).toEqual([id]);
      await removeTag(db(), officer, id, 'điểm nóng');
      await expect(removeTag(db(), officer, id, 'điểm nóng')).rejects.toBeInstanceOf(TriageError);
      expect(await db().select().from(tipTags).where(eq(tipTags.tipId, id))).toEqual([]);
    });

    it('refuses every action on a purged tip with a Vietnamese message and writes nothing', async () => {
      const id = await storeTip(db(), secrets, { copies: ['bien-phong'] });
      await db()
        .update(tips)
        .set({ purgedAt: new Date('2026-11-30T00:00:00Z'), descriptionSealed: null, placeSealed: null })
        .where(eq(tips.id, id));
      const auditBefore = (await db().select().from(auditLog)).length;
      const attempts = [
        () => changeStatus(db(), officer, id, 'dang-xac-minh'),
        () => assignTip(db(), officer, id, officer.userId),
        () => transferTip(db(), supervisor, id, 'hai-quan', 'Lý do đủ dài để chuyển.'),
        () => addNote(db(), secrets, copyOfficer, id, 'Ghi chú'),
        () => replyToTipster(db(), secrets, officer, id, 'Cảm ơn bạn'),
        () => addTag(db(), officer, id, 'cũ'),
      ];
      for (const attempt of attempts) {
        await expect(attempt()).rejects.toMatchObject({
          field: 'tip',
          message: 'Nội dung tin này đã được xoá theo thời hạn lưu trữ nên không thể thao tác thêm.',
        });
      }
      expect((await db().select().from(auditLog)).length).toBe(auditBefore);
      expect(await tipRow(id)).toMatchObject({ status: 'moi', firstActionAt: null });
      expect(await tipDetail(db(), secrets, officer, id)).toMatchObject({ purged: true, description: null, place: null });
    });
  });

  describe('queue list', () => {
    let fresh: Awaited<ReturnType<typeof staffActor>>;
    const ids: number[] = [];
    beforeAll(async () => {
      fresh = await staffActor(db(), 'thi.truong', 'officer', ['quan-ly-thi-truong']);
      for (let index = 0; index < 5; index += 1) {
        ids.push(
          await storeTip(db(), secrets, {
            owner: 'quan-ly-thi-truong',
            category: index % 2 ? 'bong-cuoi' : 'khac',
            photos: index === 0 ? 1 : 0,
            captcha: index === 1 ? 'unverified' : 'verified',
            place: index < 2 ? 'Chợ Vinh' : null,
          }),
        );
      }
      await storeTip(db(), secrets, { owner: 'pc04', copies: ['quan-ly-thi-truong'], category: 'bong-cuoi' });
      await changeStatus(db(), fresh, ids[3]!, 'dang-xac-minh');
    });

    it('lists owned tips newest first, and copies apart', async () => {
      const owned = await listQueueTips(db(), fresh, {});
      expect(owned.rows.map((row) => row.id)).toEqual([...ids].reverse());
      expect((await listQueueTips(db(), fresh, { view: 'copies' })).rows.map((row) => row.category)).toEqual(['bong-cuoi']);
      expect((await listQueueTips(db(), fresh, { sort: 'oldest' })).rows.map((row) => row.id)).toEqual(ids);
      expect((await listQueueTips(db(), fresh, { sort: 'updated' })).rows[0]!.id).toBe(ids[3]);
    });

    it('filters by category, status, photos, captcha, same place and assignment, and counts per status', async () => {
      const list = async (filters: Parameters<typeof listQueueTips>[2]) => (await listQueueTips(db(), fresh, filters)).rows.map((row) => row.id);
      expect(await list({ queue: 'quan-ly-thi-truong', status: 'moi', category: 'bong-cuoi' })).toEqual([ids[1]]);
      expect(await list({ hasPhotos: true })).toEqual([ids[0]]);
      expect(await list({ captchaUnverified: true })).toEqual([ids[1]]);
      expect(await list({ samePlaceAs: ids[0]! })).toEqual([ids[1], ids[0]]);
      expect(await list({ assignedToMe: true })).toEqual([]);
      const [firstStored] = await db().select({ createdAt: tips.createdAt }).from(tips).where(eq(tips.id, ids[0]!));
      expect(await list({ communeCode: '16681', from: new Date(firstStored!.createdAt.getTime() - 60_000) })).toHaveLength(5);
      expect(await list({ until: new Date('2020-01-01T00:00:00Z') })).toEqual([]);
      expect(await countQueueTipsByStatus(db(), fresh, { status: 'moi' })).toEqual({ moi: 4, 'dang-xac-minh': 1 });
      expect(await countQueueTipsByStatus(db(), fresh, { category: 'bong-cuoi' })).toEqual({ moi: 1, 'dang-xac-minh': 1 });
    });

    it('pages by keyset without skipping or repeating a tip', async () => {
      const seen: number[] = [];
      let after: string | undefined;
      for (let pages = 0; pages < 10; pages += 1) {
        const page = await listQueueTips(db(), fresh, { limit: 2, ...(after ? { after } : {}) });
        seen.push(...page.rows.map((row) => row.id));
        if (!page.nextCursor) break;
        after = page.nextCursor;
      }
      expect(seen).toEqual([...ids].reverse());
    });

    it('gives an empty list for a queue the caller does not work, and nothing to a reporter', async () => {
      expect((await listQueueTips(db(), fresh, { queue: 'pc04' })).rows).toEqual([]);
      expect(await countQueueTipsByStatus(db(), fresh, { queue: 'pc04' })).toEqual({});
      expect((await listQueueTips(db(), reporter, {})).rows).toEqual([]);
      expect((await listQueueTips(db(), admin, { queue: 'quan-ly-thi-truong' })).rows).toHaveLength(5);
    });

    it('counts related tips within the caller’s scope only', async () => {
      const detail = await tipDetail(db(), secrets, fresh, ids[0]!);
      expect(detail!.related).toMatchObject({ samePlace: 1, sameCommuneAndCategory: 2 });
    });
  });
});
