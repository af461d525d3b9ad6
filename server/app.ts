import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv, AppVariables } from './app-env.ts';
import { alreadySent } from './http/already-sent.ts';
import { apiError } from './http/api-error.ts';
import { blockCrossSiteWrites } from './http/cross-site-writes.ts';
import { requestLog } from './http/request-log.ts';
import { securityHeaders } from './http/security-headers.ts';
import { createDevSiteProxy, createSiteApp, loadAstroHandler, pageRenderer } from './http/site.ts';
import { captchaFor } from './captcha/captcha.ts';
import { captcha } from './routes/captcha.ts';
import { createFollowUpRoutes } from './routes/follow-up.ts';
import { health } from './routes/health.ts';
import { createTipsRoutes } from './routes/tips.ts';
import { SEARCH_PAGE_PATHS } from '#shared/paths/library.ts';
import { createOutreachApi, OUTREACH_UPLOAD_PATHS } from './routes/outreach.ts';

export interface AppOptions extends Pick<AppVariables, 'config' | 'database' | 'logger' | 'secrets'> {
  /** The Astro build folder; null serves the API alone. */
  distDir: string | null;
}

/** Routes that take files declare their own, larger body limit next to their handlers. */
const UPLOAD_ROUTES = new Set(['/api/tips', '/api/follow-up/messages', ...OUTREACH_UPLOAD_PATHS]);

function createApi(config: AppVariables['config'], distDir: string | null) {
  const defaultLimit = bodyLimit({
    maxSize: config.bodyLimitBytes,
    onError: (c) => c.json(apiError(null, `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(config.bodyLimitBytes / 1024)} KB).`), 413),
  });
  return new Hono<AppEnv>()
    .use('*', async (c, next) => {
      await next();
      // Nothing the API answers may be kept by a browser or a proxy: it is about tips and people.
      if (!alreadySent(c)) c.header('Cache-Control', 'no-store');
    })
    .use('*', (c, next) => (UPLOAD_ROUTES.has(c.req.path.replace(/\/$/, '')) ? next() : defaultLimit(c, next)))
    .route('/health', health)
    .route('/captcha', captcha)
    .route('/tips', createTipsRoutes(config))
    .route('/follow-up', createFollowUpRoutes(config))
    .route('/outreach', createOutreachApi({ siteDir: distDir }))
    .all('*', (c) => c.json(apiError(null, 'Không tìm thấy địa chỉ API này.'), 404));
}

export type AppType = ReturnType<typeof createApi>;

const MB = 1024 * 1024;
/**
 * Pages (not /api) take small forms, up to 1 MB, except the two staff pages that take files. Astro's own
 * limit (astro.config.mjs) is the largest of these and bounds a body sent without Content-Length; this
 * keeps everyone else, the login page included, to 1 MB. Only the header is read: Astro reads the body from
 * Node's request itself, so wrapping the stream here (as hono/body-limit does) would starve it.
 */
const PAGE_BODY_LIMITS: Record<string, number> = {
  '/quan-tri/tuyen-truyen/moi/': 52 * MB,
  '/quan-tri/tuyen-truyen/truong-hoc/nhap/': 6 * MB,
};
const pageBodyLimit: MiddlewareHandler = async (c, next) => {
  const maxSize = PAGE_BODY_LIMITS[c.req.path] ?? MB;
  if (Number(c.req.header('content-length') ?? 0) > maxSize) return c.text(`Dữ liệu gửi lên quá lớn (tối đa ${maxSize / MB} MB).`, 413);
  return next();
};

export async function createApp({ distDir, ...given }: AppOptions): Promise<Hono<AppEnv>> {
  const { config, logger, secrets } = given;
  const astroHandler = distDir && !config.devSiteOrigin ? await loadAstroHandler(distDir) : null;
  const variables: AppVariables = {
    ...given,
    captcha: captchaFor(config.hcaptcha, secrets.altchaSecret, config.altchaMaxCounter),
    renderPage: astroHandler ? pageRenderer(astroHandler) : null,
  };
  const app = new Hono<AppEnv>();
  app.use('*', requestLog(logger));
  app.use(
    '*',
    securityHeaders({
      behindTls: config.behindTls,
      devMode: Boolean(config.devSiteOrigin),
      captchaOrigins: variables.captcha.origins,
      searchPages: SEARCH_PAGE_PATHS,
    }),
  );
  app.use('*', blockCrossSiteWrites(config.publicOrigin));
  app.use('*', async (c, next) => {
    for (const [name, value] of Object.entries(variables)) c.set(name as keyof AppVariables, value as never);
    await next();
  });
  app.route('/api', createApi(config, distDir));
  app.use('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : pageBodyLimit(c, next)));
  if (config.devSiteOrigin) app.route('/', createDevSiteProxy(config.devSiteOrigin));
  else if (distDir) app.route('/', await createSiteApp(distDir, astroHandler));

  app.onError((error, c) => {
    // The message and stack only: the request (address, headers, body) is never logged.
    logger.error({ err: { message: error.message, stack: error.stack } }, 'unhandled error');
    if (c.req.path.startsWith('/api/')) return c.json(apiError(null, 'Máy chủ gặp lỗi. Vui lòng thử lại sau.'), 500);
    return c.text('Máy chủ gặp lỗi. Vui lòng thử lại sau.', 500);
  });
  return app;
}
