import type { Context } from 'hono';

/** A browser's own form post (no JavaScript) asks for HTML; fetch() and programs get JSON. */
export function prefersHtml(c: Context): boolean {
  const accept = c.req.header('Accept') ?? '';
  return accept.includes('text/html') && !accept.startsWith('application/json');
}

/** Waits until at least `ms` have passed since `startedAt`, so answers take the same time whatever they found. */
export async function padTime(startedAt: number, ms: number): Promise<void> {
  const left = ms - (performance.now() - startedAt);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}
