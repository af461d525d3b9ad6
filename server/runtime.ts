import { serve, type ServerType } from '@hono/node-server';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { recordFirstStart } from './db/instance.ts';
import { seedRegistry } from './units/seed.ts';
import { createApp } from './app.ts';
import { loadSecrets, type Secrets } from './secrets.ts';
import type { Logger } from './logger.ts';
import { systemClock } from './clock.ts';
import { startRetentionJob } from './triage/retention-job.ts';

export interface RunningPortal {
  server: ServerType;
  database: Database;
  secrets: Secrets;
  /** Stops accepting, lets requests in flight finish, closes the database; bounded by `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(host: string, port: number) {
    super(`Cổng ${port} trên ${host} đang được chương trình khác dùng. Dừng chương trình đó, hoặc đặt PORT khác (ví dụ PORT=4322 npm start).`);
  }
}

export function databaseFor(config: Config): Database {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

/** Opens the database, applies migrations and listens: the whole portal in one process. */
export async function runPortal(config: Config, logger: Logger, distDir: string | null): Promise<RunningPortal> {
  const database = databaseFor(config);
  await database.migrate();
  await seedRegistry(database.db);
  const firstStartedAt = await recordFirstStart(database.db, new Date());
  const { secrets, generatedFile } = loadSecrets(config);
  if (generatedFile) logger.warn({ file: generatedFile }, 'generated new secrets: back this file up apart from the database');
  const app = await createApp({ config, database, logger, secrets, distDir });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const listening = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(listening));
    listening.once('error', (error: NodeJS.ErrnoException) => {
      void database.close();
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(config.host, config.port) : error);
    });
  });
  logger.info({ port: config.port, host: config.host, db: database.kind, firstStartedAt }, 'listening');
  const retention = startRetentionJob({ db: database.db, logger, retentionDays: config.tipRetentionDays, clock: systemClock });

  let stopping: Promise<void> | null = null;
  const stop = (graceMs = 4000) =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      const deadline = setTimeout(() => {
        if ('closeAllConnections' in server) server.closeAllConnections();
      }, graceMs);
      await closed;
      clearTimeout(deadline);
      await retention.stop();
      await database.close();
      logger.info('stopped');
    })());
  return { server, database, secrets, stop };
}
