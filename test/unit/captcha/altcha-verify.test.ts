import { CappedMap, createChallenge, solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { verify as altchaLibVerify } from 'altcha-lib/frameworks/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { altchaVerifier } from '../../../server/captcha/altcha-verify.ts';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const now = () => Math.floor(Date.now() / 1000);

async function solved(options: { expiresAt?: number; data?: Record<string, string>; secret?: string } = {}) {
  const challenge: Challenge = await createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: 40,
    deriveKey,
    hmacSignatureSecret: options.secret ?? SECRET,
    expiresAt: options.expiresAt ?? now() + 600,
    ...(options.data ? { data: options.data } : {}),
  });
  const solution = await solveChallenge({ challenge, deriveKey });
  return { challenge, solution: solution! };
}

const encode = (payload: unknown) => btoa(JSON.stringify(payload));

/** The portal's verifier and altcha-lib's, each with its own memory of used challenges. */
function bothVerifiers() {
  const ours = altchaVerifier(SECRET, new CappedMap({ maxSize: 100 }));
  const store = new CappedMap<string, boolean>({ maxSize: 100 });
  const library = async (token: string) => (await altchaLibVerify(token, deriveKey, SECRET, undefined, store)).verification?.verified === true;
  return { ours, library };
}

async function expectSameAnswer(token: string, expected?: boolean) {
  const { ours, library } = bothVerifiers();
  const answer = await library(token);
  expect(await ours(token)).toBe(answer);
  if (expected !== undefined) expect(answer).toBe(expected);
}

describe('altchaVerifier', () => {
  it('accepts a solved challenge once, like altcha-lib', async () => {
    const token = encode(await solved());
    const { ours, library } = bothVerifiers();
    expect([await ours(token), await ours(token)]).toEqual([true, false]);
    expect([await library(token), await library(token)]).toEqual([true, false]);
  });

  it('remembers a challenge by its data.challengeId when it has one', async () => {
    const first = await solved({ data: { challengeId: 'same' } });
    const second = await solved({ data: { challengeId: 'same' } });
    const { ours } = bothVerifiers();
    expect([await ours(encode(first)), await ours(encode(second))]).toEqual([true, false]);
  });

  it('refuses what altcha-lib refuses: expired, signed with another secret, wrong counter, wrong or upper-case key, junk', async () => {
    const good = await solved();
    const cases: [string, unknown][] = [
      ['expired', await solved({ expiresAt: now() - 1 })],
      ['other secret', await solved({ secret: 'another-secret-of-at-least-thirty-two-chars' })],
      ['wrong counter', { ...good, solution: { ...good.solution, counter: good.solution.counter + 1 } }],
      ['upper-case key', { ...good, solution: { ...good.solution, derivedKey: good.solution.derivedKey.toUpperCase() } }],
      ['wrong key', { ...good, solution: { ...good.solution, derivedKey: '00'.repeat(32) } }],
      ['easier prefix', { ...good, challenge: { ...good.challenge, parameters: { ...good.challenge.parameters, keyPrefix: '0' } } }],
      ['no signature', { ...good, challenge: { parameters: good.challenge.parameters } }],
      ['no solution', { challenge: good.challenge }],
    ];
    for (const [, payload] of cases) await expectSameAnswer(encode(payload), false);
    for (const junk of ['', 'not base64 !', btoa('not json'), btoa('null'), btoa('[]'), btoa('{"challenge":null,"solution":null}')]) {
      await expectSameAnswer(junk, false);
    }
  });

  it('gives altcha-lib’s answer for any change to any field of a solved payload', async () => {
    const good = await solved();
    const paths = [
      ['challenge', 'signature'],
      ['challenge', 'parameters', 'algorithm'],
      ['challenge', 'parameters', 'nonce'],
      ['challenge', 'parameters', 'salt'],
      ['challenge', 'parameters', 'cost'],
      ['challenge', 'parameters', 'keyLength'],
      ['challenge', 'parameters', 'keyPrefix'],
      ['challenge', 'parameters', 'expiresAt'],
      ['challenge', 'parameters', 'data'],
      ['solution', 'counter'],
      ['solution', 'derivedKey'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue(), async (path, value) => {
        const payload = structuredClone(good) as unknown as Record<string, Record<string, unknown>>;
        let target: Record<string, unknown> = payload;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
        target[path.at(-1)!] = value;
        await expectSameAnswer(encode(payload));
      }),
      { numRuns: 300 },
    );
  });
});
