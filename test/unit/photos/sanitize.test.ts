import { readFileSync } from 'node:fs';
import exifReader from 'exif-reader';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectImageFormat, MAX_PHOTO_SIDE, PhotoError, sanitizePhoto } from '#server/photos/sanitize.ts';
import { jpegWithGps, plainImage, pngBomb } from '../../helpers/images.ts';

const heicWithGps = readFileSync(new URL('../../fixtures/red-64x48-gps.heic', import.meta.url));

describe('sanitizePhoto', () => {
  it('drops GPS, device name and every other metadata block from a phone JPEG, and says so', async () => {
    const original = await jpegWithGps();
    expect(exifReader((await sharp(original).metadata()).exif!).GPSInfo).toBeDefined();
    const photo = await sanitizePhoto(original);
    const after = await sharp(photo.bytes).metadata();
    expect(after.format).toBe('webp');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(photo.bytes.includes(Buffer.from('MarkerPhoneMaker'))).toBe(false);
    expect(photo.removedMetadata).toEqual(expect.arrayContaining(['vị trí GPS', 'tên thiết bị', 'thời điểm chụp']));
  });

  it('applies the EXIF orientation before dropping it', async () => {
    const photo = await sanitizePhoto(await jpegWithGps(640, 480));
    expect([photo.width, photo.height]).toEqual([480, 640]);
  });

  it('keeps the SHA-256 of the original bytes as the evidence fingerprint', async () => {
    const original = await jpegWithGps();
    const { createHash } = await import('node:crypto');
    expect((await sanitizePhoto(original)).originalSha256).toBe(createHash('sha256').update(original).digest('hex'));
  });

  it.each(['png', 'webp', 'jpeg'] as const)('accepts a %s image', async (format) => {
    const photo = await sanitizePhoto(await plainImage(format));
    expect(photo).toMatchObject({ mediaType: 'image/webp', width: 320, height: 200 });
  });

  it('decodes an iPhone-style HEIC photo and drops its GPS', async () => {
    expect(detectImageFormat(heicWithGps)).toBe('heic');
    const photo = await sanitizePhoto(heicWithGps);
    expect(photo).toMatchObject({ width: 64, height: 48 });
    const after = await sharp(photo.bytes).metadata();
    expect(after.exif).toBeUndefined();
    const { data } = await sharp(photo.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(150); // still the red image it was
  });

  it('caps the longest side', async () => {
    const photo = await sanitizePhoto(await plainImage('jpeg', 4000, 3000));
    expect(Math.max(photo.width, photo.height)).toBe(MAX_PHOTO_SIDE);
  });

  it('rejects a file that only claims to be a photo', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    await expect(sanitizePhoto(gif)).rejects.toThrow(new PhotoError('Chỉ nhận ảnh JPEG, PNG, WebP hoặc HEIC.'));
    await expect(sanitizePhoto(Buffer.from('%PDF-1.7 not an image at all'))).rejects.toThrow(PhotoError);
  });

  it('rejects a decompression bomb before decoding it', async () => {
    await expect(sanitizePhoto(await pngBomb())).rejects.toThrow(new PhotoError('Ảnh quá lớn: tối đa 40 triệu điểm ảnh.'));
  });

  it('rejects a photo over 10 MB', async () => {
    const big = Buffer.concat([await plainImage('jpeg'), Buffer.alloc(10 * 1024 * 1024)]);
    await expect(sanitizePhoto(big)).rejects.toThrow(new PhotoError('Mỗi ảnh phải nhỏ hơn 10 MB.'));
  });

  it('rejects a truncated JPEG with a message the tipster can act on', async () => {
    const jpeg = await plainImage('jpeg');
    await expect(sanitizePhoto(jpeg.subarray(0, 200))).rejects.toThrow(/Không đọc được ảnh này/);
  });
});
