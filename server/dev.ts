import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * `npm run dev`: Astro's dev server (pages reload on change) on ASTRO_DEV_PORT, and the Hono server on PORT,
 * restarted by `node --watch` whenever server code changes; Hono proxies every page to Astro.
 * Open http://127.0.0.1:4321/ (or your PORT).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const astroPort = '4322';
const children: ChildProcess[] = [
  spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', astroPort], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  }),
  spawn(process.execPath, ['--watch-path=server', '--watch-preserve-output', 'server/dev-server.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DEV_SITE_ORIGIN: `http://127.0.0.1:${astroPort}` },
  }),
];
const stopAll = () => children.forEach((child) => child.kill('SIGTERM'));
process.once('SIGINT', stopAll);
process.once('SIGTERM', stopAll);
for (const child of children) child.once('exit', stopAll);
