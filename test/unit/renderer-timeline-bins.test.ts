import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  axisTicks,
  BIN_STEPS,
  boundaries,
  chooseStep,
  floorTo,
  type FineHistogram,
  toBins,
} from '../../renderer/src/features/timeline/time-bins.js';

const H = 3_600_000;
const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);
const step = (label: string) => BIN_STEPS.find((s) => s.label === label)!;

/** What the backend answers: buckets on multiples of `bucketMs` since the epoch (see store/queries/histogram.ts). */
function backend(times: number[], bucketMs: number): FineHistogram {
  const counts = new Map<number, number>();
  for (const ts of times) {
    const t = Math.floor(ts / bucketMs) * bucketMs;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const buckets = [...counts].sort((a, b) => a[0] - b[0]).map(([t, count]) => ({ t, count }));
  const lo = Math.min(...times);
  const hi = Math.max(...times);
  return { bucketMs, buckets, from: Math.floor(lo / bucketMs) * bucketMs, to: Math.floor(hi / bucketMs) * bucketMs + bucketMs };
}

/** One event every `every` ms in [from, to). */
function evenly(from: string, to: string, every: number): number[] {
  const out: number[] = [];
  for (let t = at(from); t < at(to); t += every) out.push(t);
  return out;
}

const TZ = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'Europe/Paris';
});
afterAll(() => {
  if (TZ === undefined) delete process.env.TZ;
  else process.env.TZ = TZ;
});

