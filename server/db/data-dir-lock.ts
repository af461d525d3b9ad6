import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite is a whole PostgreSQL inside one process: a second process opening the same folder (a second
 * `npm start`, or `npm run cli` while the portal runs) would write over the first one's pages and lose
 * tips. A lock file naming the holder's pid stops that. A lock left by a process that has died (a crash, a
 * power cut) names a pid that no longer runs, or — after a container restart — this very process's pid
 * without this process holding it; either way it is taken over.
 */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
  constructor(dataDir: string, pid: number) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được một tiến trình khác dùng (pid ${pid}: npm start hoặc npm run cli). ` +
        'Dừng tiến trình đó rồi chạy lại: hai tiến trình cùng mở cơ sở dữ liệu nhúng sẽ làm hỏng dữ liệu. ' +
        `Nếu chắc chắn không còn tiến trình nào dùng thư mục này, xóa tệp ${join(dataDir, LOCK_FILE)}.`,
    );
  }
}

const LOCK_FILE = 'pglite.lock';
/** Lock files this process holds: its own pid in any other lock file is a leftover of an earlier run. */
const held = new Set<string>();

/** Takes the folder's lock or throws DataDirInUseError; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  // Written aside, then linked into place: the lock file appears atomically and already names its pid.
  const draft = `${path}.${process.pid}`;
  writeFileSync(draft, String(process.pid), { mode: 0o600 });
  try {
    for (;;) {
      try {
        linkSync(draft, path);
        held.add(path);
        return () => {
          if (held.delete(path) && holderOf(path) === process.pid) rmSync(path, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = holderOf(path);
      if (holder !== null && (holder === process.pid ? held.has(path) : isRunning(holder))) throw new DataDirInUseError(dataDir, holder);
      rmSync(path, { force: true });
    }
  } finally {
    rmSync(draft, { force: true });
  }
}

function holderOf(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
