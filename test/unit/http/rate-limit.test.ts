import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '#server/app-env.ts';
import { rateLimits } from '#server/http/rate-limit.ts';

const MESSAGE = 'Vui lòng thử lại sau.';

function limitedApp(perClient: number, global: number) {
  let clock = 1_000_000;
  const app = new Hono<AppEnv>()
    .use(rateLimits({ perClient, global, windowMs: 60_000, message: MESSAGE, trustProxy: true, now: () => clock }))
    .post('/', (c) => c.text('ok'));
  const post = (address: string) => app.request('/', { method: 'POST', headers: { 'X-Forwarded-For': address } });
  return { post, advance: (ms: number) => (clock += ms) };
}

describe('rateLimits', () => {
  it('stops one client after its limit, with Retry-After counting down to the end of its window', async () => {
    const { post, advance } = limitedApp(2, 100);
    expect([(await post('198.51.100.1')).status, (await post('198.51.100.1')).status]).toEqual([200, 200]);
    const refused = await post('198.51.100.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('60');
    expect(await refused.json()).toEqual({ errors: [{ field: null, message: MESSAGE }] });
    expect((await post('198.51.100.2')).status).toBe(200);
    advance(45_500);
    expect((await post('198.51.100.1')).headers.get('Retry-After')).toBe('15');
    advance(14_500);
    expect((await post('198.51.100.1')).status).toBe(200);
  });

  it('stops everyone together at the global limit, without holding it against each client', async () => {
    const { post, advance } = limitedApp(5, 3);
    const statuses = [];
    for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']) statuses.push((await post(address)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    advance(60_000);
    expect((await post('203.0.113.4')).status).toBe(200);
  });
});
