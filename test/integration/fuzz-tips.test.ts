import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIP_CATEGORY_CODES } from '#shared/tips/categories.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { tipRowCounts } from '../helpers/tips.ts';

/** Field values a careless, hostile or broken client might send. */
const junkText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('', ' ', '\u0000', '<script>alert(1)</script>', "'; drop table tips; --", '𝕏'.repeat(3000), 'a'.repeat(6000)),
);
const category = fc.oneof(fc.constantFrom(...TIP_CATEGORY_CODES), junkText);
const communeCode = fc.oneof(fc.constantFrom('16681', 'khong-ro', '00000', '99999', '1668', '166811'), junkText);
const observedAt = fc.oneof(fc.constantFrom('2026-11-01', '31/02/2026', '2099-01-01', '1999-12-31', '00/00/0000'), junkText);
const photoBytes = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  fc.constant(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])),
  fc.constant(new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ')),
);

/** A multipart tip whose captcha is never valid: every request must be refused, cleanly. */
const badForm = fc
  .record(
    {
      category,
      communeCode,
      place: junkText,
      observedAt,
      description: junkText,
      avoidCommunePolice: fc.oneof(fc.constantFrom('on', 'true', 'off'), junkText),
      captcha: fc.oneof(junkText, fc.base64String({ maxLength: 200 })),
      photos: fc.array(fc.record({ bytes: photoBytes, name: junkText }), { maxLength: 7 }),
      extra: fc.dictionary(fc.string({ maxLength: 10 }), junkText, { maxKeys: 3 }),
    },
    { requiredKeys: [] },
  )
  .map(({ photos = [], extra = {}, ...fields }) => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...extra, ...fields })) form.append(name, value);
    for (const photo of photos) form.append('photos', new Blob([new Uint8Array(photo.bytes)]), photo.name);
    return { body: form as BodyInit, headers: {} };
  });

/** Bodies that are not a tip form at all. */
const badBody = fc.record({
  body: fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => new Uint8Array(bytes) as BodyInit),
  ),
  headers: fc.constantFrom<Record<string, string>>(
    { 'Content-Type': 'application/json' },
    { 'Content-Type': 'multipart/form-data; boundary=xyz' },
    { 'Content-Type': 'multipart/form-data' },
    { 'Content-Type': 'application/x-www-form-urlencoded' },
    { 'Content-Type': 'text/plain' },
    {},
  ),
});

describe('POST /api/tips under fuzzing', () => {
  let database: TestDatabase;
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    harness = await createTestApp(database, { env: { TIP_RATE_LIMIT: '100000' } });
  });
  afterAll(() => database.dispose());

  it('answers 1,200 generated bad requests with a 4xx in Vietnamese, never a 5xx, and stores nothing', { timeout: 180_000 }, async () => {
    const before = await tipRowCounts(database.db);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: badForm }, { weight: 1, arbitrary: badBody }), async ({ body, headers }) => {
        runs++;
        const response = await harness.app.request('/api/tips', { method: 'POST', body, headers });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        const { errors } = (await response.json()) as { errors: { message: string }[] };
        expect(errors.length).toBeGreaterThan(0);
        for (const error of errors) expect(error.message).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳý]/i);
      }),
      { numRuns: 1200 },
    );
    expect(runs).toBeGreaterThanOrEqual(1200);
    expect(await tipRowCounts(database.db)).toEqual(before);
  });
});
