import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { queues } from '../db/schema.ts';

export interface QueueChoice {
  code: string;
  name: string;
}

/** Active queues for the user form: the provincial units first, then the commune police by name. */
export async function queueChoices(db: Db): Promise<{ provincial: QueueChoice[]; commune: QueueChoice[] }> {
  const rows = await db
    .select({ code: queues.code, name: queues.name, kind: queues.kind })
    .from(queues)
    .where(eq(queues.active, true))
    .orderBy(asc(queues.name));
  const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
  const sorted = rows.sort((a, b) => collator.compare(a.name, b.name));
  return {
    provincial: sorted.filter((row) => row.kind !== 'commune-police').map(({ code, name }) => ({ code, name })),
    commune: sorted.filter((row) => row.kind === 'commune-police').map(({ code, name }) => ({ code, name })),
  };
}
