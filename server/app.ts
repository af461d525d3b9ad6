import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv, AppVariables } from './app-env.ts';
import { apiError } from './http/api-error.ts';
import { requestLog } from './http/request-log.ts';
import { securityHeaders } from './http/security-headers.ts';
import { createDevSiteProxy, createSiteApp } from './http/site.ts';
import { health } from './routes/health.ts';
import { createOutreachApi, OUTREACH_UPLOAD_PATHS } from './routes/outreach.ts';

export interface AppOptions extends AppVariables {
  /** The Astro build folder; null serves the API alone. */
  distDir: string | null;
}

function createApi(bodyLimitBytes: number, distDir: string | null) {
  const generalLimit = bodyLimit({
    maxSize: bodyLimitBytes,
    onError: (c) => c.json(apiError(null, `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(bodyLimitBytes / 1024)} KB).`), 413),
  });
  return new Hono<AppEnv>()
    .use('*', async (c, next) => {
      await next();
      // Nothing the API answers may be kept by a browser or a proxy: it is about tips and people.
      c.header('Cache-Control', 'no-store');
    })
    // Upload routes carry files and set their own limits.
    .use('*', (c, next) => (OUTREACH_UPLOAD_PATHS.includes(c.req.path) ? next() : generalLimit(c, next)))
    .route('/health', health)
    .route('/outreach', createOutreachApi({ siteDir: distDir }))
    .all('*', (c) => c.json(apiError(null, 'Không tìm thấy địa chỉ API này.'), 404));
}

export type AppType = ReturnType<typeof createApi>;

export async function createApp({ distDir, ...variables }: AppOptions): Promise<Hono<AppEnv>> {
  const { config, logger } = variables;
  const app = new Hono<AppEnv>();
  app.use('*', requestLog(logger));
  app.use('*', securityHeaders({ behindTls: config.behindTls, devMode: Boolean(config.devSiteOrigin) }));
  app.use('*', async (c, next) => {
    c.set('config', config);
    c.set('database', variables.database);
    c.set('logger', logger);
    await next();
  });
  app.route('/api', createApi(config.bodyLimitBytes, distDir));
  if (config.devSiteOrigin) app.route('/', createDevSiteProxy(config.devSiteOrigin));
  else if (distDir) app.route('/', await createSiteApp(distDir));

  app.onError((error, c) => {
    // The message and stack only: the request (address, headers, body) is never logged.
    logger.error({ err: { message: error.message, stack: error.stack } }, 'unhandled error');
    if (c.req.path.startsWith('/api/')) return c.json(apiError(null, 'Máy chủ gặp lỗi. Vui lòng thử lại sau.'), 500);
    return c.text('Máy chủ gặp lỗi. Vui lòng thử lại sau.', 500);
  });
  return app;
}
