import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveStatic } from '@hono/node-server/serve-static';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { proxy } from 'hono/proxy';
import type { AppEnv, RenderPage } from '../app-env.ts';
import { outreachProgressPage } from './outreach-progress-page.ts';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void, locals: App.Locals) => Promise<void> | void;

/** Hashed build assets never change under the same name; everything else is revalidated each time. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';

/**
 * The Astro build: prerendered pages and assets from `dist/client`, then the on-demand pages through
 * @astrojs/node's middleware handler. Without a build (API-only tests) only the static part is skipped.
 */
/** Astro's request handler from the build, or null when the build has no server part. */
export async function loadAstroHandler(distDir: string): Promise<NodeHandler | null> {
  const serverEntry = join(distDir, 'server', 'entry.mjs');
  if (!existsSync(serverEntry)) return null;
  return ((await import(pathToFileURL(serverEntry).href)) as { handler: NodeHandler }).handler;
}

const baseLocals = (c: Context<AppEnv>): App.Locals => ({
  config: c.var.config,
  database: c.var.database,
  logger: c.var.logger,
  secrets: c.var.secrets,
  captcha: c.var.captcha,
});

/** See RenderPage: Astro renders `path` for this request, with the route's outcome in its locals. */
export function pageRenderer(handler: NodeHandler): RenderPage {
  return async (c, path, locals, status = 200) => {
    if (!c.env?.incoming) throw new Error('rendering a page needs the Node server (not app.request)');
    c.env.incoming.url = path;
    if (c.var.config.behindTls) markAsTls(c.env.incoming);
    c.env.outgoing.setHeader('Cache-Control', 'no-store');
    const rendered = await renderOnDemand(handler, c.env.incoming, c.env.outgoing, { ...baseLocals(c), ...locals, responseStatus: status });
    if (!rendered) throw new Error(`no on-demand page at ${path}`);
    return rendered;
  };
}

export async function createSiteApp(distDir: string, handler: NodeHandler | null): Promise<Hono<AppEnv>> {
  const clientDir = join(distDir, 'client');
  const notFoundPage = await readFile(join(clientDir, '404.html'), 'utf8').catch(() => 'Không tìm thấy trang.');
  const site = new Hono<AppEnv>();
  // Before the static files: this page's shell is static, its figures are not.
  site.route('/', outreachProgressPage(clientDir));
  if (existsSync(clientDir)) {
    site.use('*', staticCaching());
    site.use('*', serveStatic({ root: clientDir, precompressed: true }));
  }
  if (handler) {
    site.all('*', async (c, next) => {
      // Without Node's request and response (app.request() in tests) there is nothing to hand Astro.
      if (!c.env?.incoming) return next();
      if (c.var.config.behindTls) markAsTls(c.env.incoming);
      return (await renderOnDemand(handler, c.env.incoming, c.env.outgoing, baseLocals(c))) ?? next();
    });
  }
  site.all('*', (c) => c.html(notFoundPage, 404));
  return site;
}

/**
 * Behind the TLS-terminating proxy the socket is plain HTTP, and @astrojs/node builds the request URL from
 * the socket alone (it ignores X-Forwarded-Proto), so pages would see http:// URLs. PUBLIC_ORIGIN=https://…
 * says TLS ends at the proxy: tell Astro so.
 */
function markAsTls(req: IncomingMessage): void {
  if (!('encrypted' in req.socket)) Object.defineProperty(req.socket, 'encrypted', { value: true, configurable: true });
}

/** `npm run dev`: every page comes from Astro's dev server, so edits to src/ and content/ show at once. */
export function createDevSiteProxy(origin: string): Hono {
  return new Hono().all('*', (c) => proxy(new URL(c.req.path + new URL(c.req.url).search, origin), { raw: c.req.raw }));
}

/** Resolves once Astro has written the response itself, or with null when it has no page for the path. */
function renderOnDemand(handler: NodeHandler, req: IncomingMessage, res: ServerResponse, locals: App.Locals): Promise<Response | null> {
  return new Promise((resolve, reject) => {
    res.once('finish', () => resolve(RESPONSE_ALREADY_SENT));
    res.once('close', () => resolve(RESPONSE_ALREADY_SENT));
    Promise.resolve(
      handler(
        req,
        res,
        (error) => {
          if (error) reject(error);
          else resolve(null);
        },
        locals,
      ),
    ).catch(reject);
  });
}

/**
 * Cache rules for files from the build (serveStatic marks them with Last-Modified): hashed assets are
 * immutable, pages are revalidated, and a browser whose copy is current gets a 304.
 */
function staticCaching(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const modified = c.res.headers.get('Last-Modified');
    if (!modified || c.res.status !== 200) return;
    c.header('Cache-Control', c.req.path.startsWith('/_astro/') ? IMMUTABLE : REVALIDATE);
    c.header('Vary', 'Accept-Encoding');
    const since = c.req.header('If-Modified-Since');
    if (since && Date.parse(modified) <= Date.parse(since)) {
      await c.res.body?.cancel();
      const headers = new Headers(c.res.headers);
      headers.delete('Content-Length');
      headers.delete('Content-Encoding');
      c.res = new Response(null, { status: 304, headers });
    }
  };
}
