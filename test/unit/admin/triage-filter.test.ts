import { describe, expect, it } from 'vitest';
import type { Actor } from '#server/auth/actor.ts';
import { auditActionLabel } from '#src/admin/audit-labels.ts';
import { triageListHref, triageQueryFrom } from '#src/admin/triage-filter.ts';
import { translator } from '#shared/i18n/index.ts';

const officer: Actor = { userId: 'u1', username: 'can.bo', role: 'officer', queueCodes: ['pc04'], unitCode: null };
const messages = { badDate: 'ngày sai', badRange: 'khoảng sai', badQueue: 'hàng đợi sai' };
const query = (search: string, actor = officer) => triageQueryFrom(new URLSearchParams(search), actor, messages);

describe('the queue list’s filter', () => {
  it('reads dd/mm/yyyy and date-input dates in Vietnam time, "until" including the whole day', () => {
    const { filters, errors } = query('from=01/11/2026&until=2026-11-30');
    expect(errors).toEqual({});
    expect(filters.from?.toISOString()).toBe('2026-10-31T17:00:00.000Z');
    expect(filters.until?.toISOString()).toBe('2026-11-30T17:00:00.000Z');
  });

  it('names a bad date, a reversed range and a queue the officer does not work, keeping what was typed', () => {
    expect(query('from=31/02/2026').errors).toEqual({ from: 'ngày sai' });
    expect(query('from=02/11/2026&until=01/11/2026').errors).toEqual({ until: 'khoảng sai' });
    const foreign = query('queue=hai-quan');
    expect(foreign.errors).toEqual({ queue: 'hàng đợi sai' });
    expect(foreign.values.queue).toBe('hai-quan');
    expect(query('queue=hai-quan', { ...officer, role: 'admin', queueCodes: [] }).errors).toEqual({});
  });

  it('turns checkboxes, tags, sorting and the same-place tip into filters, ignoring unknown values', () => {
    const { filters } = query('photos=1&captcha=1&mine=1&tag=%C4%90i%E1%BB%83m%20N%C3%B3ng&sort=updated&place=42&view=copies');
    expect(filters).toEqual({
      hasPhotos: true,
      captchaUnverified: true,
      assignedToMe: true,
      tag: 'điểm nóng',
      sort: 'updated',
      samePlaceAs: 42,
      view: 'copies',
    });
    expect(query('sort=random&place=abc').filters).toEqual({});
  });

  it('links to the next page with only the filters that are set', () => {
    expect(triageListHref('/quan-tri/tin/', { status: 'moi', category: '' }, 'c|1')).toBe('/quan-tri/tin/?status=moi&after=c%7C1');
    expect(triageListHref('/quan-tri/tin/', {})).toBe('/quan-tri/tin/');
  });
});

describe('audit action labels', () => {
  it('give every tip action a Vietnamese name and leave unknown codes as they are', () => {
    const t = translator('vi');
    const actions = [
      'tip.received',
      'tip.viewed',
      'tip.status.changed',
      'tip.assigned',
      'tip.transferred',
      'tip.note.added',
      'tip.replied',
      'tip.linked',
      'tip.duplicate.marked',
      'tip.tag.added',
      'tip.tag.removed',
    ];
    for (const action of actions) expect(auditActionLabel(t, action)).not.toBe(action);
    expect(auditActionLabel(t, 'tip.status.changed')).toBe('Đổi trạng thái tin');
    expect(auditActionLabel(t, 'auth.login.succeeded')).toBe('auth.login.succeeded');
  });
});
