import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseKind } from '#server/db/client.ts';
import { seedRegistry } from '#server/units/seed.ts';

/** PGlite always; PostgreSQL too when CI (or a developer) points TEST_DATABASE_URL at a server. */
export const postgresUrl = process.env.TEST_DATABASE_URL || undefined;
export const databaseKinds: DatabaseKind[] = postgresUrl ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  /** For PostgreSQL: the URL of this test's own database. */
  url: string | null;
  /** Closes and, for PostgreSQL, drops the database. Safe to call twice. */
  dispose(): Promise<void>;
}

/** A fresh, migrated and seeded database (as `npm start` leaves it) of the given kind: in-memory PGlite, or a new database on the PostgreSQL server. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = openDatabase({ kind: 'pglite', dataDir: null });
    await database.migrate();
    await seedRegistry(database.db);
    return { ...database, url: null, dispose: onceOnly(() => database.close()) };
  }
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `pcmt_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`create database ${name}`));
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  await database.migrate();
  await seedRegistry(database.db);
  return {
    ...database,
    url: url.toString(),
    dispose: onceOnly(async () => {
      await database.close().catch(() => {});
      await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
    }),
  };
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function onceOnly(action: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= action());
}
