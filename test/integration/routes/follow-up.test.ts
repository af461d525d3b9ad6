import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tipMessages } from '#server/db/schema.ts';
import { solveAltcha } from '../../helpers/captcha.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';
import { jpegWithGps } from '../../helpers/images.ts';
import { createTestApp } from '../../helpers/test-app.ts';
import { tipForm, tipRowCounts, VALID_DESCRIPTION } from '../../helpers/tips.ts';

describe.each(databaseKinds)('follow-up API on %s', (kind) => {
  let database: TestDatabase;
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  let receipt: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    harness = await createTestApp(database, { env: { FOLLOW_UP_RATE_LIMIT: '1000' } });
    const form = tipForm({ category: 'to-chuc-su-dung', description: VALID_DESCRIPTION, captcha: await solveAltcha(harness.app) });
    receipt = (await (await harness.app.request('/api/tips', { method: 'POST', body: form })).json()).receipt;
  });
  afterAll(() => database.dispose());

  const postJson = (path: string, body: unknown) =>
    harness.app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('shows the status in plain words for the receipt, typed with or without spaces', async () => {
    for (const typed of [receipt, receipt.replaceAll(' ', ''), receipt.replaceAll(' ', '-')]) {
      const response = await postJson('/api/follow-up', { receipt: typed });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const view = await response.json();
      expect(view).toMatchObject({ status: 'moi', statusLabel: 'Mới', messages: [], acceptsMessages: true });
      expect(view.statusText).toBe('Tin của bạn đã được tiếp nhận và đang chờ cán bộ xem xét.');
      expect(JSON.stringify(view)).not.toMatch(/queue|pc04|routing/i);
    }
  });

  it('answers a wrong receipt with a Vietnamese message, no sooner than a right one', async () => {
    const timed = async (body: unknown) => {
      const started = performance.now();
      const response = await postJson('/api/follow-up', body);
      return { response, ms: performance.now() - started };
    };
    const wrong = await timed({ receipt: '0000 0000 0000 0000' });
    const right = await timed({ receipt });
    expect(wrong.response.status).toBe(404);
    expect((await wrong.response.json()).errors[0]).toEqual({
      field: 'receipt',
      message: 'Không tìm thấy tin với mã biên nhận này. Kiểm tra lại 16 chữ số trên giấy bạn đã ghi.',
    });
    expect(wrong.ms).toBeGreaterThanOrEqual(390);
    expect(right.ms).toBeGreaterThanOrEqual(390);
    expect((await timed({ receipt: 'không phải mã' })).ms).toBeGreaterThanOrEqual(390);
  });

  it('adds the tipster’s message, with a photo stripped of GPS, and shows it back', async () => {
    const form = new FormData();
    form.append('receipt', receipt);
    form.append('text', 'Bổ sung: xe máy biển số kết thúc bằng 89 thường đến lúc 22 giờ.');
    form.append('photos', new Blob([new Uint8Array(await jpegWithGps())], { type: 'image/jpeg' }), 'them.jpg');
    const response = await harness.app.request('/api/follow-up/messages', { method: 'POST', body: form });
    expect(response.status).toBe(201);
    const view = await response.json();
    expect(view.messages).toEqual([
      expect.objectContaining({ author: 'tipster', text: 'Bổ sung: xe máy biển số kết thúc bằng 89 thường đến lúc 22 giờ.', photoCount: 1 }),
    ]);
    const [stored] = await database.db.select().from(tipMessages);
    expect(stored!.textSealed!.includes(Buffer.from('biển số'))).toBe(false);
  });

  it('refuses an empty message and a wrong receipt, storing nothing', async () => {
    const before = await tipRowCounts(database.db);
    const empty = await postJson('/api/follow-up/messages', { receipt, text: ' ' });
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors).toEqual([{ field: 'text', message: 'Nhập nội dung bạn muốn gửi thêm.' }]);
    const wrong = await postJson('/api/follow-up/messages', { receipt: '1111 1111 1111 1111', text: 'Một tin nhắn đủ dài' });
    expect(wrong.status).toBe(404);
    expect(await tipRowCounts(database.db)).toEqual(before);
  });
});

describe('receipt guessing', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(() => database.dispose());

  it('is cut off after the per-client limit with a Vietnamese message', async () => {
    const { app } = await createTestApp(database, { env: { FOLLOW_UP_RATE_LIMIT: '3' } });
    const guess = () =>
      app.request('/api/follow-up', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"receipt":"1234567812345678"}' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await guess()).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
    expect((await (await guess()).json()).errors[0].message).toBe('Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau 15 phút.');
  });
});
