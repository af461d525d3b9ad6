import { describe, expect, it } from 'vitest';
import { auditPageHref, auditQueryFrom } from '#src/admin/audit-filter.ts';
import { parseVietnamDay } from '#src/admin/forms.ts';

describe('dates typed in the staff area', () => {
  it('reads dd/mm/yyyy and yyyy-mm-dd as the start of that day in Vietnam', () => {
    expect(parseVietnamDay('05/03/2026')?.toISOString()).toBe('2026-03-04T17:00:00.000Z');
    expect(parseVietnamDay('2026-03-05')?.toISOString()).toBe('2026-03-04T17:00:00.000Z');
  });

  it('refuses dates that do not exist', () => {
    expect(parseVietnamDay('31/02/2026')).toBeNull();
    expect(parseVietnamDay('hôm qua')).toBeNull();
  });

  it('makes "until" include the whole day and keeps the filter in page links', () => {
    const query = auditQueryFrom(new URLSearchParams('from=01/03/2026&until=01/03/2026&action=user.created&trang=2'), 'bad');
    expect(query.filter.from?.toISOString()).toBe('2026-02-28T17:00:00.000Z');
    expect(query.filter.until?.toISOString()).toBe('2026-03-01T17:00:00.000Z');
    expect(query.page).toBe(2);
    expect(auditPageHref('/quan-tri/nhat-ky/', query.values, 3)).toBe(
      '/quan-tri/nhat-ky/?action=user.created&from=01%2F03%2F2026&until=01%2F03%2F2026&trang=3',
    );
  });
});
