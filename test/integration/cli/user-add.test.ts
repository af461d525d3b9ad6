import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/client.ts';
import { auditLog, users } from '../../../server/db/schema.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'pcmt-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** `npm run cli -- ...` as an operator runs it: a separate process on the embedded database in DATA_DIR. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['server/cli/main.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run cli', () => {
  it('lists every command under help', () => {
    const { code, stdout } = cli('help');
    expect(code).toBe(0);
    for (const command of ['help', 'migrate', 'user:add --username U --role officer|supervisor|admin|reporter']) expect(stdout).toContain(command);
  });

  it('user:add creates an administrator and prints a one-time password and the otpauth URI', async () => {
    const { code, stdout } = cli('user:add', '--username', 'Tinh.Admin', '--role', 'admin');
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
    { args: ['--username', 'x', '--role', 'chief'], message: '--role must be one of officer, supervisor, admin, reporter' },
    { args: ['--role', 'admin'], message: '--username is required' },
  ])('refuses $args.1 … with a clear message and exit code 1', ({ args, message }) => {
    const { code, stderr } = cli('user:add', ...args);
    expect(code).toBe(1);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
