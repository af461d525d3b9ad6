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
    /**
     * Keys that encrypt tip content at rest, "id:base64key" (32 bytes each), comma-separated; the first
     * encrypts, all decrypt, so keys can rotate. Unset: generated once into DATA_DIR/secrets.json.
     */
    TIP_ENCRYPTION_KEYS: optionalText
      .refine((value) => value === undefined || value.split(',').every((entry) => /^[a-z0-9-]{1,32}:[A-Za-z0-9+/]{43}=$/.test(entry.trim())), 'bad key list')
      .describe('a list like k2:<44 base64 characters>,k1:<44 base64 characters>, each key 32 random bytes'),
    /** HMAC secret for receipt codes and place fingerprints; never stored in the database. */
    RECEIPT_SECRET: optionalText
      .refine((value) => value === undefined || Buffer.from(value, 'base64').length >= 32, 'too short')
      .describe('at least 32 random bytes, base64-encoded'),
    /** HMAC secret that signs ALTCHA proof-of-work challenges. */
    ALTCHA_SECRET: optionalText.refine((value) => value === undefined || value.length >= 32, 'too short').describe('a random string of at least 32 characters'),
    /**
     * ALTCHA difficulty: the largest counter a browser may have to search to (time grows linearly).
     * 40,000 is a few seconds on a cheap phone; lower it only for benchmarks.
     */
    ALTCHA_MAX_COUNTER: z.coerce.number().int().min(100).max(10_000_000).default(40_000).describe('a whole number from 100 to 10000000'),
    /** hCaptcha keys: both set → hCaptcha; both unset → the self-hosted ALTCHA proof of work. */
    HCAPTCHA_SITEKEY: optionalText.describe('the site key from the hCaptcha dashboard'),
    HCAPTCHA_SECRET: optionalText.describe('the secret key from the hCaptcha dashboard'),
    /**
     * Behind a reverse proxy that sets X-Forwarded-For, use its first address as the (in-memory, hashed)
     * rate-limit key. The address is never stored or logged either way.
     */
    TRUST_PROXY: z.enum(['true', 'false']).default('false').describe('true or false'),
    /** Tips one client may send in 10 minutes (counted in memory under a hashed, daily-rotated key). */
    TIP_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10).describe('a whole number from 1 to 100000'),
    /** Receipt look-ups one client may make in 15 minutes: guessing receipts stays hopeless. */
    FOLLOW_UP_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20).describe('a whole number from 1 to 100000'),
    /**
     * Days a closed tip keeps its content (text, place, photos, messages, notes) before the daily purge
     * removes it; statistics columns stay. At least 30, so a tip closed by mistake can still be reopened.
     */
    TIP_RETENTION_DAYS: z.coerce.number().int().min(30).max(36_500).default(365).describe('a whole number of days from 30 to 36500'),
    /** pino log level. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info').describe('one of fatal, error, warn, info, debug, silent'),
  })
  .refine((env) => Boolean(env.HCAPTCHA_SITEKEY) === Boolean(env.HCAPTCHA_SECRET), {
    message: 'set both HCAPTCHA_SITEKEY and HCAPTCHA_SECRET, or neither',
    path: ['HCAPTCHA_SECRET'],
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
    tipEncryptionKeys: env.TIP_ENCRYPTION_KEYS,
    receiptSecret: env.RECEIPT_SECRET,
    altchaSecret: env.ALTCHA_SECRET,
    altchaMaxCounter: env.ALTCHA_MAX_COUNTER,
    hcaptcha: env.HCAPTCHA_SITEKEY && env.HCAPTCHA_SECRET ? { sitekey: env.HCAPTCHA_SITEKEY, secret: env.HCAPTCHA_SECRET } : null,
    trustProxy: env.TRUST_PROXY === 'true',
    rateLimits: { tipsPerClient: env.TIP_RATE_LIMIT, followUpsPerClient: env.FOLLOW_UP_RATE_LIMIT },
    tipRetentionDays: env.TIP_RETENTION_DAYS,
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
