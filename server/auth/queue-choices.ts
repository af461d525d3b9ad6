import { asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { queues } from '../db/schema.ts';

export interface QueueChoice {
  code: string;
  name: string;
  active: boolean;
}

/**
 * Active queues for the forms: the provincial units first, then the commune police by name. `keep` adds
 * deactivated queues someone already works (the user form), so saving a user never drops a membership
 * silently — their officers must still reach the tips left there.
 */
export async function queueChoices(db: Db, keep: readonly string[] = []): Promise<{ provincial: QueueChoice[]; commune: QueueChoice[] }> {
  const rows = await db
    .select({ code: queues.code, name: queues.name, kind: queues.kind, active: queues.active })
    .from(queues)
    .where(keep.length ? or(eq(queues.active, true), inArray(queues.code, [...keep])) : eq(queues.active, true))
    .orderBy(asc(queues.name));
  const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
  const sorted = rows.sort((a, b) => collator.compare(a.name, b.name));
  return {
    provincial: sorted.filter((row) => row.kind !== 'commune-police').map(({ code, name, active }) => ({ code, name, active })),
    commune: sorted.filter((row) => row.kind === 'commune-police').map(({ code, name, active }) => ({ code, name, active })),
  };
}
