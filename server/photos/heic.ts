import { Worker } from 'node:worker_threads';

/** HEIC brands (ISO BMFF "ftyp" box) that iPhones and many Android phones write. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1']);

export function isHeic(bytes: Uint8Array): boolean {
  const box = Buffer.from(bytes.subarray(4, 12)).toString('latin1');
  return box.startsWith('ftyp') && HEIC_BRANDS.has(box.slice(4, 8));
}

export interface DecodedHeic {
  width: number;
  height: number;
  /** RGBA pixels. */
  pixels: Buffer;
  /** Decoding keeps pixels only; whatever metadata the file had is gone. */
  hadMetadata: boolean;
}

/**
 * sharp's prebuilt libvips reads AVIF but not HEVC-coded HEIC, so HEIC is decoded by libheif compiled to
 * WebAssembly (heic-decode) — in a worker thread, because that decoder would otherwise block the event loop.
 */
export function decodeHeic(bytes: Uint8Array, maxPixels: number): Promise<DecodedHeic> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./heic-worker.ts', import.meta.url), { workerData: { bytes, maxPixels } });
    worker.once('message', (message: { error?: string } & Partial<DecodedHeic>) => {
      void worker.terminate();
      if (message.error) reject(new Error(message.error));
      else resolve({ width: message.width!, height: message.height!, pixels: Buffer.from(message.pixels!), hadMetadata: true });
    });
    worker.once('error', reject);
  });
}
