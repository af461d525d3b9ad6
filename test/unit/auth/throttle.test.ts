import { describe, expect, it } from 'vitest';
import { lockDurationMs, lockedMessage } from '#server/auth/throttle.ts';

describe('login back-off', () => {
  it('allows four failures, then locks for 1, 2, 4 … minutes up to an hour', () => {
    expect([1, 2, 3, 4].map(lockDurationMs)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => lockDurationMs(n) / 60_000)).toEqual([1, 2, 4, 8]);
    expect(lockDurationMs(11) / 60_000).toBe(60);
    expect(lockDurationMs(50) / 60_000).toBe(60);
  });

  it('says in Vietnamese, in Vietnam time, when to try again', () => {
    const now = new Date('2026-03-01T07:30:00Z');
    const message = lockedMessage(new Date('2026-03-01T07:34:10Z'), now);
    expect(message).toContain('thử lại sau 14:34');
    expect(message).toContain('khoảng 5 phút nữa');
  });
});
