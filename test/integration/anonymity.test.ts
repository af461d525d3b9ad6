import { request } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overHttp, solveAltcha } from '../helpers/captcha.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases.ts';
import { logicalDump, markersIn, rawFiles } from '../helpers/database-dump.ts';
import { jpegWithGps } from '../helpers/images.ts';
import { startPortal } from '../helpers/running-portal.ts';
import { LogCapture } from '../helpers/test-app.ts';
import { tipForm } from '../helpers/tips.ts';

/** The client's own address: requests leave from this loopback address, so the server's socket sees it. */
const SOCKET_ADDRESS = '127.66.55.44';
const FORWARDED = '203.0.113.201';
const REAL_IP = '198.51.100.202';
const FORWARDED_RFC = '192.0.2.203';
const USER_AGENT = 'MarkerAgent/7.7 (Android; MarkerPhone)';
const ADDRESS_MARKERS = [SOCKET_ADDRESS, FORWARDED, REAL_IP, FORWARDED_RFC];
const DESCRIPTION = 'Nội dung bí mật MARKER-ND-93817: nhóm người giao hàng lúc nửa đêm ở bãi xe.';
const PLACE = 'Địa điểm bí mật MARKER-DD-55120';
const MESSAGE = 'Tin nhắn bí mật MARKER-TN-77302 từ người báo tin.';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An HTTP request leaving from SOCKET_ADDRESS with every header that could carry an address. */
function send(baseUrl: string, path: string, init: { method?: string; body?: Buffer; contentType?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      {
        method: init.method ?? 'GET',
        localAddress: SOCKET_ADDRESS,
        headers: {
          'X-Forwarded-For': FORWARDED,
          'X-Real-IP': REAL_IP,
          Forwarded: `for=${FORWARDED_RFC}`,
          'User-Agent': USER_AGENT,
          Accept: 'application/json',
          ...(init.contentType ? { 'Content-Type': init.contentType } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

async function multipart(form: FormData): Promise<{ body: Buffer; contentType: string }> {
  const encoded = new Request('http://localhost/', { method: 'POST', body: form });
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type')! };
}

describe.each(databaseKinds)('anonymity on %s', (kind) => {
  const log = new LogCapture();
  let site: Awaited<ReturnType<typeof startPortal>>;
  let database: TestDatabase | null = null;
  const answers: Answer[] = [];

  beforeAll(async () => {
    database = kind === 'postgres' ? await createTestDatabase('postgres') : null;
    site = await startPortal({ TRUST_PROXY: 'true', ...(database ? { DATABASE_URL: database.url! } : {}) }, log);
    const form = tipForm({
      category: 'to-chuc-su-dung',
      communeCode: '16681',
      place: PLACE,
      description: DESCRIPTION,
      captcha: await solveAltcha(overHttp(site.baseUrl)),
      photos: [{ bytes: await jpegWithGps(), name: 'IMG_0042.jpg' }],
    });
    for (const path of ['/', '/to-giac/', '/theo-doi/', '/api/health', '/api/captcha', '/api/tips/categories']) answers.push(await send(site.baseUrl, path));
    const tip = await send(site.baseUrl, '/api/tips', { method: 'POST', ...(await multipart(form)) });
    answers.push(tip);
    expect(tip.status).toBe(201);
    const { receipt } = JSON.parse(tip.body) as { receipt: string };
    const json = (value: unknown) => ({ method: 'POST', body: Buffer.from(JSON.stringify(value)), contentType: 'application/json' });
    answers.push(await send(site.baseUrl, '/api/follow-up', json({ receipt })));
    answers.push(await send(site.baseUrl, '/api/follow-up/messages', json({ receipt, text: MESSAGE })));
    answers.push(await send(site.baseUrl, '/api/follow-up', json({ receipt: '0000 0000 0000 0000' })));
  }, 120_000);

  afterAll(async () => {
    await site?.stop();
    await database?.dispose();
  });

  it('went through: the tip, its follow-up and the message were accepted', () => {
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200, 201, 200, 201, 404]);
  });

  it('keeps no client address, user agent or tip text anywhere in a dump of the database', async () => {
    const dump = await logicalDump(site.portal.database.db);
    expect(dump).toContain('to-chuc-su-dung');
    expect(markersIn(dump, [...ADDRESS_MARKERS, 'MarkerAgent', 'MARKER-ND-93817', 'MARKER-DD-55120', 'MARKER-TN-77302'])).toEqual([]);
  });

  it.runIf(kind === 'pglite')('keeps none of them in the raw database files on disk either', async () => {
    await site.portal.database.db.execute(sql`checkpoint`);
    const bytes = rawFiles(site.config.dataDir);
    expect(bytes.length).toBeGreaterThan(1_000_000);
    expect(markersIn(bytes, [...ADDRESS_MARKERS, 'MarkerAgent', 'MARKER-ND-93817', 'MARKER-DD-55120', 'MARKER-TN-77302'])).toEqual([]);
  });

  it('writes no client address or user agent to the log', () => {
    expect(log.lines.length).toBeGreaterThan(5);
    expect(markersIn(log.text, [...ADDRESS_MARKERS, 'MarkerAgent', 'MARKER-ND-93817'])).toEqual([]);
  });

  it('sets no cookie on any public answer and lets no answer be cached', () => {
    for (const answer of answers) expect(answer.headers['set-cookie']).toBeUndefined();
    for (const answer of answers.slice(3)) expect(answer.headers['cache-control']).toBe('no-store');
  });
});
