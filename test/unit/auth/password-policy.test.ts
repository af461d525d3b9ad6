import { describe, expect, it } from 'vitest';
import { commonPasswordList, passwordProblem } from '#server/auth/password-policy.ts';

describe('password policy', () => {
  it('refuses a password shorter than 12 characters, counting Vietnamese letters as one each', () => {
    expect(passwordProblem('ngắn quá', 'lan')).toBe('tooShort');
    expect(passwordProblem('ba con mèo đẹ', 'lan')).toBeNull(); // 13 code points, more UTF-16 units
    expect(passwordProblem('mười một kt', 'lan')).toBe('tooShort');
  });

  it('refuses an empty password and one over 128 characters', () => {
    expect(passwordProblem('', 'lan')).toBe('empty');
    expect(passwordProblem('x'.repeat(129), 'lan')).toBe('tooLong');
  });

  it('refuses common passwords from the breach list and the Vietnamese list, whatever their case', () => {
    expect(commonPasswordList().size).toBeGreaterThan(40_000);
    expect(passwordProblem('1qaz2wsx3edc', 'lan')).toBe('common');
    expect(passwordProblem('Password1234', 'lan')).toBe('common');
    expect(passwordProblem('MatKhau123456', 'lan')).toBe('common');
    expect(passwordProblem('congannghean', 'lan')).toBe('common');
  });

  it('refuses a password built on the username', () => {
    expect(passwordProblem('nguyen.van.a-2026!', 'nguyen.van.a')).toBe('containsUsername');
  });

  it('has no composition rules: a long passphrase of lower-case words is accepted', () => {
    expect(passwordProblem('trâu cày ruộng sáng sớm', 'lan')).toBeNull();
    expect(passwordProblem('correct horse battery staple', 'lan')).toBeNull();
  });
});
