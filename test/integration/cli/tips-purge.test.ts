import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#server/db/client.ts';
import { tips } from '#server/db/schema.ts';
import { seedRegistry } from '#server/units/seed.ts';
import { runCli } from '../../helpers/cli-process.ts';
import { wallClock } from '../../helpers/clock.ts';
import { insertStatisticsTip } from '../../helpers/triage.ts';

// The CLI runs in its own process on the system clock, so every date here is relative to the wall clock.
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(wallClock().getTime() - days * DAY);

describe('retention from the command line', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pcmt-purge-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const cli = (env: Record<string, string>, ...args: string[]) => runCli({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }, ...args);

  it('tips:purge purges tips closed longer ago than TIP_RETENTION_DAYS and prints how many', async () => {
    const database = openDatabase({ kind: 'pglite', dataDir });
    let old = 0;
    let recent = 0;
    try {
      await database.migrate();
      await seedRegistry(database.db);
      old = await insertStatisticsTip(database.db, { createdAt: daysAgo(400).toISOString(), closedAt: daysAgo(40) });
      recent = await insertStatisticsTip(database.db, { createdAt: daysAgo(400).toISOString(), closedAt: daysAgo(20) });
    } finally {
      await database.close();
    }
    expect((await cli({}, 'help')).stdout).toContain('tips:purge');
    const refused = await cli({ TIP_RETENTION_DAYS: '29' }, 'tips:purge');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('TIP_RETENTION_DAYS');

    const { code, stdout } = await cli({ TIP_RETENTION_DAYS: '30' }, 'tips:purge');
    expect(code).toBe(0);
    expect(stdout).toContain('Đã xoá nội dung của 1 tin đóng quá 30 ngày');
    const reopened = openDatabase({ kind: 'pglite', dataDir });
    try {
      const rows = await reopened.db.select({ id: tips.id, purgedAt: tips.purgedAt }).from(tips).orderBy(asc(tips.id));
      expect(rows.map((row) => [row.id, row.purgedAt !== null])).toEqual([
        [old, true],
        [recent, false],
      ]);
    } finally {
      await reopened.close();
    }
  });
});
