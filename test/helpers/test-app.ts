import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createApp } from '#server/app.ts';
import { loadConfig, type Config } from '#server/config.ts';
import { parseKeyring } from '#server/crypto/keyring.ts';
import { createLogger } from '#server/logger.ts';
import type { Secrets } from '#server/secrets.ts';
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

/** Fresh random keys, as the embedded default would generate them. */
export function testSecrets(): Secrets {
  return {
    tipKeys: parseKeyring(`k1:${randomBytes(32).toString('base64')}`),
    receiptSecret: randomBytes(32),
    altchaSecret: randomBytes(32).toString('base64url'),
  };
}

/** The real app on a test database, with its log captured. */
export async function createTestApp(database: TestDatabase, { env = {}, withSite = false }: TestAppOptions = {}) {
  const config: Config = loadConfig({ LOG_LEVEL: 'info', ...env });
  const log = new LogCapture();
  const logger = createLogger(config.logLevel, log);
  const secrets = testSecrets();
  const app = await createApp({ config, database, logger, secrets, distDir: withSite ? distDir : null });
  return { app, config, log, secrets };
}
