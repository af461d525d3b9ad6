import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#server/auth/actor.ts';
import { queryAudit } from '#server/auth/audit.ts';
import { auditLog, queues, tips } from '#server/db/schema.ts';
import { submitTip } from '#server/tips/submit.ts';
import { createQueue, listQueuesForAdmin, QueueRefusal, renameQueue, setQueueActive } from '#server/triage/queue-admin.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';
import { testSecrets } from '../../helpers/test-app.ts';
import { VALID_DESCRIPTION } from '../../helpers/tips.ts';
import { staffActor, storeTip } from '../../helpers/triage.ts';

/** Refused with this message on this field, as the page shows it. */
async function refusal(promise: Promise<unknown>): Promise<{ status: number; field: string | null; message: string }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(QueueRefusal);
  const { status, field, message } = error as QueueRefusal;
  return { status, field, message };
}

describe.each(databaseKinds)('queue administration on %s', (kind) => {
  let database: TestDatabase;
  let admin: Actor;
  let supervisor: Actor;
  const secrets = testSecrets();
  const auditCount = async () => (await database.db.select().from(auditLog)).length;
  const queueRow = async (code: string) => (await database.db.select().from(queues).where(eq(queues.code, code)))[0];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    admin = await staffActor(database.db, 'queue.admin', 'admin');
    supervisor = await staffActor(database.db, 'queue.supervisor', 'supervisor', ['hai-quan']);
  });
  afterAll(() => database?.dispose());

  it('lists every queue, provincial units first, with open tips and staff counts', async () => {
    await storeTip(database.db, secrets, { owner: 'hai-quan' });
    const closed = await storeTip(database.db, secrets, { owner: 'hai-quan' });
    await database.db.update(tips).set({ status: 'da-xu-ly' }).where(eq(tips.id, closed));
    const rows = await listQueuesForAdmin(database.db, admin);
    const firstCommune = rows.findIndex((row) => row.kind === 'commune-police');
    expect(rows.slice(0, firstCommune).map((row) => row.kind)).not.toContain('commune-police');
    expect(rows.slice(firstCommune).every((row) => row.kind === 'commune-police')).toBe(true);
    const provincialNames = rows.slice(0, firstCommune).map((row) => row.name);
    expect(provincialNames).toEqual([...provincialNames].sort(new Intl.Collator('vi').compare));
    expect(rows.find((row) => row.code === 'hai-quan')).toMatchObject({ openTips: 1, users: 1, active: true });
  });

  it('creates a queue and records who did it', async () => {
    await createQueue(database.db, admin, { code: 'pc04-cua-khau', name: '  Đội PC04   cửa khẩu ', kind: 'drug-police' });
    expect(await queueRow('pc04-cua-khau')).toMatchObject({ name: 'Đội PC04 cửa khẩu', kind: 'drug-police', active: true, communeCode: null });
    const { rows } = await queryAudit(database.db, { action: 'queue.created', targetId: 'pc04-cua-khau' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: admin.userId, targetType: 'queue', detail: { name: 'Đội PC04 cửa khẩu', kind: 'drug-police' } });
  });

  it('refuses a duplicate code, a bad code, a bad name or a commune kind, writing nothing', async () => {
    const before = { audit: await auditCount(), queues: (await database.db.select().from(queues)).length };
    expect(await refusal(createQueue(database.db, admin, { code: 'hai-quan', name: 'Hải quan thứ hai', kind: 'customs' }))).toEqual({
      status: 409,
      field: 'code',
      message: 'Mã này đã có.',
    });
    for (const code of ['Hai-Quan', 'hải-quan', 'a', 'x'.repeat(41), 'co dau cach']) {
      expect(await refusal(createQueue(database.db, admin, { code, name: 'Đơn vị mới', kind: 'customs' })), code).toEqual({
        status: 422,
        field: 'code',
        message: 'Mã hàng đợi chỉ gồm chữ thường không dấu, số và dấu gạch ngang, 2–40 ký tự.',
      });
    }
    for (const name of ['  ab ', 'x'.repeat(121)]) {
      expect(await refusal(createQueue(database.db, admin, { code: 'moi', name, kind: 'customs' }))).toEqual({
        status: 422,
        field: 'name',
        message: 'Tên hàng đợi dài từ 3 đến 120 ký tự.',
      });
    }
    for (const kindValue of ['commune-police', 'army', '']) {
      expect((await refusal(createQueue(database.db, admin, { code: 'moi', name: 'Đơn vị mới', kind: kindValue }))).field).toBe('kind');
    }
    expect({ audit: await auditCount(), queues: (await database.db.select().from(queues)).length }).toEqual(before);
  });

  it('renames a queue, trimming the name, and audits old and new names', async () => {
    await renameQueue(database.db, admin, 'quan-ly-thi-truong', ' Cục QLTT   Nghệ An ');
    expect((await queueRow('quan-ly-thi-truong'))?.name).toBe('Cục QLTT Nghệ An');
    const { rows } = await queryAudit(database.db, { action: 'queue.renamed', targetId: 'quan-ly-thi-truong' });
    expect(rows[0]).toMatchObject({ detail: { before: 'Cục Quản lý thị trường Nghệ An', after: 'Cục QLTT Nghệ An' } });
    expect(await refusal(renameQueue(database.db, admin, 'quan-ly-thi-truong', 'ab'))).toMatchObject({ field: 'name' });
    expect(await refusal(renameQueue(database.db, admin, 'khong-co', 'Tên hợp lệ'))).toMatchObject({ status: 404 });
  });

  it('sends new tips for a deactivated queue to PC04 at once, leaving its existing tips where they are', async () => {
    const fields = {
      category: 'san-bay-cang-bien',
      communeCode: '16681',
      place: null,
      observedAt: null,
      description: VALID_DESCRIPTION,
      avoidCommunePolice: false,
    } as never;
    const ownerOf = async (tipId: number) => (await database.db.select({ owner: tips.ownerQueueCode }).from(tips).where(eq(tips.id, tipId)))[0]!.owner;
    const earlier = (await submitTip(database.db, secrets, fields, 'verified', [])).tipId;
    expect(await ownerOf(earlier)).toBe('hai-quan');

    await setQueueActive(database.db, admin, 'hai-quan', false);
    expect((await queueRow('hai-quan'))?.active).toBe(false);
    const later = (await submitTip(database.db, secrets, fields, 'verified', [])).tipId;
    expect(await ownerOf(later)).toBe('pc04');
    expect(await ownerOf(earlier)).toBe('hai-quan');

    await setQueueActive(database.db, admin, 'hai-quan', true);
    expect(await ownerOf((await submitTip(database.db, secrets, fields, 'verified', [])).tipId)).toBe('hai-quan');
    const actions = (await queryAudit(database.db, { targetType: 'queue', targetId: 'hai-quan' })).rows.map((row) => row.action);
    expect(actions).toEqual(['queue.reactivated', 'queue.deactivated']);
  });

  it('never deactivates PC04, the fallback owner', async () => {
    const before = await auditCount();
    const refused = await refusal(setQueueActive(database.db, admin, 'pc04', false));
    expect(refused).toMatchObject({ status: 422, field: 'active' });
    expect(refused.message).toContain('Không thể ngừng hàng đợi PC04');
    expect((await queueRow('pc04'))?.active).toBe(true);
    expect(await auditCount()).toBe(before);
  });

  it('refuses every change and the list to anyone but an administrator', async () => {
    const before = await auditCount();
    for (const attempt of [
      listQueuesForAdmin(database.db, supervisor),
      createQueue(database.db, supervisor, { code: 'cua-toi', name: 'Hàng đợi của tôi', kind: 'customs' }),
      renameQueue(database.db, supervisor, 'hai-quan', 'Tên khác hẳn'),
      setQueueActive(database.db, supervisor, 'hai-quan', false),
    ]) {
      expect((await refusal(attempt)).status).toBe(403);
    }
    expect(await queueRow('cua-toi')).toBeUndefined();
    expect(await queueRow('hai-quan')).toMatchObject({ name: 'Cục Hải quan Nghệ An', active: true });
    expect(await auditCount()).toBe(before);
  });
});
