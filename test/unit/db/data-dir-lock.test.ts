import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '#server/db/data-dir-lock.ts';

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

describe('the embedded data folder lock', () => {
  let dataDir = '';
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pcmt-lock-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const lockFile = () => join(dataDir, 'pglite.lock');

  it('names the holder, refuses a second opening, and frees the folder on release', () => {
    const release = lockDataDir(dataDir);
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(dataDir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dataDir)).toThrow(`đang được một tiến trình khác dùng (pid ${process.pid}`);
    release();
    expect(existsSync(lockFile())).toBe(false);
    lockDataDir(dataDir)();
  });

  it('refuses while another live process holds it', () => {
    writeFileSync(lockFile(), String(process.ppid));
    expect(() => lockDataDir(dataDir)).toThrow(`pid ${process.ppid}`);
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.ppid));
  });

  it.each([
    ['a process that died', () => String(deadPid())],
    ['an earlier run with this same pid (a restarted container)', () => String(process.pid)],
    ['an unreadable lock file', () => 'garbage'],
  ])('takes over a lock left by %s', (_, content) => {
    writeFileSync(lockFile(), content());
    const release = lockDataDir(dataDir);
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('leaves no draft file behind, taken or refused', () => {
    const release = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(DataDirInUseError);
    release();
    expect(existsSync(join(dataDir, `pglite.lock.${process.pid}`))).toBe(false);
  });
});
