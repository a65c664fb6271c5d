import { describe, expect, it } from 'vitest';
import { chooseBucket } from '../../electron/backend/store/queries/histogram.js';
import { chooseStep, toBins, type FineHistogram } from '../../renderer/src/features/timeline/time-bins.js';
import { segments } from '../../renderer/src/features/timeline/stack-keys.js';

/**
 * Bucket choice from seconds to months: what a bar covers as the zoomed range shrinks or grows, and that the backend's
 * fine buckets always add up exactly into those bars (so the bar label is true), stacked counts included.
 */

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;
const BARS = 120;
const FINE = 2000; // what Timeline.tsx asks of the backend

describe('timeline bucket choice', () => {
  it.each([
    [60 * S, '1 s'],
    [15 * MIN, '10 s'],
    [2 * H, '1 min'],
    [20 * H, '15 min'],
    [5 * D, '1 h'],
    [100 * D, '1 day'],
    [2 * 365 * D, '1 week'],
    [8 * 365 * D, '1 month'],
  ])('a span of %d ms gets %s bars', (span, label) => {
    expect(chooseStep(span, BARS).label).toBe(label);
  });

  it('steps through 1 s, 10 s, 1 min, 1 h, 1 day, 1 week and 1 month as the range grows', () => {
    const seen = new Set<string>();
    for (let span = 10 * S; span < 12 * 365 * D; span *= 1.3) seen.add(chooseStep(span, BARS).label);
    for (const label of ['1 s', '10 s', '1 min', '1 h', '1 day', '1 week', '1 month']) expect(seen).toContain(label);
  });

  it.each([
    ['10 s', 15 * MIN],
    ['1 min', 2 * H],
    ['1 h', 5 * D],
    ['1 day', 100 * D],
  ])('%s bars are exact sums of the backend buckets (stacked counts too)', (label, span) => {
    const from = Date.parse('2026-03-02T00:00:00Z') + 7 * S;
    const to = from + span - 13 * S;
    const step = chooseBucket(from, to, FINE);
    // One event per fine bucket, alternating outcomes.
    const buckets: FineHistogram['buckets'] = [];
    for (let t = Math.floor(from / step) * step; t <= to; t += step) {
      const n = buckets.length;
      buckets.push({ t, count: 2, by: n % 2 ? { failure: 1, success: 1 } : { success: 2 } });
    }
    const fine: FineHistogram = { bucketMs: step, buckets, from: Math.floor(from / step) * step, to: Math.floor(to / step) * step + step };
    const bins = toBins(fine, BARS, 'utc')!;
    expect(bins.label).toBe(label);
    expect(bins.aligned).toBe('utc');
    expect(bins.total).toBe(2 * buckets.length);
    for (const bin of bins.bins) {
      const inside = buckets.filter((b) => b.t >= bin.start && b.t < bin.end);
      expect(bin.count).toBe(inside.length * 2);
      expect((bin.by!.success ?? 0) + (bin.by!.failure ?? 0)).toBe(bin.count);
      expect(bin.by!.failure ?? 0).toBe(inside.filter((_, i) => (buckets.indexOf(inside[i]) % 2) === 1).length);
    }
  });
});

describe('stacked segments', () => {
  it('cut a bar bottom-up with the alarming value on the baseline, heights proportional', () => {
    const segs = segments({ success: 6, failure: 2, unknown: 0 }, 'outcome', 40);
    expect(segs.map((s) => [s.key, s.count, s.y0, s.h])).toEqual([
      ['failure', 2, 0, 10],
      ['success', 6, 10, 30],
    ]);
    expect(segments({ info: 1, critical: 1 }, 'severity', 10).map((s) => s.key)).toEqual(['critical', 'info']);
    expect(segments(undefined, 'severity', 10)).toEqual([]);
  });
});
