import { sql } from 'drizzle-orm';
import type { Database } from '#server/db/client.ts';
import { seal } from '#server/crypto/keyring.ts';
import type { Secrets } from '#server/secrets.ts';
import { TIP_CATEGORIES } from '#shared/tips/categories.ts';
import { TIP_STATUSES } from '#shared/tips/statuses.ts';
import { seedRegistry } from '#server/units/seed.ts';

export const TIPS = 1_000_000;

/**
 * The benchmark's data: a million tips over three years, spread as a province would see them — two in five
 * owned by PC04, half by commune police (the 130 queues), the rest by the other forces; a third of the
 * commune-police tips copied to PC04; one in ten with a two-message conversation, one in twenty with a
 * note and a tag. Every tip has its `tip.received` audit entry, as the real intake writes it. Content is
 * sealed with the benchmark's key (one sealed text reused: the cost measured is reading and opening it).
 */
export async function fillTriageBenchmark(database: Database, secrets: Secrets): Promise<void> {
  await database.migrate();
  await seedRegistry(database.db);
  const description = seal(secrets.tipKeys, 'Tối thứ Bảy có nhiều người lạ ra vào quán karaoke ở cuối đường, nghi mua bán ma túy.');
  const place = seal(secrets.tipKeys, 'Quán karaoke cuối đường Lê Lợi');
  const message = seal(secrets.tipKeys, 'Cảm ơn bạn, chúng tôi đang xác minh.');
  const categories = sql.raw(`array[${TIP_CATEGORIES.map((category) => `'${category.code}'`).join(',')}]`);
  const statuses = sql.raw(`array[${TIP_STATUSES.map((status) => `'${status.code}'`).join(',')}]`);
  await database.db.execute(sql`
    with c as (select array_agg(code order by code) a from communes),
         other as (select array_agg(code order by code) a from queues where kind not in ('drug-police', 'commune-police'))
    insert into tips (receipt_hash, category, commune_code, observed_on, key_id, description_sealed, place_sealed,
      place_fingerprint, captcha_status, status, owner_queue_code, routing_reason, photo_count, created_at, updated_at)
    select 'bench-' || g, (${categories})[1 + g % 10], c.a[1 + (g * 7) % 130], null, ${description.keyId},
      ${description.data}, ${place.data}, 'fp-' || (g % 50000), case when g % 97 = 0 then 'unverified' else 'verified' end,
      (${statuses})[1 + (g * 13) % 7],
      case when g % 10 < 4 then 'pc04' when g % 10 < 9 then 'cax-' || c.a[1 + (g * 7) % 130] else other.a[1 + g % array_length(other.a, 1)] end,
      'bench', g % 3, t, t
    from generate_series(1, ${TIPS}) g, c, other,
      lateral (select timestamptz '2024-01-01 00:00+07' + (g * interval '94 seconds') t) created`);
  await database.db.execute(sql`
    insert into tip_copies (tip_id, queue_code)
    select id, 'pc04' from tips where owner_queue_code like 'cax-%' and id % 3 = 0`);
  await database.db.execute(sql`
    insert into tip_messages (tip_id, author, key_id, text_sealed, created_at)
    select id, a.author, ${message.keyId}, ${message.data}, created_at + a.after
    from tips, (values ('tipster', interval '1 hour'), ('police', interval '2 days')) a(author, after)
    where id % 10 = 0`);
  await database.db.execute(sql`
    insert into tip_notes (tip_id, author_name, key_id, text_sealed, created_at)
    select id, 'can.bo', ${message.keyId}, ${message.data}, created_at + interval '1 day' from tips where id % 20 = 0`);
  await database.db.execute(sql`insert into tip_tags (tip_id, tag) select id, 'nghi-van-' || (id % 40) from tips where id % 20 = 0`);
  await database.db.execute(sql`
    insert into audit_log (at, actor_id, actor_name, action, target_type, target_id, detail)
    select created_at, 'system', 'system', 'tip.received', 'tip', id::text, '{}'::jsonb from tips`);
  await database.db.execute(sql`analyze`);
}
