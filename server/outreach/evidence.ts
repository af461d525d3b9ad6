import { randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import { OutreachRefusal, type FieldError } from './errors.ts';
import { decodeHeic, isHeic } from '../photos/heic.ts';

/** Limits told to the user in the form's hint (outreach.field.evidence.hint). */
export const EVIDENCE_LIMITS = {
  maxFiles: 5,
  maxBytes: 10 * 1024 * 1024,
  /** Larger pictures are refused before decoding, so a crafted file cannot exhaust memory. */
  maxInputPixels: 50_000_000,
  /** Stored photos are scaled down to fit this box: enough to see who and what was there. */
  maxStoredSide: 2560,
} as const;

export interface EvidenceUpload {
  bytes: Uint8Array;
}

export interface CleanEvidence {
  id: string;
  kind: 'photo' | 'document';
  mediaType: string;
  bytes: Buffer;
}

type Detected = 'jpeg' | 'png' | 'webp' | 'heic' | 'pdf' | 'docx' | null;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The file's real type from its first bytes; the name and the browser's claimed type are ignored. */
export function detectEvidenceType(bytes: Uint8Array): Detected {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (isHeic(bytes)) return 'heic';
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && isWordDocument(bytes)) return 'docx';
  return null;
}

/** A DOCX is a zip with a Word main part; only the directory is read, nothing is decompressed. */
function isWordDocument(bytes: Uint8Array): boolean {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return false;
  }
  return names.includes('[Content_Types].xml') && names.includes('word/document.xml');
}

/**
 * Re-encodes a photo: turned upright from its EXIF orientation, scaled down, written as a new JPEG. sharp
 * copies no metadata unless asked, so EXIF (GPS, camera serial), XMP and IPTC are gone.
 */
async function cleanPhoto(bytes: Uint8Array, heic: boolean): Promise<Buffer> {
  // sharp loads libvips: only when a photo arrives, not at every start.
  const { default: sharp } = await import('sharp');
  // sharp's libvips cannot read HEVC-coded HEIC: the tip pipeline's decoder turns it into bare pixels first.
  const decoded = heic ? await decodeHeic(bytes, EVIDENCE_LIMITS.maxInputPixels) : null;
  const input = decoded
    ? sharp(decoded.pixels, { raw: { width: decoded.width, height: decoded.height, channels: 4 } })
    : sharp(bytes, { limitInputPixels: EVIDENCE_LIMITS.maxInputPixels, failOn: 'error' }).autoOrient();
  return input
    .resize({ width: EVIDENCE_LIMITS.maxStoredSide, height: EVIDENCE_LIMITS.maxStoredSide, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** Checks and cleans every uploaded file; one bad file refuses the whole submission, naming it by position. */
export async function cleanEvidence(uploads: readonly EvidenceUpload[]): Promise<CleanEvidence[]> {
  const nonEmpty = uploads.filter((upload) => upload.bytes.length > 0);
  if (nonEmpty.length > EVIDENCE_LIMITS.maxFiles) {
    throw new OutreachRefusal(422, [{ field: 'evidence', message: `Gửi tối đa ${EVIDENCE_LIMITS.maxFiles} tệp minh chứng.` }]);
  }
  const errors: FieldError[] = [];
  const cleaned: CleanEvidence[] = [];
  for (const [index, upload] of nonEmpty.entries()) {
    const which = `Tệp thứ ${index + 1}`;
    if (upload.bytes.length > EVIDENCE_LIMITS.maxBytes) {
      errors.push({ field: 'evidence', message: `${which} lớn hơn 10 MB. Chọn ảnh hoặc tài liệu nhỏ hơn 10 MB.` });
      continue;
    }
    const type = detectEvidenceType(upload.bytes);
    if (type === null) {
      errors.push({ field: 'evidence', message: `${which} không phải ảnh JPEG, PNG, WebP, HEIC hay tài liệu PDF, DOCX.` });
    } else if (type === 'pdf' || type === 'docx') {
      const mediaType = type === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      cleaned.push({ id: randomUUID(), kind: 'document', mediaType, bytes: Buffer.from(upload.bytes) });
    } else {
      try {
        cleaned.push({ id: randomUUID(), kind: 'photo', mediaType: 'image/jpeg', bytes: await cleanPhoto(upload.bytes, type === 'heic') });
      } catch {
        errors.push({ field: 'evidence', message: `${which} là ảnh hỏng hoặc quá lớn (tối đa 50 triệu điểm ảnh). Chọn ảnh khác.` });
      }
    }
  }
  if (errors.length) throw new OutreachRefusal(422, errors);
  return cleaned;
}