describe('timeline bars follow the display zone', () => {
  it('puts 6-hour bars on local 00:00/06:00/12:00/18:00, and the bar of the night DST ends lasts 7 hours', () => {
    // Paris, 2026-10-24 00:00 +02:00 to 2026-10-26 00:00 +01:00: one event every 10 minutes.
    const times = evenly('2026-10-23T22:00:00Z', '2026-10-25T23:00:00Z', 10 * MIN);
    const fine = backend(times, 30 * MIN);
    const bins = toBins(fine, 9, 'local')!; // 49 h: 9 bars of 6 h at most
    expect(bins.label).toBe('6 h');
    expect(bins.aligned).toBe('local');
    const starts = bins.bins.map((b) => new Date(b.start).toISOString());
    expect(starts).toEqual([
      '2026-10-23T22:00:00.000Z', // Oct 24 00:00 +02:00
      '2026-10-24T04:00:00.000Z',
      '2026-10-24T10:00:00.000Z',
      '2026-10-24T16:00:00.000Z',
      '2026-10-24T22:00:00.000Z', // Oct 25 00:00 +02:00 ...
      '2026-10-25T05:00:00.000Z', // ... to 06:00 +01:00: 7 hours
      '2026-10-25T11:00:00.000Z',
      '2026-10-25T17:00:00.000Z',
    ]);
    expect(bins.bins[4].end - bins.bins[4].start).toBe(7 * H);
    expect(bins.bins[4].count).toBe(42);
    expect(bins.bins[3].count).toBe(36);
    // Nothing lost or counted twice.
    expect(bins.total).toBe(times.length);
    expect(bins.bins.reduce((n, b) => n + b.count, 0)).toBe(times.length);
  });

  it('keeps bars on UTC boundaries in UTC mode', () => {
    const times = evenly('2026-10-23T22:00:00Z', '2026-10-25T23:00:00Z', 10 * MIN);
    const bins = toBins(backend(times, 30 * MIN), 9, 'utc')!;
    expect(bins.aligned).toBe('utc');
    expect(new Date(bins.bins[0].start).toISOString()).toBe('2026-10-23T18:00:00.000Z');
    expect(bins.bins.every((b) => b.end - b.start === 6 * H)).toBe(true);
    expect(bins.total).toBe(times.length);
  });

  it('counts an event in the bar of its local day even when its UTC day differs', () => {
    process.env.TZ = 'America/New_York';
    const times = [at('2026-03-02T03:00:00Z'), at('2026-03-02T06:00:00Z'), at('2026-03-20T12:00:00Z')];
    const bins = toBins(backend(times, H), 30, 'local')!;
    expect(bins.label).toBe('1 day');
    expect(bins.aligned).toBe('local');
    // 03:00Z is 22:00 on March 1 in New York; 06:00Z is 01:00 on March 2.
    expect(bins.bins[0]).toEqual({ start: at('2026-03-01T05:00:00Z'), end: at('2026-03-02T05:00:00Z'), count: 1 });
    expect(bins.bins[1]).toEqual({ start: at('2026-03-02T05:00:00Z'), end: at('2026-03-03T05:00:00Z'), count: 1 });
    // After the switch to EDT (March 8) local midnight is 04:00Z.
    expect(bins.bins[2]).toEqual({ start: at('2026-03-20T04:00:00Z'), end: at('2026-03-21T04:00:00Z'), count: 1 });
  });

  it('aligns on half-hour zones when the fine buckets allow it', () => {
    process.env.TZ = 'Asia/Kolkata';
    const times = evenly('2026-01-01T00:00:00Z', '2026-01-11T00:00:00Z', 20 * MIN);
    const bins = toBins(backend(times, 30 * MIN), 12, 'local')!;
    expect(bins.label).toBe('1 day');
    expect(bins.aligned).toBe('local');
    expect(new Date(bins.bins[1].start).toISOString()).toBe('2026-01-01T18:30:00.000Z');
    expect(bins.total).toBe(times.length);
  });

  it('falls back to UTC bars (and says so) when local bars would split a backend bucket', () => {
    // Nepal is UTC+05:45: its midnight is never on a 30-minute boundary of UTC.
    process.env.TZ = 'Asia/Kathmandu';
    const times = evenly('2026-01-01T00:00:00Z', '2026-01-11T00:00:00Z', 20 * MIN);
    const bins = toBins(backend(times, 30 * MIN), 12, 'local')!;
    expect(bins.aligned).toBe('utc');
    expect(new Date(bins.bins[0].start).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(bins.total).toBe(times.length);
  });

  it('uses calendar months (not 30-day blocks) for long spans', () => {
    const times = [at('2024-01-31T23:00:00Z'), at('2024-02-01T00:00:00Z'), at('2024-02-29T12:00:00Z'), at('2029-12-31T23:59:59Z')];
    const bins = toBins(backend(times, 86_400_000), 100, 'utc')!;
    expect(bins.label).toBe('1 month');
    expect(bins.bins.slice(0, 2)).toEqual([
      { start: at('2024-01-01T00:00:00Z'), end: at('2024-02-01T00:00:00Z'), count: 1 },
      { start: at('2024-02-01T00:00:00Z'), end: at('2024-03-01T00:00:00Z'), count: 2 },
    ]);
    expect(bins.to).toBe(at('2030-01-01T00:00:00Z'));
  });

  it('answers null for an empty result', () => {
    expect(toBins({ bucketMs: MIN, buckets: [], from: null, to: null }, 100, 'local')).toBeNull();
  });
});

describe('calendar boundaries', () => {
  it('floors to Monday for weeks and to the 1st for months, in the zone', () => {
    // Sunday 2026-11-22 23:30 in Paris is Sunday 22:30Z: the week began Monday 2026-11-16 00:00 +01:00.
    expect(floorTo(at('2026-11-22T22:30:00Z'), step('1 week'), 'local')).toBe(at('2026-11-15T23:00:00Z'));
    // An hour later it is Monday 00:30 in Paris (still Sunday in UTC): a new local week.
    expect(floorTo(at('2026-11-22T23:30:00Z'), step('1 week'), 'local')).toBe(at('2026-11-22T23:00:00Z'));
    expect(floorTo(at('2026-11-22T23:30:00Z'), step('1 week'), 'utc')).toBe(at('2026-11-16T00:00:00Z'));
    expect(floorTo(at('2026-11-30T23:30:00Z'), step('1 month'), 'local')).toBe(at('2026-11-30T23:00:00Z'));
    expect(floorTo(at('2026-11-30T23:30:00Z'), step('1 month'), 'utc')).toBe(at('2026-11-01T00:00:00Z'));
  });

  it('makes hourly boundaries real hours through both DST switches', () => {
    // Spring forward (2026-03-29): 02:00 CET jumps to 03:00 CEST; fall back (2026-10-25) repeats 02:00-03:00.
    for (const [from, to] of [['2026-03-28T23:00:00Z', '2026-03-29T04:00:00Z'], ['2026-10-24T23:00:00Z', '2026-10-25T04:00:00Z']]) {
      const edges = boundaries(at(from), at(to), step('1 h'), 'local');
      expect(edges.slice(1).map((e, i) => e - edges[i])).toEqual([H, H, H, H, H]);
    }
  });

  it('chooses the smallest readable step for a span', () => {
    expect(chooseStep(30 * 24 * H, 231).label).toBe('6 h');
    expect(chooseStep(25 * MIN, 231).label).toBe('10 s');
    expect(chooseStep(100 * 365 * 24 * H, 50).label).toBe('1 year');
  });
});

describe('axis ticks', () => {
  it('ticks on local Mondays for a month-long span, each labelled with its local date', () => {
    const ticks = axisTicks(at('2026-10-20T22:00:00Z'), at('2026-11-19T23:00:00Z'), 'local', 8);
    expect(ticks.map((t) => t.label)).toEqual(['2026-10-26', '11-02', '11-09', '11-16']);
    // Local midnight: +02:00 before the DST switch of Oct 25, +01:00 after.
    expect(ticks[0].t).toBe(at('2026-10-25T23:00:00Z'));
  });

  it('labels hour ticks with the time and repeats the date when the day changes', () => {
    const ticks = axisTicks(at('2026-03-01T14:10:00Z'), at('2026-03-02T02:00:00Z'), 'utc', 6);
    expect(ticks.map((t) => t.label)).toEqual(['03-01 16:00', '18:00', '20:00', '22:00', '03-02 00:00', '02:00']);
  });

  it('uses seconds for short spans and nothing for an empty one', () => {
    const ticks = axisTicks(at('2026-03-01T09:00:00Z'), at('2026-03-01T09:00:50Z'), 'utc', 6);
    expect(ticks.map((t) => t.label)).toEqual(['03-01 09:00:00', '09:00:10', '09:00:20', '09:00:30', '09:00:40', '09:00:50']);
    expect(axisTicks(5, 5, 'utc', 6)).toEqual([]);
  });
});

describe('two-day ticks', () => {
  it('run on evenly across a month end instead of restarting on the 1st', () => {
    const ticks = axisTicks(at('2026-10-21T00:00:00Z'), at('2026-11-06T00:00:00Z'), 'utc', 10);
    const days = ticks.map((t) => (t.t - ticks[0].t) / 86_400_000);
    expect(days).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
    expect(ticks.map((t) => t.label)).toContain('11-01');
  });
});
