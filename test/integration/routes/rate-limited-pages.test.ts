import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../helpers/databases.ts';
import { startPortalOn, type PortalOn } from '../../helpers/portal-on.ts';
import { tipForm, tipRowCounts, VALID_DESCRIPTION } from '../../helpers/tips.ts';

const KEPT_DESCRIPTION = `${VALID_DESCRIPTION} Giữ lại <b>đoạn này</b>.`;

/** A browser's own form post (no JavaScript): it asks for HTML. */
const browserPost = (url: string, body: FormData) => fetch(url, { method: 'POST', body, headers: { Accept: 'text/html,application/xhtml+xml' } });

function expectRetryAfterWithin(response: Response, windowSeconds: number) {
  const seconds = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(windowSeconds);
}

describe.each(databaseKinds)('rate-limited browser posts on %s', (kind) => {
  let site: PortalOn;
  beforeAll(async () => {
    site = await startPortalOn(kind, { TIP_RATE_LIMIT: '1', FOLLOW_UP_RATE_LIMIT: '1' });
  });
  afterAll(() => site?.stop());

  it('answers a tip over the limit with the form page: 429, Retry-After, the message in the error summary, the text kept', async () => {
    const first = await browserPost(`${site.baseUrl}/api/tips`, tipForm({ category: 'khac', description: VALID_DESCRIPTION, captcha: 'chưa giải' }));
    expect(first.status).toBe(400);
    const before = await tipRowCounts(site.db);

    const limited = await browserPost(
      `${site.baseUrl}/api/tips`,
      tipForm({ category: 'khac', place: 'Chợ Vinh', description: KEPT_DESCRIPTION, captcha: 'chưa giải' }),
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^text\/html/);
    expect(limited.headers.get('cache-control')).toBe('no-store');
    expectRetryAfterWithin(limited, 600);
    const html = await limited.text();
    expect(html).toMatch(/<title>Lỗi: /);
    expect(html).toMatch(/class="error-summary" role="alert"[\s\S]*Bạn đã gửi nhiều tin trong thời gian ngắn\. Vui lòng thử lại sau ít phút\./);
    expect(html).toContain('Giữ lại &lt;b&gt;đoạn này&lt;/b&gt;.</textarea>');
    expect(html).toContain('value="Chợ Vinh"');
    expect(await tipRowCounts(site.db)).toEqual(before);

    // A program still gets the JSON error, with the same Retry-After.
    const program = await fetch(`${site.baseUrl}/api/tips`, { method: 'POST', body: tipForm({ category: 'khac', description: VALID_DESCRIPTION }) });
    expect(program.status).toBe(429);
    expectRetryAfterWithin(program, 600);
    expect(await program.json()).toEqual({ errors: [{ field: null, message: 'Bạn đã gửi nhiều tin trong thời gian ngắn. Vui lòng thử lại sau ít phút.' }] });
  });

  it('answers a receipt look-up over the limit with the follow-up page: 429, Retry-After, the message, the receipt kept', async () => {
    const receipt = '1234 5678 1234 5678';
    const lookUp = () => {
      const form = new FormData();
      form.append('receipt', receipt);
      return browserPost(`${site.baseUrl}/api/follow-up`, form);
    };
    expect((await lookUp()).status).toBe(404);
    const limited = await lookUp();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^text\/html/);
    expectRetryAfterWithin(limited, 900);
    const html = await limited.text();
    expect(html).toMatch(/<title>Lỗi: /);
    expect(html).toMatch(/role="alert"[\s\S]*Bạn đã tra cứu quá nhiều lần\. Vui lòng thử lại sau 15 phút\./);
    expect(html).toContain(`value="${receipt}"`);
  });
});
