import { eq } from 'drizzle-orm';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, openText } from '#server/crypto/keyring.ts';
import { auditLog, tipCopies, tipPhotos, tips } from '#server/db/schema.ts';
import { solveAltcha } from '../../helpers/captcha.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../helpers/databases.ts';
import { jpegWithGps, plainImage } from '../../helpers/images.ts';
import { createTestApp } from '../../helpers/test-app.ts';
import { tipForm, tipRowCounts, VALID_DESCRIPTION, type TipFormInput } from '../../helpers/tips.ts';

describe.each(databaseKinds)('tips API on %s', (kind) => {
  let database: TestDatabase;
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    harness = await createTestApp(database, { env: { TIP_RATE_LIMIT: '1000' } });
  });
  afterAll(() => database.dispose());

  const post = (input: TipFormInput) => harness.app.request('/api/tips', { method: 'POST', body: tipForm(input) });

  it('lists the categories as code and label', async () => {
    const response = await harness.app.request('/api/tips/categories');
    const categories = await response.json();
    expect(categories).toHaveLength(10);
    expect(categories[0]).toEqual({ code: 'mua-ban-van-chuyen', label: 'Mua bán, vận chuyển trái phép chất ma túy' });
  });

  it('offers a self-hosted ALTCHA challenge when hCaptcha is not configured', async () => {
    const body = await (await harness.app.request('/api/captcha')).json();
    expect(body.provider).toBe('altcha');
    expect(body.parameters.algorithm).toBe('SHA-256');
    expect(body.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stores a tip with a GPS-tagged photo sealed, routed, stripped, and answers the receipt', async () => {
    const original = await jpegWithGps();
    const response = await post({
      category: 'trong-cay',
      communeCode: '16681',
      place: 'Bãi đất trống sau chợ',
      observedAt: '2026-11-01',
      description: VALID_DESCRIPTION,
      captcha: await solveAltcha(harness.app),
      photos: [{ bytes: original, name: 'IMG_0001.jpg' }],
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(body.removedMetadata).toEqual(expect.arrayContaining(['vị trí GPS', 'tên thiết bị']));

    const [tip] = await database.db.select().from(tips).orderBy(tips.id);
    expect(tip).toMatchObject({
      category: 'trong-cay',
      communeCode: '16681',
      observedOn: '2026-11-01',
      captchaStatus: 'verified',
      status: 'moi',
      photoCount: 1,
    });
    expect(tip!.ownerQueueCode).toBe('cax-16681');
    expect(tip!.routingReason).toContain('Công an Phường Thành Vinh');
    expect(tip!.descriptionSealed!.includes(Buffer.from('karaoke'))).toBe(false);
    expect(openText(harness.secrets.tipKeys, { keyId: tip!.keyId, data: tip!.descriptionSealed! })).toBe(VALID_DESCRIPTION);
    expect(tip!.receiptHash).not.toContain(body.receipt.replaceAll(' ', ''));
    expect(await database.db.select().from(tipCopies).where(eq(tipCopies.tipId, tip!.id))).toEqual([{ tipId: tip!.id, queueCode: 'pc04' }]);
    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(tip!.id)));
    expect(audit).toMatchObject({ actorId: 'system', action: 'tip.received', targetType: 'tip', detail: { owner: 'cax-16681', copies: ['pc04'], photos: 1 } });

    const [photo] = await database.db.select().from(tipPhotos).where(eq(tipPhotos.tipId, tip!.id));
    const stored = open(harness.secrets.tipKeys, { keyId: photo!.keyId, data: photo!.imageSealed! });
    const metadata = await sharp(stored).metadata();
    expect(metadata.format).toBe('webp');
    expect(metadata.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('MarkerPhoneMaker'))).toBe(false);
    expect(exifReader((await sharp(original).metadata()).exif!).GPSInfo).toBeDefined();
  });

  it('takes a tip with only a category, a description and the captcha', async () => {
    const response = await post({ category: 'khac', description: VALID_DESCRIPTION, captcha: await solveAltcha(harness.app) });
    expect(response.status).toBe(201);
  });

  it('honours “không gửi cho công an xã nơi tôi ở”', async () => {
    const before = await database.db.select({ id: tips.id }).from(tips);
    const response = await post({
      category: 'su-dung-trai-phep',
      communeCode: '16681',
      avoidCommunePolice: 'on',
      description: VALID_DESCRIPTION,
      captcha: await solveAltcha(harness.app),
    });
    expect(response.status).toBe(201);
    const [tip] = await database.db.select().from(tips).orderBy(tips.id).offset(before.length);
    expect(tip).toMatchObject({ ownerQueueCode: 'pc04', avoidCommunePolice: true });
    expect(await database.db.select().from(tipCopies).where(eq(tipCopies.tipId, tip!.id))).toEqual([]);
  });

  const badInputs: [string, TipFormInput, string, string][] = [
    ['a missing description', { category: 'khac' }, 'description', 'Nhập nội dung tố giác.'],
    [
      'a description under 20 characters',
      { category: 'khac', description: 'ngắn quá' },
      'description',
      'Nội dung cần ít nhất 20 ký tự để cơ quan chức năng xác minh được.',
    ],
    ['a description over 5,000 characters', { category: 'khac', description: 'a'.repeat(5001) }, 'description', 'Nội dung tối đa 5.000 ký tự.'],
    ['an unknown category', { category: 'xyz', description: VALID_DESCRIPTION }, 'category', 'Chọn loại hành vi bạn muốn báo tin.'],
    [
      'a malformed commune code',
      { category: 'khac', communeCode: '123', description: VALID_DESCRIPTION },
      'communeCode',
      'Chọn xã, phường trong danh sách, hoặc chọn “Không rõ”.',
    ],
    [
      'a date in the future',
      { category: 'khac', observedAt: '2099-01-01', description: VALID_DESCRIPTION },
      'observedAt',
      'Nhập ngày nhìn thấy theo dạng ngày/tháng/năm, không sau hôm nay.',
    ],
    [
      'an impossible date',
      { category: 'khac', observedAt: '31/02/2026', description: VALID_DESCRIPTION },
      'observedAt',
      'Nhập ngày nhìn thấy theo dạng ngày/tháng/năm, không sau hôm nay.',
    ],
    ['a place over 300 characters', { category: 'khac', place: 'x'.repeat(301), description: VALID_DESCRIPTION }, 'place', 'Địa điểm tối đa 300 ký tự.'],
    ['no captcha', { category: 'khac', description: VALID_DESCRIPTION }, 'captcha', 'Hoàn thành bước xác minh chống spam rồi gửi lại.'],
    [
      'a forged captcha',
      { category: 'khac', description: VALID_DESCRIPTION, captcha: btoa('{"challenge":{},"solution":{}}') },
      'captcha',
      'Hoàn thành bước xác minh chống spam rồi gửi lại.',
    ],
  ];

  it.each(badInputs)('refuses %s with a Vietnamese message and stores nothing', async (_name, input, field, message) => {
    const before = await tipRowCounts(database.db);
    const response = await post(input);
    expect(response.status).toBe(400);
    const { errors } = await response.json();
    expect(errors[0]).toEqual({ field, message });
    expect(await tipRowCounts(database.db)).toEqual(before);
  });

  it('refuses a commune code that is not one of the 130 units, after the captcha', async () => {
    const before = await tipRowCounts(database.db);
    const response = await post({ category: 'khac', communeCode: '99999', description: VALID_DESCRIPTION, captcha: await solveAltcha(harness.app) });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].field).toBe('communeCode');
    expect(await tipRowCounts(database.db)).toEqual(before);
  });

  it('refuses a sixth photo', async () => {
    const before = await tipRowCounts(database.db);
    const jpeg = await plainImage('jpeg');
    const photos = Array.from({ length: 6 }, (_, i) => ({ bytes: jpeg, name: `anh-${i}.jpg` }));
    const response = await post({ category: 'khac', description: VALID_DESCRIPTION, captcha: await solveAltcha(harness.app), photos });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([{ field: 'photos', message: 'Tối đa 5 ảnh, mỗi ảnh dưới 10 MB.' }]);
    expect(await tipRowCounts(database.db)).toEqual(before);
  });

  it('refuses a file that is named .jpg but is not an image, naming which one, and stores nothing', async () => {
    const before = await tipRowCounts(database.db);
    const photos = [
      { bytes: await plainImage('png'), name: 'that.png' },
      { bytes: new TextEncoder().encode('MZ this is a program'), name: 'anh.jpg', type: 'image/jpeg' },
    ];
    const response = await post({ category: 'khac', description: VALID_DESCRIPTION, captcha: await solveAltcha(harness.app), photos });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([{ field: 'photos', message: 'Ảnh thứ 2 (anh.jpg): Chỉ nhận ảnh JPEG, PNG, WebP hoặc HEIC.' }]);
    expect(await tipRowCounts(database.db)).toEqual(before);
  });

  it('accepts a solved captcha only once', async () => {
    const captcha = await solveAltcha(harness.app);
    expect((await post({ category: 'khac', description: VALID_DESCRIPTION, captcha })).status).toBe(201);
    const replay = await post({ category: 'khac', description: VALID_DESCRIPTION, captcha });
    expect(replay.status).toBe(400);
    expect((await replay.json()).errors[0].field).toBe('captcha');
  });

  it('refuses a body that is not a form', async () => {
    const response = await harness.app.request('/api/tips', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"description":"x"}' });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].message).toBe('Dữ liệu gửi lên phải là biểu mẫu (multipart/form-data).');
  });
});
