import { describe, expect, it } from 'vitest';
import { foldVietnamese, normalizeVietnamese } from '#shared/text/vietnamese.ts';

describe('normalizeVietnamese', () => {
  it('matches old and new tone placement', () => {
    expect(normalizeVietnamese('Thị xã Thái Hoà')).toBe(normalizeVietnamese('Thị xã Thái Hòa'));
    expect(normalizeVietnamese('Thuỷ')).toBe('thủy');
    expect(normalizeVietnamese('Khoẻ')).toBe('khỏe');
  });

  it('leaves words where the mark belongs on the second vowel alone', () => {
    expect(normalizeVietnamese('Quý')).toBe('quý');
    expect(normalizeVietnamese('hoàng')).toBe('hoàng');
    expect(normalizeVietnamese('Toán')).toBe('toán');
  });

  it('matches composed and decomposed Unicode and folds spaces', () => {
    const decomposed = 'Nghe\u0323\u0302 An'.normalize('NFD');
    expect(normalizeVietnamese(`  ${decomposed}  `)).toBe('nghệ an');
    expect(normalizeVietnamese('Quỳnh   Lưu')).toBe('quỳnh lưu');
  });
});

describe('foldVietnamese', () => {
  it('removes diacritics and đ for typing without accents', () => {
    expect(foldVietnamese('Đô Lương')).toBe('do luong');
    expect(foldVietnamese('Kỳ Sơn')).toBe('ky son');
  });
});
