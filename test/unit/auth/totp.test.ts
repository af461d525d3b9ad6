import { describe, expect, it } from 'vitest';
import { matchingTotpStep, newTotpSecret, totpCode, totpQrSvg, totpUri } from '#server/auth/totp.ts';

const secret = newTotpSecret();
const now = new Date('2026-03-01T08:00:10Z');
const step = Math.floor(now.getTime() / 30_000);

describe('TOTP codes', () => {
  it('accepts the current code and one step either side, and names the step it belongs to', () => {
    expect(matchingTotpStep(secret, totpCode(secret, now), now)).toBe(step);
    expect(matchingTotpStep(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(matchingTotpStep(secret, totpCode(secret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
  });

  it('refuses a code two steps away, a wrong code and anything that is not 6 digits', () => {
    expect(matchingTotpStep(secret, totpCode(secret, new Date(now.getTime() - 60_000)), now)).toBeNull();
    const wrong = String((Number(totpCode(secret, now)) + 1) % 1_000_000).padStart(6, '0');
    expect(matchingTotpStep(secret, wrong, now)).toBeNull();
    expect(matchingTotpStep(secret, '12345', now)).toBeNull();
    expect(matchingTotpStep(secret, 'abcdef', now)).toBeNull();
  });

  it('accepts a code typed with a space in the middle', () => {
    const code = totpCode(secret, now);
    expect(matchingTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(step);
  });

  it('gives an otpauth URI with the issuer and a QR code as SVG without style attributes', async () => {
    const uri = totpUri(secret, 'lan.nguyen');
    expect(uri).toMatch(/^otpauth:\/\/totp\/PCMT%20Ngh%E1%BB%87%20An:lan\.nguyen\?/);
    expect(uri).toContain(`secret=${secret}`);
    const svg = await totpQrSvg(uri);
    expect(svg).toMatch(/^<svg [^>]*viewBox/);
    expect(svg).not.toMatch(/style=|<script/);
  });
});
