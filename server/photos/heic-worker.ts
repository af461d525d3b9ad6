import { parentPort, workerData } from 'node:worker_threads';
import decode from 'heic-decode';

/** Runs in a worker thread (see heic.ts): checks the size before decoding, then decodes the first image. */
const { bytes, maxPixels } = workerData as { bytes: Uint8Array; maxPixels: number };

/** heic-decode 2's `all()` result also carries each image's size and a dispose(); its typings omit them. */
type SizedImages = Array<{ width: number; height: number; decode: () => Promise<{ width: number; height: number; data: Uint8ClampedArray }> }> & {
  dispose(): void;
};

try {
  const images = (await decode.all({ buffer: bytes })) as unknown as SizedImages;
  const first = images[0];
  if (!first) throw new Error('no image in HEIC file');
  if (first.width * first.height > maxPixels) throw new Error('pixel limit exceeded');
  const { width, height, data } = await first.decode();
  images.dispose();
  parentPort!.postMessage({ width, height, pixels: data });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
