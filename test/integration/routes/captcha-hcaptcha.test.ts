import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tips } from '#server/db/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/databases.ts';
import { createTestApp } from '../../helpers/test-app.ts';
import { tipForm, tipRowCounts, VALID_DESCRIPTION } from '../../helpers/tips.ts';

const HCAPTCHA = { HCAPTCHA_SITEKEY: '10000000-ffff-ffff-ffff-000000000001', HCAPTCHA_SECRET: '0x0000000000000000000000000000000000000000' };

describe('hCaptcha', () => {
  let database: TestDatabase;
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    nock.disableNetConnect();
    database = await createTestDatabase('pglite');
    harness = await createTestApp(database, { env: { ...HCAPTCHA, TIP_RATE_LIMIT: '1000' } });
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await database.dispose();
  });

  const submit = () =>
    harness.app.request('/api/tips', {
      method: 'POST',
      headers: { 'X-Forwarded-For': '198.51.100.23' },
      body: tipForm({ category: 'khac', description: VALID_DESCRIPTION, captcha: 'P1_token' }),
    });

  it('announces hCaptcha and its site key, and lets its origins through the CSP', async () => {
    const response = await harness.app.request('/api/captcha');
    expect(await response.json()).toEqual({ provider: 'hcaptcha', sitekey: HCAPTCHA.HCAPTCHA_SITEKEY });
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self' https://hcaptcha.com https://*.hcaptcha.com");
  });

  it('verifies the token server-side without sending the client address', async () => {
    let sent = '';
    nock('https://hcaptcha.com')
      .post('/siteverify', (body) => {
        sent = new URLSearchParams(body).toString();
        return true;
      })
      .reply(200, { success: true });
    expect((await submit()).status).toBe(201);
    const form = new URLSearchParams(sent);
    expect(form.get('response')).toBe('P1_token');
    expect(form.get('secret')).toBe(HCAPTCHA.HCAPTCHA_SECRET);
    expect(form.has('remoteip')).toBe(false);
    expect(sent).not.toContain('198.51.100.23');
  });

  it('refuses the tip when hCaptcha says the token is bad', async () => {
    nock('https://hcaptcha.com')
      .post('/siteverify')
      .reply(200, { success: false, 'error-codes': ['invalid-input-response'] });
    const before = await tipRowCounts(database.db);
    const response = await submit();
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].field).toBe('captcha');
    expect(await tipRowCounts(database.db)).toEqual(before);
  });

  it('keeps the tip, flagged unverified, when hCaptcha cannot be reached', async () => {
    nock('https://hcaptcha.com').post('/siteverify').replyWithError('connect ETIMEDOUT');
    const response = await submit();
    expect(response.status).toBe(201);
    const rows = await database.db.select().from(tips);
    expect(rows.at(-1)!.captchaStatus).toBe('unverified');
  });

  it('keeps the tip, flagged unverified, when hCaptcha does not answer within 5 seconds', async () => {
    nock('https://hcaptcha.com').post('/siteverify').delay(8000).reply(200, { success: true });
    const started = performance.now();
    const response = await submit();
    expect(response.status).toBe(201);
    expect(performance.now() - started).toBeLessThan(7000);
    expect((await database.db.select().from(tips)).at(-1)!.captchaStatus).toBe('unverified');
  });
});
