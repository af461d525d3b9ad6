import { sql } from 'drizzle-orm';
import type { Database } from '#server/db/client.ts';
import { communes as communeTable } from '#server/db/schema.ts';
import { CONSOLE_ACTOR } from '#server/outreach/access.ts';
import { importSchools } from '#server/outreach/school-import.ts';
import { rebuildOutreachSummary } from '#server/outreach/summary.ts';
import { seedRegistry } from '#server/units/seed.ts';

export const SCHOOLS = 2000;
export const SESSIONS = 200_000;

/** The benchmark's data: the real 130 communes, 2,000 schools, 200,000 sessions over 2022–2026. */
export async function fillBenchmarkData(database: Database): Promise<void> {
  await database.migrate();
  await seedRegistry(database.db);
  const communes = (await database.db.select({ code: communeTable.code }).from(communeTable).orderBy(communeTable.code)).map((row) => row.code);
  const levels = ['Mầm non', 'Tiểu học', 'THCS', 'THPT', 'GDTX'];
  const csv = [
    'ma_truong,ten_truong,cap_hoc,ma_xa',
    ...Array.from(
      { length: SCHOOLS },
      (_, i) => `T${String(i).padStart(4, '0')},Trường ${levels[i % 5]} số ${i},${levels[i % 5]},${communes[i % communes.length]}`,
    ),
  ];
  const imported = await importSchools(database.db, CONSOLE_ACTOR, new TextEncoder().encode(csv.join('\n')));
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors.slice(0, 3)));
  // Five years, 2022–2026; one session in ten pending; 70% at a school, 30% in a commune, one in ten reaching both.
  await database.db.execute(sql`
    insert into outreach_sessions (id, held_on, form, agency_code, audience, status, source)
    select 'b' || g, date '2022-01-01' + (g * 7 % 1826),
      (array['hop-dan','loa-truyen-thanh','san-khau-hoa','to-roi-pano-ap-phich','ngoai-khoa-chao-co','thi-tim-hieu','mang-xa-hoi','phien-toa-luu-dong','khac'])[1 + g % 9],
      'cong-an-tinh', 20 + g % 300, case when g % 10 = 0 then 'pending' else 'approved' end, 'staff'
    from generate_series(1, ${SESSIONS}) g`);
  await database.db.execute(sql`
    with s as (select array_agg(code order by code) a from schools), c as (select array_agg(code order by code) a from communes)
    insert into outreach_session_units (session_id, unit_kind, unit_code, recorded_code, held_on, counted)
    select o.id, u.kind, u.code, u.code, o.held_on, o.status = 'approved'
    from outreach_sessions o, s, c,
      lateral (select substr(o.id, 2)::int g) n,
      lateral (
        select case when n.g % 10 < 7 then 'school' else 'commune' end kind,
               case when n.g % 10 < 7 then s.a[1 + (n.g * 7919) % ${SCHOOLS}] else c.a[1 + (n.g * 31) % 130] end code
        union all
        select 'commune', c.a[1 + (n.g * 17) % 130] where n.g % 10 = 3
      ) u`);
  // The bulk insert went around the domain functions, which keep the progress summaries.
  await rebuildOutreachSummary(database.db);
  await database.db.execute(sql`analyze`);
}
