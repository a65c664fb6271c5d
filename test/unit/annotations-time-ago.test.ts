import { describe, expect, it } from 'vitest';
import { timeAgo } from '../../renderer/src/features/annotations/relative-time.js';

/** The "edited … ago" marker of a corrected comment. */
describe('timeAgo', () => {
  const now = Date.parse('2026-11-22T10:00:00.000Z');
  const before = (ms: number) => new Date(now - ms).toISOString();
  it('says just now, then minutes, hours and days, rounded', () => {
    expect(timeAgo(before(10_000), now)).toBe('just now');
    expect(timeAgo(before(50_000), now)).toBe('1 min ago');
    expect(timeAgo(before(3 * 60_000 + 10_000), now)).toBe('3 min ago');
    expect(timeAgo(before(5 * 3_600_000), now)).toBe('5 h ago');
    expect(timeAgo(before(2 * 86_400_000 + 3_600_000), now)).toBe('2 d ago');
  });
  it('treats a time slightly ahead of this clock as just now, and keeps an unreadable time as is', () => {
    expect(timeAgo(new Date(now + 5_000).toISOString(), now)).toBe('just now');
    expect(timeAgo('not a time', now)).toBe('not a time');
  });
});
