import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#server/db/client.ts';
import { instanceSettings } from '#server/db/schema.ts';
import { createTestDatabase, postgresUrl } from '../helpers/databases.ts';
import { runCli } from '../helpers/cli-process.ts';
import { freePort, runPortalExpectingFailure, startPortalProcess } from '../helpers/portal-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'pcmt-lifecycle-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function readFirstStart(): Promise<string | undefined> {
  const database = openDatabase({ kind: 'pglite', dataDir });
  try {
    const [row] = await database.db.select().from(instanceSettings);
    return row?.value;
  } finally {
    await database.close();
  }
}

/** Holds a request open on a keep-alive connection, so shutdown has something in flight to wait for. */
function openKeepAliveConnection(baseUrl: string): Promise<Agent> {
  const agent = new Agent({ keepAlive: true });
  return new Promise((resolve, reject) => {
    request(`${baseUrl}/api/health`, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(agent));
    })
      .on('error', reject)
      .end();
  });
}

describe('npm start on the embedded database', () => {
  // Two cold starts of PGlite (about 10 s each on a loaded 2-core machine) need more than the default.
  it('serves the home page and health, stops within 5 s on SIGTERM, and finds its data after a restart', { timeout: 120_000 }, async () => {
    const first = await startPortalProcess({ DATA_DIR: dataDir });
    const home = await fetch(`${first.baseUrl}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/^<!DOCTYPE html><html lang="vi"/);
    expect(await (await fetch(`${first.baseUrl}/api/health`)).json()).toEqual({ status: 'ok', db: 'pglite' });

    const agent = await openKeepAliveConnection(first.baseUrl);
    const stopped = await first.signal('SIGTERM');
    agent.destroy();
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(5000);

    const firstStart = await readFirstStart();
    expect(firstStart).toMatch(/^\d{4}-\d\d-\d\dT/);

    const second = await startPortalProcess({ DATA_DIR: dataDir });
    expect(await (await fetch(`${second.baseUrl}/api/health`)).json()).toEqual({ status: 'ok', db: 'pglite' });
    const interrupted = await second.signal('SIGINT');
    expect(interrupted.code).toBe(0);
    expect(await readFirstStart()).toBe(firstStart);
  });

  it('says in Vietnamese which port is taken instead of crashing', { timeout: 120_000 }, async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const { code, output } = await runPortalExpectingFailure({ PORT: String(port), DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(output).toContain(`Cổng ${port} trên 127.0.0.1 đang được chương trình khác dùng.`);
      expect(output).not.toContain('EADDRINUSE');
    } finally {
      blocker.close();
    }
  });

  it('refuses a second portal and the CLI on a data folder in use, and takes it over once the holder died', { timeout: 180_000 }, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'pcmt-locked-'));
    try {
      const first = await startPortalProcess({ DATA_DIR: folder });
      const second = await runPortalExpectingFailure({ PORT: String(await freePort()), DATA_DIR: folder });
      expect(second.code).toBe(1);
      expect(second.output).toContain(`Thư mục dữ liệu ${folder} đang được một tiến trình khác dùng (pid ${first.child.pid}`);
      const cli = await runCli({ DATA_DIR: folder }, 'migrate');
      expect(cli.code).toBe(1);
      expect(cli.stderr).toContain(`(pid ${first.child.pid}`);
      expect((await fetch(`${first.baseUrl}/api/health`)).status).toBe(200);
      // SIGKILL: no clean shutdown, the lock file stays behind with a pid nobody runs.
      await first.signal('SIGKILL');
      expect(existsSync(join(folder, 'pglite.lock'))).toBe(true);
      const third = await startPortalProcess({ DATA_DIR: folder });
      expect((await fetch(`${third.baseUrl}/api/health`)).status).toBe(200);
      expect((await third.signal('SIGTERM')).code).toBe(0);
      expect(existsSync(join(folder, 'pglite.lock'))).toBe(false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses to start on a bad variable and says which one', async () => {
    const { code, output } = await runPortalExpectingFailure({ PORT: 'bốn nghìn', DATA_DIR: dataDir });
    expect(code).toBe(78);
    expect(output).toContain('PORT="bốn nghìn" is not valid: expected a port number from 1 to 65535');
  });
});

describe.runIf(postgresUrl)('npm start with DATABASE_URL', () => {
  it('reports postgres in health and keeps its data across a restart', { timeout: 120_000 }, async () => {
    const database = await createTestDatabase('postgres');
    try {
      const first = await startPortalProcess({ DATABASE_URL: database.url!, DATA_DIR: dataDir });
      expect(await (await fetch(`${first.baseUrl}/api/health`)).json()).toEqual({ status: 'ok', db: 'postgres' });
      expect((await first.signal('SIGTERM')).code).toBe(0);
      const [before] = await database.db.select().from(instanceSettings);
      const second = await startPortalProcess({ DATABASE_URL: database.url!, DATA_DIR: dataDir });
      expect((await second.signal('SIGTERM')).code).toBe(0);
      const [after] = await database.db.select().from(instanceSettings);
      expect(after).toEqual(before);
    } finally {
      await database.dispose();
    }
  });
});
