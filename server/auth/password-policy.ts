import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { VIETNAMESE_COMMON_PASSWORDS } from './common-passwords-vi.ts';

/**
 * What a staff password must be (NIST SP 800-63B): long enough, not a known common password, not built on
 * the username. No composition rules: they make passwords harder to remember, not harder to guess.
 */
export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes any length, but a bound keeps a huge body from costing a hash. */
export const MAX_PASSWORD_LENGTH = 128;

export type PasswordProblem = 'empty' | 'tooShort' | 'tooLong' | 'common' | 'containsUsername';

/** The message for each problem, written as an instruction (GOV.UK style). */
export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  empty: 'Nhập mật khẩu mới',
  tooShort: `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự. Một câu ngắn dễ nhớ là mật khẩu tốt`,
  tooLong: `Mật khẩu tối đa ${MAX_PASSWORD_LENGTH} ký tự`,
  common: 'Mật khẩu này quá phổ biến và dễ bị đoán. Chọn mật khẩu khác',
  containsUsername: 'Mật khẩu không được chứa tên đăng nhập',
};

let commonPasswords: Set<string> | null = null;

/**
 * About 49,000 passwords seen most often in breaches, from the npm package @zxcvbn-ts/language-common (MIT,
 * the list zxcvbn-ts itself uses), plus Vietnamese and local ones that list lacks (common-passwords-vi.ts).
 * Read on first use: the public site never pays for it.
 */
export function commonPasswordList(): Set<string> {
  if (commonPasswords) return commonPasswords;
  const require = createRequire(import.meta.url);
  const breached = JSON.parse(readFileSync(require.resolve('@zxcvbn-ts/language-common/src/passwords.json'), 'utf8')) as string[];
  commonPasswords = new Set([...breached, ...VIETNAMESE_COMMON_PASSWORDS].map(normalise));
  return commonPasswords;
}

/** Case and surrounding spaces do not make a common password uncommon. */
function normalise(password: string): string {
  return password.trim().toLowerCase();
}

/** The first problem with a proposed password, or null when it is acceptable. Pure apart from the cached list. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if (password.length === 0) return 'empty';
  // Counted in code points, so a Vietnamese passphrase with diacritics is measured as a person sees it.
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (length > MAX_PASSWORD_LENGTH) return 'tooLong';
  const normalised = normalise(password);
  if (commonPasswordList().has(normalised)) return 'common';
  if (username.length >= 3 && normalised.includes(username.toLowerCase())) return 'containsUsername';
  return null;
}
