import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryAudit, recordAudit } from '#server/auth/audit.ts';
import { auditLog } from '#server/db/schema.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';

describe.each(databaseKinds)('audit log on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.dispose());

  it('records who, what, which target, when and a small detail', async () => {
    const { db } = database;
    const at = new Date('2026-03-02T03:04:05Z');
    await recordAudit(
      db,
      { actor: { userId: 'u-1', username: 'lan' }, action: 'tip.viewed', targetType: 'tip', targetId: 't-9', detail: { queue: 'pc04' } },
      at,
    );
    const { rows } = await queryAudit(db, { targetType: 'tip', targetId: 't-9' });
    expect(rows).toEqual([
      expect.objectContaining({ at, actorId: 'u-1', actorName: 'lan', action: 'tip.viewed', targetType: 'tip', targetId: 't-9', detail: { queue: 'pc04' } }),
    ]);
  });

  it('refuses a detail larger than 2 KB', async () => {
    await expect(recordAudit(database.db, { actor: 'system', action: 'x.y', detail: { text: 'a'.repeat(3000) } })).rejects.toThrow(/2048 bytes/);
  });

  /** drizzle wraps the database's error: the trigger's message is in the cause. */
  async function refusal(query: Promise<unknown>): Promise<string> {
    try {
      await query;
      return 'not refused';
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause;
      return `${(error as Error).message} ${cause?.message ?? ''}`;
    }
  }

  it('cannot be updated, deleted or truncated, even with plain SQL', async () => {
    const { db } = database;
    await recordAudit(db, { actor: 'cli', action: 'user.created', targetType: 'user', targetId: 'u-2' });
    expect(await refusal(db.execute(sql`update audit_log set action = 'nothing.happened'`))).toContain('audit_log is append-only: UPDATE');
    expect(await refusal(db.execute(sql`delete from audit_log`))).toContain('audit_log is append-only: DELETE');
    expect(await refusal(db.execute(sql`truncate audit_log`))).toContain('audit_log is append-only: TRUNCATE');
    const rows = await db.select().from(auditLog);
    expect(rows.some((row) => row.action === 'user.created')).toBe(true);
    expect(rows.some((row) => row.action === 'nothing.happened')).toBe(false);
  });

  it('filters by actor, action, target and dates, newest first, 50 a page', async () => {
    const { db } = database;
    const base = new Date('2026-04-01T00:00:00Z').getTime();
    for (let i = 0; i < 60; i++) {
      await recordAudit(
        db,
        { actor: i % 2 ? 'system' : 'cli', action: i % 3 ? 'page.test' : 'page.other', targetType: 'page', targetId: String(i) },
        new Date(base + i * 60_000),
      );
    }
    const all = await queryAudit(db, { targetType: 'page' });
    expect(all.total).toBe(60);
    expect(all.pages).toBe(2);
    expect(all.rows).toHaveLength(50);
    expect(all.rows[0]!.targetId).toBe('59');
    expect((await queryAudit(db, { targetType: 'page' }, 2)).rows).toHaveLength(10);
    expect((await queryAudit(db, { targetType: 'page', actorId: 'cli' })).total).toBe(30);
    expect((await queryAudit(db, { targetType: 'page', action: 'page.other' })).total).toBe(20);
    const window = await queryAudit(db, { targetType: 'page', from: new Date(base + 10 * 60_000), until: new Date(base + 20 * 60_000) });
    expect(window.rows.map((row) => row.targetId)).toEqual(['19', '18', '17', '16', '15', '14', '13', '12', '11', '10']);
  });
});
