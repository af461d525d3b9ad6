import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#server/db/client.ts';
import { auditLog, users } from '#server/db/schema.ts';
import { runCli } from '../../helpers/cli-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'pcmt-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, ...args);

// Each case starts Node and opens the embedded database: allow for a busy machine.
describe('npm run cli', { timeout: 120_000 }, () => {
  it('lists every command under help', async () => {
    const { code, stdout } = await cli('help');
    expect(code).toBe(0);
    for (const command of ['help', 'migrate', 'user:add --username U --role officer|supervisor|admin|reporter']) expect(stdout).toContain(command);
  });

  it('user:add creates an administrator and prints a one-time password and the otpauth URI', async () => {
    const { code, stdout } = await cli('user:add', '--username', 'Tinh.Admin', '--role', 'admin');
    expect(code).toBe(0);
    expect(stdout).toMatch(/One-time password: [a-z2-9]{4}(-[a-z2-9]{4}){3}\n/);
    expect(stdout).toMatch(/TOTP URI: otpauth:\/\/totp\/PCMT%20Ngh%E1%BB%87%20An:tinh\.admin\?.*secret=[A-Z2-7]{32}/);
    const database = openDatabase({ kind: 'pglite', dataDir });
    try {
      const [user] = await database.db.select().from(users);
      expect(user).toMatchObject({ username: 'tinh.admin', role: 'admin', mustChangePassword: true, totpConfirmedAt: null });
      expect(user!.passwordHash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
      expect(stdout).not.toContain(user!.passwordHash);
      const [entry] = await database.db.select().from(auditLog);
      expect(entry).toMatchObject({ actorId: 'cli', action: 'user.created', targetId: user!.id });
    } finally {
      await database.close();
    }
  });

  it.each([
    { args: ['--username', 'tinh.admin', '--role', 'admin'], message: 'đã có người dùng' },
    { args: ['--username', 'ca.xa', '--role', 'officer', '--queue', 'cax-00000'], message: 'Không có hàng đợi cax-00000' },
    { args: ['--username', 'tuyen.truyen', '--role', 'reporter'], message: 'Nhập mã đơn vị' },
  ])('refuses $args.1 … with a clear message and exit code 1', async ({ args, message }) => {
    const { code, stderr } = await cli('user:add', ...args);
    expect(code).toBe(1);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
