import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from '#server/config.ts';
import { createLogger } from '#server/logger.ts';
import { runPortal, type RunningPortal } from '#server/runtime.ts';
import { distDir, type LogCapture } from './test-app.ts';

/** The whole portal in this process on a random loopback port, on a throw-away embedded database. */
export async function startPortal(
  env: Record<string, string> = {},
  log?: LogCapture,
): Promise<{ portal: RunningPortal; baseUrl: string; config: Config; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pcmt-portal-'));
  const config = loadConfig({ PORT: '1', DATA_DIR: dataDir, LOG_LEVEL: log ? 'info' : 'silent', ...env });
  const portal = await runPortal({ ...config, port: 0 }, createLogger(config.logLevel, log), distDir);
  const { port } = portal.server.address() as AddressInfo;
  return {
    portal,
    config,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await portal.stop(1000);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
