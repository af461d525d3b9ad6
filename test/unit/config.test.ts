import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#server/config.ts';

describe('loadConfig', () => {
  it('gives the embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4321,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: './data',
      behindTls: false,
      databasePoolSize: 10,
    });
  });

  it('treats an empty DATABASE_URL as unset, so PGlite is used', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('turns on TLS behaviour for an https origin', () => {
    const config = loadConfig({ PUBLIC_ORIGIN: 'https://pcmt.example.vn' });
    expect(config.behindTls).toBe(true);
    expect(config.publicOrigin).toBe('https://pcmt.example.vn');
  });

  it('names the variable and what it expects when a port is not a number', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT="abc" is not valid: expected a port number from 1 to 65535/);
  });

  it('keeps closed tips’ content 365 days by default and refuses fewer than 30', () => {
    expect(loadConfig({}).tipRetentionDays).toBe(365);
    expect(loadConfig({ TIP_RETENTION_DAYS: '30' }).tipRetentionDays).toBe(30);
    expect(() => loadConfig({ TIP_RETENTION_DAYS: '29' })).toThrow(/TIP_RETENTION_DAYS="29" is not valid: expected a whole number of days from 30 to 36500/);
  });

  it('rejects an origin with a path', () => {
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'https://pcmt.example.vn/portal' })).toThrow(/PUBLIC_ORIGIN.*expected an origin/);
  });

  it('never echoes a database URL, which may hold a password', () => {
    let message = '';
    try {
      loadConfig({ DATABASE_URL: 'mysql://admin:s3cret@db/pcmt' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL=\(hidden\) is not valid: expected a PostgreSQL URL/);
    expect(message).not.toContain('s3cret');
  });

  it('reports every bad variable at once', () => {
    expect(() => loadConfig({ PORT: '0', LOG_LEVEL: 'loud', DATABASE_POOL_SIZE: '-1' })).toThrow(/PORT=.*\n.*DATABASE_POOL_SIZE=.*\n.*LOG_LEVEL=/);
  });
});
