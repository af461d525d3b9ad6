import type { DatabaseKind, Db } from '#server/db/client.ts';
import type { Secrets } from '#server/secrets.ts';
import { createTestDatabase } from './databases.ts';
import { startPortal } from './running-portal.ts';

export interface PortalOn {
  baseUrl: string;
  /** The portal's own database handle, for setting up users and reading what a request changed. */
  db: Db;
  /** The portal's keys, for storing tips the way it does. */
  secrets: Secrets;
  stop(): Promise<void>;
}

/**
 * The whole portal over real HTTP (on-demand Astro pages need Node's request) on a fresh database of the
 * given kind: embedded PGlite in a temporary folder, or a new PostgreSQL database.
 */
export async function startPortalOn(kind: DatabaseKind, env: Record<string, string> = {}): Promise<PortalOn> {
  if (kind === 'pglite') {
    const site = await startPortal(env);
    return { baseUrl: site.baseUrl, db: site.portal.database.db, secrets: site.portal.secrets, stop: site.stop };
  }
  const database = await createTestDatabase('postgres');
  const site = await startPortal({ ...env, DATABASE_URL: database.url!, DATABASE_POOL_SIZE: '4' });
  return {
    baseUrl: site.baseUrl,
    db: site.portal.database.db,
    secrets: site.portal.secrets,
    async stop() {
      await site.stop();
      await database.dispose();
    },
  };
}
