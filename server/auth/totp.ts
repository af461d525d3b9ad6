import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/**
 * TOTP as every authenticator app reads it (RFC 6238: SHA-1, 6 digits, 30 s). A code is accepted one step
 * either side of the server's clock, for phones whose clock drifts, and a step is accepted once only.
 */
export const TOTP_ISSUER = 'PCMT Nghệ An';
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_WINDOW = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, username: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** The otpauth:// URI an authenticator app scans or imports. */
export function totpUri(secret: string, username: string): string {
  return totpFor(secret, username).toString();
}

/**
 * The time step a code belongs to when it is valid now (within the window), or null. The caller must then
 * refuse any step not later than the last one it accepted: that is what makes a code single-use.
 */
export function matchingTotpStep(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const totp = totpFor(secret, '');
  const delta = totp.validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : totp.counter({ timestamp: now.getTime() }) + delta;
}

/** The code for a moment: for tests and for the CLI's own checks. */
export function totpCode(secret: string, now: Date): string {
  return totpFor(secret, '').generate({ timestamp: now.getTime() });
}

/** The secret in groups of four, for typing into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/**
 * The URI as a QR code in SVG, rendered on the server: no script, and it can sit in the page as markup
 * under the strict CSP (the SVG uses attributes, not style).
 */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}
