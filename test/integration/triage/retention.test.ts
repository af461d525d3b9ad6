import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seal } from '#server/crypto/keyring.ts';
import { auditLog, tipMessages, tipNotes, tipPhotos, tips, tipTags } from '#server/db/schema.ts';
import { createLogger } from '#server/logger.ts';
import { sanitizePhoto } from '#server/photos/sanitize.ts';
import { addTipsterMessage, tipPublicView } from '#server/tips/follow-up.ts';
import { submitTip } from '#server/tips/submit.ts';
import { purgeExpiredTips } from '#server/triage/retention.ts';
import { startRetentionJob } from '#server/triage/retention-job.ts';
import { tipStatistics } from '#server/triage/statistics.ts';
import { logicalDump, markersIn } from '../../helpers/database-dump.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';
import { plainImage } from '../../helpers/images.ts';
import { LogCapture, testSecrets } from '../../helpers/test-app.ts';
import { insertStatisticsTip } from '../../helpers/triage.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-11-30T10:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const ADMIN = { userId: 'u-admin', username: 'admin', role: 'admin' as const, queueCodes: [], unitCode: null };

describe.each(databaseKinds)('retention purge on %s', (kind) => {
  let database: TestDatabase;
  const secrets = testSecrets();

  /** A tip as a tipster and officers leave it: text, place, photo, a follow-up message with a photo, a note, a tag. */
  async function fullTip(marker: string, closedAt: Date | null, status: string, createdAt: Date) {
    const photo = await sanitizePhoto(await plainImage('png'));
    const { tipId } = await submitTip(
      database.db,
      secrets,
      {
        category: 'mua-ban-van-chuyen',
        communeCode: '17662',
        place: `Quán ${marker}`,
        observedAt: null,
        description: `Mô tả ${marker}`,
        avoidCommunePolice: false,
      },
      'verified',
      [photo],
    );
    expect(await addTipsterMessage(database.db, secrets, tipId, `Bổ sung ${marker}`, [photo])).toBe(true);
    const note = seal(secrets.tipKeys, `Ghi chú ${marker}`);
    await database.db.insert(tipNotes).values({ tipId, authorName: 'can.bo', keyId: note.keyId, textSealed: note.data });
    await database.db.insert(tipTags).values({ tipId, tag: `nhãn ${marker}`.toLowerCase() });
    await database.db
      .update(tips)
      .set({ status, closedAt, createdAt, firstActionAt: new Date(createdAt.getTime() + 3_600_000) })
      .where(eq(tips.id, tipId));
    return tipId;
  }

  /** Every stored form of a tip's content: sealed bytes as the dump shows them, and the fingerprint. */
  async function contentTraces(tipId: number): Promise<string[]> {
    const [tip] = await database.db.select().from(tips).where(eq(tips.id, tipId));
    const messages = await database.db.select().from(tipMessages).where(eq(tipMessages.tipId, tipId));
    const photos = await database.db.select().from(tipPhotos).where(eq(tipPhotos.tipId, tipId));
    const notes = await database.db.select().from(tipNotes).where(eq(tipNotes.tipId, tipId));
    const sealed = [
      tip!.descriptionSealed,
      tip!.placeSealed,
      ...messages.map((row) => row.textSealed),
      ...photos.map((row) => row.imageSealed),
      ...notes.map((row) => row.textSealed),
    ];
    return [...sealed.map((bytes) => bytes!.subarray(0, 48).toString('hex')), tip!.placeFingerprint!];
  }

  const rowsOf = async (tipId: number) => ({
    messages: (await database.db.select({ n: count() }).from(tipMessages).where(eq(tipMessages.tipId, tipId)))[0]!.n,
    photos: (await database.db.select({ n: count() }).from(tipPhotos).where(eq(tipPhotos.tipId, tipId)))[0]!.n,
    notes: (await database.db.select({ n: count() }).from(tipNotes).where(eq(tipNotes.tipId, tipId)))[0]!.n,
    tags: (await database.db.select({ n: count() }).from(tipTags).where(eq(tipTags.tipId, tipId)))[0]!.n,
  });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database?.dispose());

  it('empties a tip closed 366 days ago and leaves younger, open and reopened tips alone', async () => {
    const expired = await fullTip('HẾT-HẠN', daysAgo(366), 'da-xu-ly', daysAgo(400));
    const young = await fullTip('CÒN-HẠN', daysAgo(364), 'khong-co-co-so', daysAgo(380));
    const open = await fullTip('ĐANG-MỞ', null, 'dang-xac-minh', daysAgo(3 * 365));
    const reopened = await fullTip('MỞ-LẠI', null, 'dang-xac-minh', daysAgo(2 * 365));
    const before = await database.db.select().from(tips).where(eq(tips.id, expired));
    const expiredTraces = await contentTraces(expired);
    const keptTraces = [...(await contentTraces(young)), ...(await contentTraces(open)), ...(await contentTraces(reopened))];
    expect(markersIn(await logicalDump(database.db), expiredTraces)).toEqual(expiredTraces);

    expect(await purgeExpiredTips(database.db, { now: NOW, retentionDays: 365 })).toEqual({ purged: 1, batches: 1 });

    const dump = await logicalDump(database.db);
    expect(markersIn(dump, expiredTraces)).toEqual([]);
    expect(markersIn(dump, keptTraces)).toEqual(keptTraces);
    const [after] = await database.db.select().from(tips).where(eq(tips.id, expired));
    expect(after).toMatchObject({ descriptionSealed: null, placeSealed: null, placeFingerprint: null, purgedAt: NOW });
    const statisticsColumns = ({ category, communeCode, ownerQueueCode, status, createdAt, firstActionAt, closedAt, receiptHash }: typeof after & {}) => ({
      category,
      communeCode,
      ownerQueueCode,
      status,
      createdAt,
      firstActionAt,
      closedAt,
      receiptHash,
    });
    expect(statisticsColumns(after!)).toEqual(statisticsColumns(before[0]!));
    expect(await rowsOf(expired)).toEqual({ messages: 0, photos: 0, notes: 0, tags: 0 });
    for (const kept of [young, open, reopened]) expect(await rowsOf(kept)).toEqual({ messages: 1, photos: 2, notes: 1, tags: 1 });
    const untouched = await database.db
      .select({ id: tips.id, purgedAt: tips.purgedAt })
      .from(tips)
      .where(inArray(tips.id, [young, open, reopened]));
    expect(untouched.every((row) => row.purgedAt === null)).toBe(true);

    // The tipster still sees the status, with no content and no way to add any.
    const view = await tipPublicView(database.db, secrets, expired);
    expect(view).toMatchObject({ status: 'da-xu-ly', statusLabel: 'Đã xử lý', messages: [], photoCount: 0, acceptsMessages: false });
    expect(await addTipsterMessage(database.db, secrets, expired, 'Còn ai đọc không?', [])).toBe(false);

    // Statistics still count it.
    const stats = await tipStatistics(database.db, ADMIN, { from: '2025-10-01', to: '2025-11-30' });
    expect(stats.byStatus.find((row) => row.code === 'da-xu-ly')!.count).toBe(1);

    const entries = await database.db.select().from(auditLog).where(eq(auditLog.action, 'tips.purged'));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: 'system', detail: { count: 1, firstId: expired, lastId: expired, retentionDays: 365 } });
    expect(JSON.stringify(entries[0])).not.toContain('HẾT-HẠN');

    // Nothing left to do: no second entry.
    expect(await purgeExpiredTips(database.db, { now: NOW, retentionDays: 365 })).toEqual({ purged: 0, batches: 0 });
    expect(await database.db.select().from(auditLog).where(eq(auditLog.action, 'tips.purged'))).toHaveLength(1);
  });

  it('works through a backlog in batches of 500, one audit entry per batch', async () => {
    const backlog = Array.from({ length: 501 }, (_, index) => ({ createdAt: daysAgo(900 + index).toISOString(), status: 'spam', closedAt: daysAgo(800) }));
    const ids: number[] = [];
    for (const tip of backlog) ids.push(await insertStatisticsTip(database.db, tip));
    const started = (await database.db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id))).at(-1)!.id;

    expect(await purgeExpiredTips(database.db, { now: NOW, retentionDays: 365 })).toEqual({ purged: 501, batches: 2 });

    const entries = (await database.db.select().from(auditLog).where(eq(auditLog.action, 'tips.purged')).orderBy(asc(auditLog.id))).filter(
      (entry) => entry.id > started,
    );
    expect(entries.map((entry) => entry.detail)).toEqual([
      { count: 500, firstId: ids[0], lastId: ids[499], retentionDays: 365 },
      { count: 1, firstId: ids[500], lastId: ids[500], retentionDays: 365 },
    ]);
    const [{ left }] = (await database.db
      .select({ left: count() })
      .from(tips)
      .where(and(inArray(tips.id, ids), eq(tips.status, 'spam')))) as [{ left: number }];
    expect(left).toBe(501);
  });

  it('runs from the server’s job shortly after start, logging the count and no content', async () => {
    const id = await insertStatisticsTip(database.db, { createdAt: daysAgo(700).toISOString(), closedAt: daysAgo(400) });
    const log = new LogCapture();
    const job = startRetentionJob({ db: database.db, logger: createLogger('info', log), retentionDays: 365, clock: () => NOW, firstRunAfterMs: 10 });
    await expect.poll(() => log.text, { timeout: 10_000 }).toContain('tip retention purge done');
    await job.stop();
    const [row] = await database.db.select({ purgedAt: tips.purgedAt }).from(tips).where(eq(tips.id, id));
    expect(row!.purgedAt).not.toBeNull();
    expect(JSON.parse(log.lines[0]!)).toMatchObject({ purged: 1, batches: 1, retentionDays: 365 });
  });
});

describe('the daily retention job', () => {
  it('logs a failure by its message only, never the data it was working on', async () => {
    const broken = await createTestDatabase('pglite');
    await broken.dispose();
    const log = new LogCapture();
    const job = startRetentionJob({ db: broken.db, logger: createLogger('info', log), retentionDays: 365, clock: () => NOW, firstRunAfterMs: 10 });
    await expect.poll(() => log.text, { timeout: 10_000 }).toContain('tip retention purge failed');
    await job.stop();
    expect(JSON.parse(log.lines[0]!)).toEqual({
      level: 50,
      time: expect.any(String),
      err: expect.objectContaining({ message: 'PGlite is closed' }),
      msg: 'tip retention purge failed',
    });
  });
});
