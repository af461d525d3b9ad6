import { eq } from 'drizzle-orm';
import type { Db } from './client.ts';
import { instanceSettings } from './schema.ts';

/** Records when this installation first started; later starts leave it unchanged. Returns the stored value. */
export async function recordFirstStart(db: Db, now: Date): Promise<string> {
  await db.insert(instanceSettings).values({ key: 'first_started_at', value: now.toISOString() }).onConflictDoNothing();
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, 'first_started_at'));
  if (!row) throw new Error('instance_settings.first_started_at is missing after insert');
  return row.value;
}
