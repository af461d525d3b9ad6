import type { MiddlewareHandler } from 'hono';
import { alreadySent } from './already-sent.ts';

export interface SecurityHeaderOptions {
  /** Send HSTS: only when the portal is served over TLS. */
  behindTls: boolean;
  /** Extra origins the operator's captcha needs (hCaptcha); empty for the self-hosted proof of work. */
  captchaOrigins?: string[];
  /** `npm run dev` only: Vite's dev client needs inline scripts and a websocket. Never in production. */
  devMode?: boolean;
  /**
   * Let the page compile WebAssembly ('wasm-unsafe-eval'; it still allows no JavaScript eval): only the
   * search page and Pagefind's own files (its worker) need it, see `wasmAllowed`.
   */
  allowWasm?: boolean;
}

/** The search page in each language runs Pagefind, which searches with WebAssembly, in a worker from /pagefind/. */
export function wasmAllowed(path: string, searchPages: readonly string[]): boolean {
  return path.startsWith('/pagefind/') || searchPages.includes(path);
}

/**
 * The headers every response carries. The CSP allows no inline script and no third party except the
 * captcha origins the operator configured.
 */
export function securityHeaderValues({ behindTls, captchaOrigins = [], devMode = false, allowWasm = false }: SecurityHeaderOptions): Record<string, string> {
  const captcha = [...captchaOrigins, ...(devMode ? ["'unsafe-inline'", 'ws:'] : [])].join(' ');
  const withCaptcha = (base: string) => (captcha ? `${base} ${captcha}` : base);
  const csp = [
    "default-src 'self'",
    withCaptcha(allowWasm ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'"),
    withCaptcha("style-src 'self'"),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    withCaptcha("connect-src 'self'"),
    captcha ? `frame-src ${captcha}` : "frame-src 'none'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const headers: Record<string, string> = {
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  if (behindTls) headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  return headers;
}

export function securityHeaders(options: SecurityHeaderOptions & { searchPages?: readonly string[] }): MiddlewareHandler {
  const everywhere = Object.entries(securityHeaderValues(options));
  const withWasm = Object.entries(securityHeaderValues({ ...options, allowWasm: true }));
  const searchPages = options.searchPages ?? [];
  return async (c, next) => {
    const values = wasmAllowed(c.req.path, searchPages) ? withWasm : everywhere;
    // Responses written straight to the socket (Astro's on-demand pages) get them here, before writing.
    const outgoing = c.env?.outgoing;
    if (outgoing) for (const [name, value] of values) outgoing.setHeader(name, value);
    await next();
    if (!alreadySent(c)) for (const [name, value] of values) c.res.headers.set(name, value);
  };
}
