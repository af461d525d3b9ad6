import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import type { TestDatabase } from './databases.ts';

export const distDir = fileURLToPath(new URL('../../dist', import.meta.url));

/** Collects every log line the app writes, so tests can search them. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Serve the Astro build too (it must exist: global setup builds it). */
  withSite?: boolean;
}

/** The real app on a test database, with its log captured. */
export async function createTestApp(database: TestDatabase, { env = {}, withSite = false }: TestAppOptions = {}) {
  const config: Config = loadConfig({ LOG_LEVEL: 'info', ...env });
  const log = new LogCapture();
  const logger = createLogger(config.logLevel, log);
  const app = await createApp({ config, database, logger, distDir: withSite ? distDir : null });
  return { app, config, log };
}
