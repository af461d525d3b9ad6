import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { runPortal } from './runtime.ts';

/** The Hono half of `npm run dev` (see dev.ts): the API on PORT, pages proxied to Astro's dev server. */
const config = loadConfig();
const portal = await runPortal(config, createLogger(config.logLevel), null);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void portal.stop(1000).then(() => process.exit(0)));
}
