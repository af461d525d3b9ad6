import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
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
  /**
   * The 429 answer; JSON `{errors}` unless given. Routes that browsers post forms to give their HTML page
   * (server/routes/tips.ts). Retry-After is set either way.
   */
  answer?: (c: Context<AppEnv>, message: string) => Response | Promise<Response>;
  keys?: ClientKeys;
  now?: () => number;
}

/**
 * Counters that start at a key's first request and reset `windowMs` later (what hono-rate-limiter's
 * memory store did, without its two middleware layers per request). Expired keys are swept once a window.
 */
class FixedWindows {
  readonly #counts = new Map<string, { hits: number; resetAt: number }>();
  #sweptAt = 0;
  readonly #limit: number;
  readonly #windowMs: number;

  constructor(limit: number, windowMs: number) {
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  /** Counts one request; answers the seconds until its window resets when it is over the limit, else 0. */
  hit(key: string, now: number): number {
    if (now - this.#sweptAt >= this.#windowMs) {
      for (const [old, entry] of this.#counts) if (entry.resetAt <= now) this.#counts.delete(old);
      this.#sweptAt = now;
    }
    let entry = this.#counts.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { hits: 0, resetAt: now + this.#windowMs };
      this.#counts.set(key, entry);
    }
    entry.hits++;
    return entry.hits > this.#limit ? Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) : 0;
  }
}

export function rateLimits(options: LimitOptions): MiddlewareHandler<AppEnv> {
  const { perClient, global, windowMs, message, trustProxy, keys = new ClientKeys(), now = Date.now } = options;
  const answer = options.answer ?? ((c: Context<AppEnv>) => c.json(apiError(null, message), 429));
  const everyone = new FixedWindows(global, windowMs);
  const clients = new FixedWindows(perClient, windowMs);
  return async (c, next) => {
    const at = now();
    // The global window counts first, as before: a request refused by it is not held against its client.
    const wait = everyone.hit('all', at) || clients.hit(keys.keyFor(addressOf(c, trustProxy)), at);
    if (wait === 0) return next();
    c.header('Retry-After', String(wait));
    // Astro's pages write straight to the socket, past Hono's headers.
    c.env?.outgoing?.setHeader('Retry-After', String(wait));
    return answer(c, message);
  };
}
