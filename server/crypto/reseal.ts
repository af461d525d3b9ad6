import { sql } from 'drizzle-orm';
import { recordAudit } from '../auth/audit.ts';
import type { Db } from '../db/client.ts';
import { open, seal, type Keyring } from './keyring.ts';

/**
 * Key rotation, second half. Adding a key in front of TIP_ENCRYPTION_KEYS makes it current for new rows;
 * this re-seals the older rows with it, so the old key can then be removed from the configuration (for a
 * key that may have leaked, the point of rotating). Each table is worked in batches, one transaction each,
 * so a large archive never holds locks for long; rows that retention emptied are only relabelled.
 */
const SEALED_TABLES = [
  { table: 'tips', columns: ['description_sealed', 'place_sealed'] },
  { table: 'tip_messages', columns: ['text_sealed'] },
  { table: 'tip_notes', columns: ['text_sealed'] },
  { table: 'tip_photos', columns: ['image_sealed'] },
] as const;

const BATCH = 200;

export interface ResealResult {
  /** Rows re-sealed per table. */
  resealed: Record<string, number>;
  /** Key ids still found after the run (should be only the current one). */
  keyIdsLeft: string[];
}

type SealedRow = { id: number | string; key_id: string } & Record<string, Uint8Array | null>;

export async function resealWithCurrentKey(db: Db, keyring: Keyring): Promise<ResealResult> {
  const resealed: Record<string, number> = {};
  for (const { table, columns } of SEALED_TABLES) {
    resealed[table] = 0;
    for (;;) {
      const done = await db.transaction(async (tx) => {
        const { rows } = (await tx.execute(
          sql`select id, key_id, ${sql.raw(columns.join(', '))} from ${sql.identifier(table)}
              where key_id <> ${keyring.currentKeyId} order by id limit ${BATCH} for update`,
        )) as unknown as { rows: SealedRow[] };
        for (const row of rows) {
          const assignments = columns.map((column) => {
            const value = row[column];
            const data = value == null ? null : seal(keyring, open(keyring, { keyId: row.key_id, data: Buffer.from(value) })).data;
            return sql`${sql.identifier(column)} = ${data}`;
          });
          await tx.execute(sql`update ${sql.identifier(table)} set key_id = ${keyring.currentKeyId}, ${sql.join(assignments, sql`, `)} where id = ${row.id}`);
        }
        if (rows.length > 0) {
          await recordAudit(tx, {
            actor: 'cli',
            action: 'keys.resealed',
            targetType: table,
            targetId: null,
            detail: { rows: rows.length, toKey: keyring.currentKeyId },
          });
        }
        return rows.length;
      });
      resealed[table] += done;
      if (done < BATCH) break;
    }
  }
  return { resealed, keyIdsLeft: await keyIdsInUse(db) };
}

/** Every key id some sealed row still names: the keys the configuration must keep. */
export async function keyIdsInUse(db: Db): Promise<string[]> {
  const union = sql.join(
    SEALED_TABLES.map(({ table }) => sql`select key_id from ${sql.identifier(table)}`),
    sql` union `,
  );
  const { rows } = (await db.execute(sql`select key_id from (${union}) k order by key_id`)) as unknown as { rows: { key_id: string }[] };
  return rows.map((row) => row.key_id);
}
