import { describe, expect, it } from 'vitest';
import { en } from '#shared/i18n/en.ts';
import { formatDate, localePath, splitLocalePath, vietnameseCollator } from '#shared/i18n/index.ts';
import { vi } from '#shared/i18n/vi.ts';

describe('dictionaries', () => {
  it('have the same keys in Vietnamese and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const dictionary of [vi, en]) for (const value of Object.values(dictionary)) expect(value.trim()).not.toBe('');
  });

  it('store Vietnamese in composed (NFC) form', () => {
    for (const value of Object.values(vi)) expect(value).toBe(value.normalize('NFC'));
  });
});

describe('locale paths', () => {
  it('keeps Vietnamese at the root and prefixes English', () => {
    expect(localePath('vi', '/to-giac/')).toBe('/to-giac/');
    expect(localePath('en', '/to-giac/')).toBe('/en/to-giac/');
  });

  it('splits a path back into language and path', () => {
    expect(splitLocalePath('/en/to-giac/')).toEqual({ lang: 'en', path: '/to-giac/' });
    expect(splitLocalePath('/en')).toEqual({ lang: 'en', path: '/' });
    expect(splitLocalePath('/english/')).toEqual({ lang: 'vi', path: '/english/' });
  });
});

describe('Vietnamese formats', () => {
  it('writes dates as dd/mm/yyyy in Vietnam time', () => {
    expect(formatDate(new Date('2026-06-15T20:00:00Z'))).toBe('16/06/2026');
  });

  it('sorts đ after d and tones after the base letter', () => {
    const names = ['Đô Lương', 'Diễn Châu', 'Anh Sơn', 'Ân Thi', 'Dương'];
    expect([...names].sort(vietnameseCollator.compare)).toEqual(['Anh Sơn', 'Ân Thi', 'Diễn Châu', 'Dương', 'Đô Lương']);
  });
});
