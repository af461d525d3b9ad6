import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanEvidence, detectEvidenceType } from '#server/outreach/evidence.ts';

const heicWithGps = readFileSync(new URL('../../fixtures/red-64x48-gps.heic', import.meta.url));

describe('outreach evidence', () => {
  it('takes an iPhone HEIC photo: decoded, re-encoded as a JPEG without the GPS position', async () => {
    expect(detectEvidenceType(heicWithGps)).toBe('heic');
    const [photo] = await cleanEvidence([{ bytes: heicWithGps }]);
    expect(photo).toMatchObject({ kind: 'photo', mediaType: 'image/jpeg' });
    const metadata = await sharp(photo!.bytes).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
    expect(metadata.exif).toBeUndefined();
    expect(photo!.bytes.includes('GPS')).toBe(false);
  });

  it('refuses a HEIC-branded file that does not decode, naming it by position', async () => {
    const broken = Buffer.concat([heicWithGps.subarray(0, 64), Buffer.alloc(200)]);
    await expect(cleanEvidence([{ bytes: broken }])).rejects.toMatchObject({
      errors: [{ field: 'evidence', message: 'Tệp thứ 1 là ảnh hỏng hoặc quá lớn (tối đa 50 triệu điểm ảnh). Chọn ảnh khác.' }],
    });
  });
});
