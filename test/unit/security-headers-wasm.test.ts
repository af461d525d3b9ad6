import { describe, expect, it } from 'vitest';
import { securityHeaderValues, wasmAllowed } from '#server/http/security-headers.ts';
import { SEARCH_PAGE_PATHS } from '#shared/paths/library.ts';

describe('WebAssembly in the CSP', () => {
  it('is allowed on the search pages and Pagefind’s files only', () => {
    expect(SEARCH_PAGE_PATHS).toEqual(['/tim-kiem/', '/en/tim-kiem/']);
    for (const path of [...SEARCH_PAGE_PATHS, '/pagefind/pagefind-worker.js']) expect(wasmAllowed(path, SEARCH_PAGE_PATHS)).toBe(true);
    for (const path of ['/', '/tai-lieu/', '/bai-giang/thcs-lop-6-7/', '/api/health', '/tim-kiem/x']) expect(wasmAllowed(path, SEARCH_PAGE_PATHS)).toBe(false);
  });

  it('adds wasm-unsafe-eval, never unsafe-eval or unsafe-inline', () => {
    const csp = securityHeaderValues({ behindTls: false, allowWasm: true })['Content-Security-Policy']!;
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
    expect(securityHeaderValues({ behindTls: false })['Content-Security-Policy']).toContain("script-src 'self';");
  });
});
