import { createHash } from 'node:crypto';
import exifReader from 'exif-reader';
import pLimit from 'p-limit';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { decodeHeic, isHeic } from './heic.ts';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 40_000_000;
/** Longest side kept: enough to read a licence plate, far smaller than a phone's original. */
export const MAX_PHOTO_SIDE = 2560;

/**
 * Image work runs in libuv's thread pool (4 threads), never on the event loop; this bounds how many photos
 * are in flight at once. Four, not sharp's per-image thread count (the core count): on two cores, two
 * slots left the pool half idle and halved photo throughput (npm run bench:tips).
 */
const PHOTO_SLOTS = 4;
const photoSlots = pLimit(PHOTO_SLOTS);

export interface SanitizedPhoto {
  bytes: Buffer;
  mediaType: 'image/webp';
  width: number;
  height: number;
  /** SHA-256 of the bytes the tipster sent: an evidence fingerprint without keeping the original. */
  originalSha256: string;
  /** What the original carried that is now gone, in words for the tipster ("vị trí GPS"…). */
  removedMetadata: string[];
}

export class PhotoError extends Error {
  override name = 'PhotoError';
}

type DetectedFormat = 'jpeg' | 'png' | 'webp' | 'heic';

/** The format from the bytes themselves; a name or declared type proves nothing. */
export function detectImageFormat(bytes: Uint8Array): DetectedFormat | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (Buffer.from(bytes.subarray(0, 8)).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  const ascii = Buffer.from(bytes.subarray(0, 12)).toString('latin1');
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'webp';
  if (isHeic(bytes)) return 'heic';
  return null;
}

function describeRemoved(metadata: Metadata): string[] {
  const removed = new Set<string>();
  if (metadata.exif) {
    try {
      const exif = exifReader(metadata.exif);
      if (exif.GPSInfo && Object.keys(exif.GPSInfo).length > 0) removed.add('vị trí GPS');
      if (exif.Image?.Make || exif.Image?.Model || exif.Image?.Software) removed.add('tên thiết bị');
      if (exif.Photo?.DateTimeOriginal || exif.Image?.DateTime) removed.add('thời điểm chụp');
      if (exif.Photo?.MakerNote) removed.add('ghi chú của hãng máy');
      if (exif.Photo?.BodySerialNumber || exif.Photo?.LensSerialNumber) removed.add('số sê-ri máy');
      if (exif.Image?.Artist || exif.Image?.Copyright || exif.Photo?.CameraOwnerName) removed.add('tên người chụp');
    } catch {
      // Unreadable EXIF is dropped all the same.
    }
    removed.add('dữ liệu EXIF khác');
  }
  if (metadata.xmp) removed.add('dữ liệu XMP');
  if (metadata.iptc) removed.add('dữ liệu IPTC');
  if (metadata.icc) removed.add('hồ sơ màu');
  return [...removed];
}

/**
 * Re-encodes a photo so nothing but pixels survives: auto-oriented, longest side capped, WebP without
 * metadata. Rejects what is not a JPEG, PNG, WebP or HEIC image, is over 10 MB, or over 40 megapixels
 * (a decompression bomb is refused before it is decoded).
 */
export function sanitizePhoto(original: Uint8Array): Promise<SanitizedPhoto> {
  return photoSlots(async () => {
    if (original.length > MAX_PHOTO_BYTES) throw new PhotoError('Mỗi ảnh phải nhỏ hơn 10 MB.');
    const format = detectImageFormat(original);
    if (!format) throw new PhotoError('Chỉ nhận ảnh JPEG, PNG, WebP hoặc HEIC.');
    const originalSha256 = createHash('sha256').update(original).digest('hex');
    let input: Sharp;
    let removedMetadata: string[];
    try {
      if (format === 'heic') {
        const decoded = await decodeHeic(original, MAX_PHOTO_PIXELS);
        input = sharp(decoded.pixels, { raw: { width: decoded.width, height: decoded.height, channels: 4 } });
        removedMetadata = decoded.hadMetadata ? ['dữ liệu EXIF (vị trí GPS, tên thiết bị nếu có)'] : [];
      } else {
        const probe = sharp(original, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' });
        const metadata = await probe.metadata();
        if ((metadata.width ?? 0) * (metadata.height ?? 0) > MAX_PHOTO_PIXELS) throw new PhotoError('Ảnh quá lớn: tối đa 40 triệu điểm ảnh.');
        removedMetadata = describeRemoved(metadata);
        input = sharp(original, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' }).autoOrient();
      }
      const { data, info } = await input
        .resize({ width: MAX_PHOTO_SIDE, height: MAX_PHOTO_SIDE, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      return { bytes: data, mediaType: 'image/webp', width: info.width, height: info.height, originalSha256, removedMetadata };
    } catch (error) {
      if (error instanceof PhotoError) throw error;
      const message = error instanceof Error ? error.message : '';
      if (/pixel limit/i.test(message)) throw new PhotoError('Ảnh quá lớn: tối đa 40 triệu điểm ảnh.');
      throw new PhotoError('Không đọc được ảnh này. Ảnh có thể bị hỏng; hãy chụp hoặc chọn ảnh khác.');
    }
  });
}
