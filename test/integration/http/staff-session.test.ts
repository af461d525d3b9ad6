import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '#server/app-env.ts';
import { loadConfig } from '#server/config.ts';
import { createSession } from '#server/auth/sessions.ts';
import { createLogger } from '#server/logger.ts';
import { requireStaff, staffSession } from '#server/http/staff-session.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';
import { createStaff } from '../../helpers/staff.ts';
import { wallClock } from '../../helpers/clock.ts';

describe.each(databaseKinds)('staff session for Hono routes on %s', (kind) => {
  let database: TestDatabase;
  let app: Hono<AppEnv>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    app = new Hono<AppEnv>()
      .use('*', async (c, next) => {
        c.set('config', config);
        c.set('database', database);
        c.set('logger', createLogger('silent'));
        await next();
      })
      .use('*', staffSession(), requireStaff(['officer', 'admin']))
      .get('/who', (c) => c.json(c.var.actor!))
      .post('/change', (c) => c.json({ changed: true }));
  });
  afterAll(() => database.dispose());

  async function cookieFor(role: 'officer' | 'reporter') {
    const staff = await createStaff(database.db, `hono.${role}`, { role });
    const session = await createSession(database.db, staff.user.id, 'full', wallClock());
    return { cookie: `pcmt-session=${session.token}`, csrf: session.csrfToken, staff };
  }

  it('gives the route the actor, with its queues', async () => {
    const { cookie, staff } = await cookieFor('officer');
    const response = await app.request('/who', { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ userId: staff.user.id, username: 'hono.officer', role: 'officer', queueCodes: ['pc04'], unitCode: null });
  });

  it('answers 401 without a session and 403 to a role not listed', async () => {
    expect((await app.request('/who')).status).toBe(401);
    const { cookie } = await cookieFor('reporter');
    expect((await app.request('/who', { headers: { Cookie: cookie } })).status).toBe(403);
  });

  it('refuses a post without the session’s X-CSRF-Token', async () => {
    const officer = await createStaff(database.db, 'hono.poster');
    const session = await createSession(database.db, officer.user.id, 'full', wallClock());
    const cookie = `pcmt-session=${session.token}`;
    expect((await app.request('/change', { method: 'POST', headers: { Cookie: cookie } })).status).toBe(403);
    expect((await app.request('/change', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': 'wrong' } })).status).toBe(403);
    expect((await app.request('/change', { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': session.csrfToken } })).status).toBe(200);
  });
});
