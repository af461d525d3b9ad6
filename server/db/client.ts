import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import * as schema from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database: the drizzle handle every domain module takes, plus its lifecycle. */
export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Applies committed migrations that are not applied yet. */
  migrate(): Promise<void>;
  /** Answers whether the database responds; never throws. */
  ping(): Promise<boolean>;
  /** Waits for running queries and releases connections (PGlite flushes to disk). */
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export type DatabaseOptions = { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string | null };

export function openDatabase(options: DatabaseOptions): Database {
  return options.kind === 'postgres' ? openPostgres(options.url, options.poolSize) : openPglite(options.dataDir);
}

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 3000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    migrate: () => migratePg(drizzlePg(pool), { migrationsFolder }),
    ping: () => pingWith(db),
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}

/** `dataDir: null` keeps the database in memory (tests). A folder is locked to this process until close(). */
function openPglite(dataDir: string | null): Database {
  let client: PGlite;
  let unlock = () => {};
  if (dataDir === null) {
    client = new PGlite();
  } else {
    const folder = join(dataDir, 'pglite');
    mkdirSync(folder, { recursive: true });
    unlock = lockDataDir(dataDir);
    client = new PGlite(folder);
  }
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    ping: () => pingWith(db),
    close: async () => {
      if (!client.closed) await client.close();
      unlock();
    },
  };
}

async function pingWith(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
