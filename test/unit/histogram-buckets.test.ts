import { describe, expect, it } from 'vitest';
import { chooseBucket } from '../../electron/backend/store/queries/histogram.js';

describe('histogram bucket choice', () => {
  it('never needs more aligned buckets than asked for, even when the range straddles a boundary', () => {
    for (const max of [10, 120, 2000]) {
      for (const [from, to] of [[59_999, 60_000 * 120], [1, 119 * 60_000 + 1], [1_700_000_000_123, 1_700_086_400_000]]) {
        const step = chooseBucket(from, to, max);
        expect(Math.floor(to / step) - Math.floor(from / step) + 1).toBeLessThanOrEqual(max);
      }
    }
  });
  it('picks the finest readable step that fits', () => {
    expect(chooseBucket(0, 59 * 60_000, 60)).toBe(60_000);
    expect(chooseBucket(0, 60 * 60_000, 60)).toBe(5 * 60_000);
  });
});
