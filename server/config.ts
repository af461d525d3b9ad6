import { z } from 'zod';

/**
 * Every environment variable the portal reads, declared once. Nothing else reads `process.env`.
 * Each entry's description is what the start-up error shows when the value is wrong.
 */
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

export const configSchema = z
  .object({
    /** TCP port the single server process listens on. */
    PORT: z.coerce.number().int().min(1).max(65535).default(4321).describe('a port number from 1 to 65535'),
    /** Interface to bind; 127.0.0.1 keeps a development server private, 0.0.0.0 behind a reverse proxy. */
    HOST: z.string().trim().min(1).default('127.0.0.1').describe('a host name or IP address to listen on'),
    /** PostgreSQL connection string; when unset the embedded PGlite database in DATA_DIR is used. */
    DATABASE_URL: optionalText
      .refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), 'must start with postgres://')
      .describe('a PostgreSQL URL such as postgres://user:password@host:5432/pcmt'),
    /** Size of the PostgreSQL connection pool. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10).describe('a whole number from 1 to 200'),
    /** Folder for the embedded database and generated secrets. */
    DATA_DIR: z.string().trim().min(1).default('./data').describe('a writable folder path'),
    /** Public address of the portal; an https:// origin turns on HSTS and Secure-only cookies. */
    PUBLIC_ORIGIN: z
      .string()
      .trim()
      .default('http://localhost:4321')
      .refine((value) => {
        try {
          const url = new URL(value);
          return (url.protocol === 'http:' || url.protocol === 'https:') && url.pathname === '/';
        } catch {
          return false;
        }
      }, 'must be an origin')
      .describe('an origin such as https://pcmt.nghean.gov.vn (no path)'),
    /** Largest request body accepted by the API outside of photo uploads, in kilobytes. */
    BODY_LIMIT_KB: z.coerce.number().int().min(16).max(10240).default(256).describe('a whole number of kilobytes from 16 to 10240'),
    /** Development only (set by `npm run dev`): pages are proxied to Astro's dev server at this origin. */
    DEV_SITE_ORIGIN: optionalText
      .refine((value) => value === undefined || /^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(value), 'must be a loopback origin')
      .describe('a loopback origin such as http://127.0.0.1:4322'),
    /** pino log level. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info').describe('one of fatal, error, warn, info, debug, silent'),
  })
  .transform((env) => ({
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    dataDir: env.DATA_DIR,
    publicOrigin: new URL(env.PUBLIC_ORIGIN).origin,
    behindTls: env.PUBLIC_ORIGIN.startsWith('https://'),
    bodyLimitBytes: env.BODY_LIMIT_KB * 1024,
    logLevel: env.LOG_LEVEL,
    devSiteOrigin: env.DEV_SITE_ORIGIN,
  }));

export type Config = z.output<typeof configSchema>;

/** Values of these variables may hold passwords, so errors never echo them. */
const SECRET_VARIABLE = /URL|SECRET|KEY|PASSWORD/;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; a bad value names the variable, what it holds and what it expects. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const shape = configSchema.in.shape;
  const lines = result.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? '?');
    const expected = shape[variable as keyof typeof shape]?.description ?? 'a valid value';
    const shown = SECRET_VARIABLE.test(variable) ? '(hidden)' : JSON.stringify(env[variable] ?? '');
    return `${variable}=${shown} is not valid: expected ${expected} (${issue.message})`;
  });
  throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
}
