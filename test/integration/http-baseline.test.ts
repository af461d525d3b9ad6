import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp } from '../helpers/test-app.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('pglite');
});
afterAll(() => database.dispose());

describe('security headers', () => {
  it('sends a strict CSP and the privacy headers on API answers and pages', async () => {
    const { app } = await createTestApp(database, { withSite: true });
    for (const path of ['/api/health', '/', '/en/', '/khong-co-trang-nay']) {
      const response = await app.request(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('permissions-policy'), path).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('adds HSTS only when the portal is served over TLS', async () => {
    const { app } = await createTestApp(database, { env: { PUBLIC_ORIGIN: 'https://pcmt.example.vn' } });
    const response = await app.request('/api/health');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{8}/);
  });
});

describe('static site', () => {
  it('serves the Vietnamese home page with lang="vi", revalidated on every visit', async () => {
    const { app } = await createTestApp(database, { withSite: true });
    const response = await app.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const html = await response.text();
    expect(html).toContain('<html lang="vi"');
    expect(html).toContain('tel:113');
    expect(html).toContain('0769.04.04.04');
  });

  it('caches hashed assets for a year and serves them precompressed', async () => {
    const { app } = await createTestApp(database, { withSite: true });
    const html = await (await app.request('/')).text();
    const stylesheet = /href="(\/_astro\/[^"]+\.css)"/.exec(html)?.[1];
    expect(stylesheet).toBeDefined();
    const response = await app.request(stylesheet!, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('br');
  });

  it('answers 304 to a browser whose copy is current', async () => {
    const { app } = await createTestApp(database, { withSite: true });
    const first = await app.request('/');
    const lastModified = first.headers.get('last-modified')!;
    const second = await app.request('/', { headers: { 'If-Modified-Since': lastModified } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
  });

  it('answers an unknown page with the 404 page', async () => {
    const { app } = await createTestApp(database, { withSite: true });
    const response = await app.request('/khong-co-trang-nay/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Không tìm thấy trang');
  });
});

describe('API limits and errors', () => {
  it('refuses a body over the limit with a Vietnamese message', async () => {
    const { app } = await createTestApp(database, { env: { BODY_LIMIT_KB: '16' } });
    const response = await app.request('/api/health', { method: 'POST', body: 'x'.repeat(17 * 1024) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [{ field: null, message: 'Dữ liệu gửi lên quá lớn (tối đa 16 KB).' }] });
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const { app } = await createTestApp(database, { withSite: true });
    const response = await app.request('/api/khong-co');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ field: null, message: 'Không tìm thấy địa chỉ API này.' }] });
  });
});

describe('request log', () => {
  it('records method, path, status and duration, and nothing that identifies the visitor', async () => {
    const { app, log } = await createTestApp(database, { withSite: true });
    const marker = '203.0.113.77';
    await app.request('/api/health?ref=secret-query', {
      headers: {
        'X-Forwarded-For': marker,
        'X-Real-IP': marker,
        'User-Agent': 'MarkerAgent/9.9',
        Cookie: 'session=marker-cookie',
        Referer: 'https://marker-referrer.example/',
      },
    });
    const entry = log.lines.map((line) => JSON.parse(line)).find((line) => line.msg === 'request');
    expect(Object.keys(entry).sort()).toEqual(['level', 'method', 'ms', 'msg', 'route', 'status', 'time']);
    expect(entry).toMatchObject({ method: 'GET', route: '/api/health', status: 200 });
    for (const secret of [marker, 'MarkerAgent', 'marker-cookie', 'secret-query', 'marker-referrer']) {
      expect(log.text).not.toContain(secret);
    }
  });

  it('logs an unhandled error without the request that caused it', async () => {
    // A database handle whose ping breaks its promise never to throw stands in for any bug in a handler.
    const broken = { ...database, ping: () => Promise.reject(new Error('kaboom')) };
    const { app, log } = await createTestApp(broken);
    const response = await app.request('/api/health', { headers: { 'X-Forwarded-For': '198.51.100.9' } });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ errors: [{ field: null, message: 'Máy chủ gặp lỗi. Vui lòng thử lại sau.' }] });
    expect(log.text).toContain('kaboom');
    expect(log.text).not.toContain('198.51.100.9');
  });
});

describe('cross-site writes', () => {
  const post = (headers: Record<string, string>) =>
    createTestApp(database).then(({ app }) =>
      app.request('/api/khong-co', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: 'a=1' }),
    );

  it('refuses a post that the browser marks as cross-site', async () => {
    const response = await post({ 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect((await response.json()).errors[0].message).toMatch(/không gửi từ trang của cổng/);
  });

  it('refuses a foreign Origin from a browser that sends no Sec-Fetch-Site', async () => {
    expect((await post({ Origin: 'https://evil.example' })).status).toBe(403);
  });

  it('lets through a same-origin form post that carries Origin: null (Referrer-Policy no-referrer)', async () => {
    expect((await post({ 'Sec-Fetch-Site': 'same-origin', Origin: 'null' })).status).toBe(404);
  });

  it('lets through a program that sends neither header', async () => {
    expect((await post({})).status).toBe(404);
  });
});
