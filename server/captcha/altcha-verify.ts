import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';
import { deriveKey } from 'altcha-lib/algorithms/sha';

/** Where solved challenges are remembered, so none is accepted twice (altcha-lib's CappedMap). */
export interface UsedChallenges {
  /** Adds the id unless present; true if it was added. Synchronous, hence atomic. */
  setIfAbsent(id: string, value: true): boolean;
}

const HEX_KEY = /^(?:[0-9a-f]{2})+$/;
const MAX_UINT32 = 0xffffffff;

/**
 * Checks a solved self-hosted ALTCHA payload exactly as altcha-lib's `verify()` does for the challenges this
 * portal issues (SHA proof of work, HMAC-SHA-256 signature of the canonical parameters, uint32 counter, no
 * key signature): not expired, signature right, solution re-derived and matching the signed prefix, and the
 * challenge not used before. altcha-lib imports the HMAC key through WebCrypto on every call, which was a
 * tenth of a text tip's CPU; here the key is imported once and HMAC is node:crypto's. A unit test holds the
 * two to the same answers.
 */
export function altchaVerifier(secret: string, used: UsedChallenges): (token: string, nowSeconds?: number) => Promise<boolean> {
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return async (token, nowSeconds = Date.now() / 1000) => {
    try {
      const payload = JSON.parse(atob(token)) as unknown;
      if (!isRecord(payload) || !('challenge' in payload) || !('solution' in payload) || 'verificationData' in payload) return false;
      const { challenge, solution } = payload as { challenge: Record<string, unknown>; solution: Record<string, unknown> | null };
      const parameters = challenge.parameters as Record<string, unknown>;
      if (parameters.expiresAt && (parameters.expiresAt as number) < nowSeconds) return false;
      if (!challenge.signature) return false;
      const signature = createHmac('sha256', key).update(JSON.stringify(sortKeys(parameters))).digest('hex');
      if (!equalText(challenge.signature, signature)) return false;

      const { derivedKey: claimed, counter } = solution ?? {};
      if (typeof claimed !== 'string' || !HEX_KEY.test(claimed) || !Number.isInteger(counter) || (counter as number) < 0 || (counter as number) > MAX_UINT32) return false;
      const nonce = hexBytes(parameters.nonce as string);
      const password = new Uint8Array(nonce.length + 4);
      password.set(nonce);
      new DataView(password.buffer).setUint32(nonce.length, counter as number, false);
      const { derivedKey } = await deriveKey(parameters as never, hexBytes(parameters.salt as string), password);
      const derivedHex = Buffer.from(derivedKey).toString('hex');
      const prefix = parameters.keyPrefix as string;
      const prefixMatches = prefix.length % 2 === 0 ? derivedHex.startsWith(hexBytesToHex(prefix)) : derivedHex.startsWith(prefix.toLowerCase());
      if (!equalText(derivedHex, claimed) || !prefixMatches) return false;

      const data = parameters.data as Record<string, unknown> | undefined;
      return used.setIfAbsent(data?.challengeId ? String(data.challengeId) : String(parameters.nonce), true);
    } catch {
      // Not base64, not JSON, a field of the wrong type: a bad token, like altcha-lib's "payload is invalid".
      return false;
    }
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** altcha-lib's canonical form: keys sorted at every level, undefined values left out. */
function sortKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .flatMap((key) => {
        const item = (value as Record<string, unknown>)[key];
        return item === undefined ? [] : [[key, sortKeys(item)]];
      }),
  );
}

function equalText(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** Hex to bytes; throws on odd length or a non-hex character, as altcha-lib does. */
function hexBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error('not hex');
  return Buffer.from(hex, 'hex');
}

/** An even-length prefix is compared as bytes in altcha-lib, which is case-blind: compare its lower-case hex. */
const hexBytesToHex = (hex: string) => Buffer.from(hexBytes(hex)).toString('hex');
