import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
/** Anything that answers a path: a Hono app (app.request) or a running portal (see `overHttp`). */
export interface PathClient {
  request(path: string): Response | Promise<Response>;
}

export const overHttp = (baseUrl: string): PathClient => ({ request: (path) => fetch(`${baseUrl}${path}`) });

/** Does what the ALTCHA widget does in the browser: fetch a challenge, solve it, encode the payload. */
export async function solveAltcha(client: PathClient): Promise<string> {
  const { provider, ...challenge } = (await (await client.request('/api/captcha')).json()) as { provider: string } & Challenge;
  if (provider !== 'altcha') throw new Error(`expected altcha, got ${provider}`);
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('could not solve the challenge');
  return btoa(JSON.stringify({ challenge, solution }));
}
