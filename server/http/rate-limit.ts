import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { every } from 'hono/combine';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppEnv } from '../app-env.ts';
import { apiError } from './api-error.ts';

/**
 * The in-memory key a client is counted under: an HMAC of its address with a key that lives only in this
 * process and is replaced every day. The address itself is never stored, logged or kept past the request,
 * and yesterday's keys cannot be linked to today's.
 */
export class ClientKeys {
  // A KeyObject, not a Buffer: createHmac re-imports a Buffer key on every call.
  #key = createSecretKey(randomBytes(32));
  #day = '';
  readonly #now: () => Date;

  constructor(now: () => Date = () => new Date()) {
    this.#now = now;
  }

  keyFor(address: string): string {
    const day = this.#now().toISOString().slice(0, 10);
    if (day !== this.#day) {
      this.#key = createSecretKey(randomBytes(32));
      this.#day = day;
    }
    return createHmac('sha256', this.#key).update(address).digest('base64url');
  }
}

/** The address to count a request under, read at the moment of counting and then forgotten. */
function addressOf(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

export interface LimitOptions {
  /** Requests one client may make per window. */
  perClient: number;
  /** Requests all clients together may make per window: a flood from many addresses still stops. */
  global: number;
  windowMs: number;
  /** Vietnamese message for the 429 answer. */
  message: string;
  trustProxy: boolean;
  keys?: ClientKeys;
}

export function rateLimits({ perClient, global, windowMs, message, trustProxy, keys = new ClientKeys() }: LimitOptions): MiddlewareHandler<AppEnv> {
  const handler = (c: Context<AppEnv>) => c.json(apiError(null, message), 429);
  return every(
    rateLimiter<AppEnv>({ windowMs, limit: global, standardHeaders: false, keyGenerator: () => 'all', handler }),
    rateLimiter<AppEnv>({ windowMs, limit: perClient, standardHeaders: false, keyGenerator: (c) => keys.keyFor(addressOf(c, trustProxy)), handler }),
  );
}
