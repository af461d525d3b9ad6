import { randomInt } from 'node:crypto';
import { fingerprint } from '../crypto/keyring.ts';

/** 16 digits from the CSPRNG: 10^16 codes, so guessing one is hopeless even before rate limits. */
export function generateReceipt(): string {
  // Two draws of 8 digits (randomInt takes ranges below 2^48): half the calls, each uniform.
  return String(randomInt(0, 100_000_000)).padStart(8, '0') + String(randomInt(0, 100_000_000)).padStart(8, '0');
}

/** Written like a phone number so it is easy to copy down: "1234 5678 9012 3456". */
export function formatReceipt(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Accepts what people type: spaces, dots, dashes; answers the 16 digits, or null. */
export function parseReceipt(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const digits = input.replace(/[\s.\-–]/g, '');
  return /^\d{16}$/.test(digits) ? digits : null;
}

/** The only form in which a receipt is stored: an HMAC whose secret is not in the database. */
export const receiptHash = (secret: Buffer, digits: string) => fingerprint(secret, `receipt:${digits}`);
