import { count } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communes, formerCommunes, queues } from '../db/schema.ts';
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
 * Fills the registry on a new database: communes, their former units, and the queues. It runs at every
 * start but writes only into an empty registry, so administrators' edits are never overwritten.
 */
export async function seedRegistry(db: Db): Promise<void> {
  const [{ value: existing }] = (await db.select({ value: count() }).from(communes)) as [{ value: number }];
  if (existing > 0) return;
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
