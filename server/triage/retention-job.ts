import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { purgeExpiredTips } from './retention.ts';

/**
 * The daily retention purge inside the server: once shortly after start, then every 24 hours. Timers are
 * unref'd (they never keep the process alive) and stop() waits for a purge in progress, so the database
 * can close after it. A failure is logged by its message only — never a tip's content — and the next day's
 * run tries again.
 */
export interface RetentionJobOptions {
  db: Db;
  logger: Logger;
  retentionDays: number;
  /** The time each run purges against. */
  clock: Clock;
  firstRunAfterMs?: number;
  everyMs?: number;
}

export interface RetentionJob {
  stop(): Promise<void>;
}

export const DAY_MS = 24 * 60 * 60_000;

export function startRetentionJob({ db, logger, retentionDays, clock, firstRunAfterMs = 60_000, everyMs = DAY_MS }: RetentionJobOptions): RetentionJob {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const run = async () => {
    try {
      const { purged, batches } = await purgeExpiredTips(db, { now: clock(), retentionDays });
      logger.info({ purged, batches, retentionDays }, 'tip retention purge done');
    } catch (error) {
      const { message, code } = error as { message?: string; code?: string };
      logger.error({ err: { message, code } }, 'tip retention purge failed');
    }
  };
  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = null;
        if (!stopped) schedule(everyMs);
      });
    }, delayMs);
    timer.unref();
  };
  schedule(firstRunAfterMs);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
