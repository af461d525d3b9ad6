import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { Hono } from 'hono';

/** Does what the ALTCHA widget does in the browser: fetch a challenge, solve it, encode the payload. */
export async function solveAltcha(app: Hono<any>): Promise<string> {
  const { provider, ...challenge } = (await (await app.request('/api/captcha')).json()) as { provider: string } & Challenge;
  if (provider !== 'altcha') throw new Error(`expected altcha, got ${provider}`);
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('could not solve the challenge');
  return btoa(JSON.stringify({ challenge, solution }));
}
