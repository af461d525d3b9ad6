import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeyring } from '#server/crypto/keyring.ts';
import { keyIdsInUse, resealWithCurrentKey } from '#server/crypto/reseal.ts';
import { openDatabase } from '#server/db/client.ts';
import { auditLog, tipNotes, tipPhotos, tips } from '#server/db/schema.ts';
import { seedRegistry } from '#server/units/seed.ts';
import { runCli } from '../../helpers/cli-process.ts';
import { seal, open } from '#server/crypto/keyring.ts';
import { sanitizePhoto } from '#server/photos/sanitize.ts';
import type { Secrets } from '#server/secrets.ts';
import { addTipsterMessage, findTipIdByReceipt, tipPublicView } from '#server/tips/follow-up.ts';
import { submitTip } from '#server/tips/submit.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';
import { jpegWithGps } from '../../helpers/images.ts';
import { VALID_DESCRIPTION } from '../../helpers/tips.ts';

const key = () => randomBytes(32).toString('base64');
const TIP_FIELDS = {
  category: 'to-chuc-su-dung' as const,
  communeCode: null,
  place: 'Quán karaoke cuối phố',
  observedAt: null,
  description: VALID_DESCRIPTION,
  avoidCommunePolice: false,
};

describe.each(databaseKinds)('re-sealing with a new key, on %s', (kind) => {
  let database: TestDatabase;
  const oldKey = `k1:${key()}`;
  const newKey = `k2:${key()}`;
  const before: Secrets = { tipKeys: parseKeyring(oldKey), receiptSecret: randomBytes(32), altchaSecret: 'x'.repeat(32) };
  const rotated: Secrets = { ...before, tipKeys: parseKeyring(`${newKey},${oldKey}`) };
  const newKeyOnly: Secrets = { ...before, tipKeys: parseKeyring(newKey) };
  let receipts: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const photo = await sanitizePhoto(await jpegWithGps(64, 48));
    // More tips than one batch, so the batching is exercised.
    receipts = [];
    for (let i = 0; i < 205; i++) receipts.push((await submitTip(database.db, before, TIP_FIELDS, 'verified', i === 0 ? [photo] : [])).receipt);
    const firstId = (await findTipIdByReceipt(database.db, before, receipts[0]!))!;
    await addTipsterMessage(database.db, before, firstId, 'Thêm thông tin: xe máy biển số lạ.', []);
    const note = seal(before.tipKeys, 'Ghi chú nội bộ');
    await database.db.insert(tipNotes).values({ tipId: firstId, authorName: 'can.bo', keyId: note.keyId, textSealed: note.data });
  });
  afterAll(() => database.dispose());

  it('moves every sealed row to the current key, so the old key can be removed', async () => {
    expect(await keyIdsInUse(database.db)).toEqual(['k1']);
    const result = await resealWithCurrentKey(database.db, rotated.tipKeys);
    expect(result.resealed).toEqual({ tips: 205, tip_messages: 1, tip_notes: 1, tip_photos: 1 });
    expect(result.keyIdsLeft).toEqual(['k2']);

    // With only the new key configured, everything still opens.
    const firstId = (await findTipIdByReceipt(database.db, newKeyOnly, receipts[0]!))!;
    const view = await tipPublicView(database.db, newKeyOnly, firstId);
    expect(view.messages.map((message) => message.text)).toEqual(['Thêm thông tin: xe máy biển số lạ.']);
    const [tip] = await database.db.select().from(tips).where(eq(tips.id, firstId));
    expect(open(newKeyOnly.tipKeys, { keyId: tip!.keyId, data: tip!.descriptionSealed! }).toString()).toBe(VALID_DESCRIPTION);
    expect(open(newKeyOnly.tipKeys, { keyId: tip!.keyId, data: tip!.placeSealed! }).toString()).toBe('Quán karaoke cuối phố');
    const [photo] = await database.db.select().from(tipPhotos).where(eq(tipPhotos.tipId, firstId));
    expect(open(newKeyOnly.tipKeys, { keyId: photo!.keyId, data: photo!.imageSealed! }).subarray(8, 12).toString()).toBe('WEBP');
    const [note] = await database.db.select().from(tipNotes).where(eq(tipNotes.tipId, firstId));
    expect(open(newKeyOnly.tipKeys, { keyId: note!.keyId, data: note!.textSealed! }).toString()).toBe('Ghi chú nội bộ');
    // …and the old key no longer opens any of it.
    expect(() => open(before.tipKeys, { keyId: 'k1', data: tip!.descriptionSealed! })).toThrow();

    const entries = await database.db.select().from(auditLog).where(eq(auditLog.action, 'keys.resealed'));
    expect(entries.map((entry) => [entry.targetType, entry.detail])).toEqual([
      ['tips', { rows: 200, toKey: 'k2' }],
      ['tips', { rows: 5, toKey: 'k2' }],
      ['tip_messages', { rows: 1, toKey: 'k2' }],
      ['tip_notes', { rows: 1, toKey: 'k2' }],
      ['tip_photos', { rows: 1, toKey: 'k2' }],
    ]);
  });

  it('does nothing the second time', async () => {
    const result = await resealWithCurrentKey(database.db, rotated.tipKeys);
    expect(result).toEqual({ resealed: { tips: 0, tip_messages: 0, tip_notes: 0, tip_photos: 0 }, keyIdsLeft: ['k2'] });
  });

  it('stops, changing nothing, when a row names a key the configuration lacks', async () => {
    const stranger: Secrets = { ...before, tipKeys: parseKeyring(`k3:${key()}`) };
    await expect(resealWithCurrentKey(database.db, stranger.tipKeys)).rejects.toThrow('encryption key "k2" is not configured');
    expect(await keyIdsInUse(database.db)).toEqual(['k2']);
  });
});

describe('npm run cli -- keys:reseal', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pcmt-reseal-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('re-encrypts the embedded database with the key put in front, and says which keys are still used', async () => {
    const oldKey = `old:${key()}`;
    const secrets: Secrets = { tipKeys: parseKeyring(oldKey), receiptSecret: randomBytes(32), altchaSecret: 'x'.repeat(32) };
    const database = openDatabase({ kind: 'pglite', dataDir });
    try {
      await database.migrate();
      await seedRegistry(database.db);
      await submitTip(database.db, secrets, TIP_FIELDS, 'verified', []);
    } finally {
      await database.close();
    }
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent', RECEIPT_SECRET: secrets.receiptSecret.toString('base64'), ALTCHA_SECRET: secrets.altchaSecret };
    const { code, stdout, stderr } = await runCli({ ...env, TIP_ENCRYPTION_KEYS: `new:${key()},${oldKey}` }, 'keys:reseal');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('Đã mã hóa lại bằng khóa "new": tips 1, tip_messages 0, tip_notes 0, tip_photos 0.\nKhóa còn được dùng: new.\n');
  });
});
