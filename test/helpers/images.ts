import sharp from 'sharp';

/** A real JPEG carrying GPS coordinates, a phone make/model and a capture time in its EXIF, as phones write. */
export function jpegWithGps(width = 640, height = 480): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .jpeg({ quality: 80 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'MarkerPhoneMaker', Model: 'MarkerModel 9', DateTime: '2026:11:01 08:30:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '18/1 40/1 12/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 41/1 24/1' },
    })
    .toBuffer();
}

export function plainImage(format: 'png' | 'webp' | 'jpeg', width = 320, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 10, g: 160, b: 90 } } })
    .toFormat(format)
    .toBuffer();
}

/** A decompression bomb: tiny on the wire, 48 megapixels once decoded. */
export function pngBomb(): Promise<Buffer> {
  return sharp({ create: { width: 8000, height: 6000, channels: 3, background: { r: 0, g: 0, b: 0 } } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}
