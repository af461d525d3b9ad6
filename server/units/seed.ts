import { count } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communes, formerCommunes, queues, routingRules } from '../db/schema.ts';
import { DEFAULT_RULES } from '../tips/routing.ts';
import { loadCommuneRegistry } from './commune-registry.ts';

/**
 * The provincial queues, named as in the 2021 plan (section IV); administrators can rename them.
 * Commune police queues are added per commune.
 */
export const PROVINCIAL_QUEUES = [
  { code: 'pc04', name: 'Phòng Cảnh sát điều tra tội phạm về ma túy (PC04) – Công an tỉnh', kind: 'drug-police' },
  { code: 'bien-phong', name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', kind: 'border-guard' },
  { code: 'hai-quan', name: 'Cục Hải quan Nghệ An', kind: 'customs' },
  { code: 'canh-sat-bien', name: 'Bộ Tư lệnh Vùng 1 Cảnh sát biển', kind: 'coast-guard' },
  { code: 'quan-ly-thi-truong', name: 'Cục Quản lý thị trường Nghệ An', kind: 'market-control' },
] as const;

/** The commune police queue's code for a commune. */
export const communeQueueCode = (communeCode: string) => `cax-${communeCode}`;

/**
 * Fills the registry on a new database: communes, their former units, the queues and the routing rules.
 * It runs at every start but writes only into empty tables, so administrators' edits are never overwritten.
 */
export async function seedRegistry(db: Db): Promise<void> {
  await seedCommunesAndQueues(db);
  await seedRoutingRules(db);
}

async function isEmpty(db: Db, table: typeof communes | typeof routingRules): Promise<boolean> {
  const [row] = await db.select({ value: count() }).from(table);
  return row!.value === 0;
}

async function seedRoutingRules(db: Db): Promise<void> {
  if (await isEmpty(db, routingRules)) await db.insert(routingRules).values(DEFAULT_RULES).onConflictDoNothing();
}

async function seedCommunesAndQueues(db: Db): Promise<void> {
  if (!(await isEmpty(db, communes))) return;
  const registry = loadCommuneRegistry();
  await db.transaction(async (tx) => {
    await tx.insert(communes).values(registry.communes).onConflictDoNothing();
    await tx.insert(formerCommunes).values(registry.formerCommunes).onConflictDoNothing();
    await tx
      .insert(queues)
      .values([
        ...PROVINCIAL_QUEUES,
        ...registry.communes.map((commune) => ({
          code: communeQueueCode(commune.code),
          name: `Công an ${commune.name}`,
          kind: 'commune-police' as const,
          communeCode: commune.code,
        })),
      ])
      .onConflictDoNothing();
  });
}
