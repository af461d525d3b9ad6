import { fileURLToPath } from 'node:url';
import { ensureBuild } from '#server/build-site.ts';

/** Browser and lifecycle tests serve the real Astro build: make it once, only when the sources changed. */
export default function setup() {
  ensureBuild(fileURLToPath(new URL('../..', import.meta.url)));
}
