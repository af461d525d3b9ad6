import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '#server/db/client.ts';

/** Every row of every table in the public schema, as text (bytea as hex): a logical dump of the database. */
export async function logicalDump(db: Db): Promise<string> {
  const tables = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  )) as unknown as { rows: { table_name: string }[] };
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = (await db.execute(sql.raw(`select t::text as row from "${table_name}" t`))) as unknown as { rows: { row: string }[] };
    parts.push(`-- ${table_name}\n${rows.rows.map((row) => row.row).join('\n')}`);
  }
  return parts.join('\n');
}

/** The raw bytes of every file below a folder (PGlite's pages and WAL): what a stolen disk would hold. */
export function rawFiles(folder: string): Buffer {
  const chunks: Buffer[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else chunks.push(readFileSync(full));
    }
  };
  walk(folder);
  return Buffer.concat(chunks);
}

/** The markers found in a text or byte dump, as text and as the hex a bytea column would show. */
export function markersIn(dump: string | Buffer, markers: string[]): string[] {
  const text = typeof dump === 'string' ? dump : dump.toString('latin1');
  return markers.filter((marker) => {
    const utf8 = Buffer.from(marker, 'utf8');
    return text.includes(typeof dump === 'string' ? marker : utf8.toString('latin1')) || text.includes(utf8.toString('hex'));
  });
}
