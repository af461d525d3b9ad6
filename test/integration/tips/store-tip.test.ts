import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, tipCopies, tips } from '#server/db/schema.ts';
import { insertTip, type TipRow } from '#server/tips/store-tip.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';
import { tipRowCounts } from '../../helpers/tips.ts';

const row = (receiptHash: string): TipRow => ({
  receiptHash,
  category: 'mua-ban-van-chuyen',
  communeCode: '16681',
  observedOn: '2026-11-01',
  keyId: 'k1',
  descriptionSealed: Buffer.from([1, 2, 3]),
  placeSealed: null,
  placeFingerprint: null,
  avoidCommunePolice: false,
  captchaStatus: 'verified',
  ownerQueueCode: 'pc04',
  routingReason: 'Theo loại hành vi',
  photoCount: 0,
});
const audit = { actor: 'system' as const, action: 'tip.received', detail: { owner: 'pc04', copies: ['cax-16681'], captcha: 'verified', photos: 0 } };

describe.each(databaseKinds)('insertTip on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.dispose());

  it('writes the tip, its copies and its audit entry naming the new tip, in one statement', async () => {
    const at = new Date('2026-11-30T10:00:00Z');
    const id = await insertTip(database.db, row('hash-one'), ['cax-16681', 'bien-phong'], audit, at);
    const [tip] = await database.db.select().from(tips).where(eq(tips.id, id));
    expect(tip).toMatchObject({
      receiptHash: 'hash-one',
      communeCode: '16681',
      observedOn: '2026-11-01',
      ownerQueueCode: 'pc04',
      photoCount: 0,
      avoidCommunePolice: false,
    });
    expect(Buffer.from(tip!.descriptionSealed!)).toEqual(Buffer.from([1, 2, 3]));
    const copies = await database.db.select({ queueCode: tipCopies.queueCode }).from(tipCopies).where(eq(tipCopies.tipId, id));
    expect(copies.map((copy) => copy.queueCode).sort()).toEqual(['bien-phong', 'cax-16681']);
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(id)));
    expect(entries).toEqual([
      expect.objectContaining({ at, actorId: 'system', actorName: 'system', action: 'tip.received', targetType: 'tip', detail: audit.detail }),
    ]);
  });

  it('writes nothing at all when any part fails: a copy for a queue that does not exist', async () => {
    const before = await tipRowCounts(database.db);
    await expect(insertTip(database.db, row('hash-two'), ['pc04-khong-co'], audit)).rejects.toThrow();
    expect(await tipRowCounts(database.db)).toEqual(before);
  });

  it('writes nothing when the tip row itself is refused: a receipt hash already used', async () => {
    await insertTip(database.db, row('hash-three'), [], audit);
    const before = await tipRowCounts(database.db);
    await expect(insertTip(database.db, row('hash-three'), ['cax-16681'], audit)).rejects.toThrow();
    expect(await tipRowCounts(database.db)).toEqual(before);
  });
});
