import { CappedMap, createChallenge, randomInt } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { verify as verifyAltcha } from 'altcha-lib/frameworks/shared';
import hcaptcha from 'hcaptcha';

/**
 * The operator's choice of spam protection: hCaptcha when its keys are configured, otherwise ALTCHA, a
 * proof of work computed in the browser that sends nothing to a third party.
 */
export type CaptchaOutcome =
  /** The token is good. */
  | 'verified'
  /** hCaptcha could not be reached in time: the tip is kept, flagged "captcha chưa xác minh". */
  | 'unverified'
  /** The token is missing, wrong, expired or reused. */
  | 'failed';

/** What a form says when the captcha was not solved (tips and outreach reports alike). */
export const CAPTCHA_FAILED_MESSAGE = 'Hoàn thành bước xác minh chống spam rồi gửi lại.';

export interface Captcha {
  provider: 'altcha' | 'hcaptcha';
  /** The public description for `GET /api/captcha`. */
  describe(): Promise<Record<string, unknown>>;
  verify(token: string): Promise<CaptchaOutcome>;
  /** Origins the browser must reach (for the CSP). */
  origins: string[];
}

const ALTCHA_LIFETIME_SECONDS = 30 * 60;

/**
 * SHA-256 with a counter between a quarter of `maxCounter` and `maxCounter`: at the default 40,000 about a
 * third of a second on a server core (measured), a few seconds on a cheap phone — enough to make bulk spam
 * costly without locking out the people we serve.
 */
export function createAltcha(secret: string, maxCounter: number): Captcha {
  // Solved challenges are remembered until they would have expired anyway, so none can be replayed.
  const used = new CappedMap<string, boolean>({ maxSize: 100_000 });
  return {
    provider: 'altcha',
    origins: [],
    async describe() {
      const challenge = await createChallenge({
        algorithm: 'SHA-256',
        cost: 1,
        counter: randomInt(Math.floor(maxCounter / 4), maxCounter),
        deriveKey,
        hmacSignatureSecret: secret,
        expiresAt: Math.floor(Date.now() / 1000) + ALTCHA_LIFETIME_SECONDS,
      });
      return { provider: 'altcha', ...challenge };
    },
    async verify(token) {
      if (!token) return 'failed';
      const { verification } = await verifyAltcha(token, deriveKey, secret, undefined, used);
      return verification?.verified ? 'verified' : 'failed';
    },
  };
}

const HCAPTCHA_TIMEOUT_MS = 5_000;

/**
 * hCaptcha, verified server-side without `remoteip`: the tipster's address never leaves the portal.
 * When hCaptcha does not answer in time the outcome is 'unverified', never a hung or lost tip.
 */
export function createHcaptcha(sitekey: string, secret: string, timeoutMs = HCAPTCHA_TIMEOUT_MS): Captcha {
  return {
    provider: 'hcaptcha',
    origins: ['https://hcaptcha.com', 'https://*.hcaptcha.com'],
    async describe() {
      return { provider: 'hcaptcha', sitekey };
    },
    async verify(token) {
      if (!token) return 'failed';
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      try {
        const answer = await Promise.race([hcaptcha.verify(secret, token, undefined, sitekey), timeout]);
        if (answer === 'timeout') return 'unverified';
        return answer.success ? 'verified' : 'failed';
      } catch {
        return 'unverified';
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** hCaptcha when the operator configured it, the self-hosted proof of work otherwise. */
export function captchaFor(hcaptchaKeys: { sitekey: string; secret: string } | null, altchaSecret: string, altchaMaxCounter: number): Captcha {
  return hcaptchaKeys ? createHcaptcha(hcaptchaKeys.sitekey, hcaptchaKeys.secret) : createAltcha(altchaSecret, altchaMaxCounter);
}
