import { fileURLToPath } from 'node:url';
import { ensureBuild } from './build-site.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { createLogger } from './logger.ts';
import { PortInUseError, runPortal } from './runtime.ts';

/** `npm start`: validate the configuration, build the site if it is missing or stale, migrate, serve. */
const root = fileURLToPath(new URL('..', import.meta.url));
let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(78);
}
const logger = createLogger(config.logLevel);

/** What the operator can fix (a taken port, a data folder in use) ends the start with one sentence, not a stack. */
function refuseToStart(error: unknown): never {
  if (!(error instanceof PortInUseError || error instanceof DataDirInUseError)) throw error;
  console.error(error.message);
  process.exit(1);
}
ensureBuild(root, config.publicOrigin);
const starting = runPortal(config, logger, `${root}dist`);

// Registered before the server listens, so a signal during start-up also ends in a clean stop.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => process.exit(1), 4800);
    const portal = await starting.catch(refuseToStart);
    await portal.stop(3500);
    clearTimeout(forced);
    process.exit(0);
  });
}
await starting.catch(refuseToStart);
