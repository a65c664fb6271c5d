import { describe, expect, it } from 'vitest';
import { toBins } from '../../renderer/src/features/timeline/time-bins.js';
import { zonedTimeInput, zonedTimeShown } from '../../renderer/src/features/zone/zoned-input.js';
import { allZoneNames, formatTime, instantOf, isZoneName, offsetMinutes, zoneTitle } from '../../renderer/src/lib/time.js';

describe('display zone: any IANA zone, labelled, whatever the machine zone', () => {
  it('prints the wall clock of the chosen zone with the offset in force', () => {
    expect(formatTime('2026-03-01T09:25:00.123Z', 'Asia/Tokyo')).toBe('2026-03-01 18:25:00.123 +09:00');
    expect(formatTime('2026-03-01T09:25:00.000Z', 'Asia/Kathmandu')).toBe('2026-03-01 15:10:00.000 +05:45');
    expect(formatTime('2026-03-01T09:25:00.000Z', 'America/Los_Angeles', true)).toBe('2026-03-01 01:25:00.000 -08:00 (America/Los_Angeles)');
    expect(zoneTitle('Asia/Tokyo')).toBe('Asia/Tokyo');
  });

  it('follows DST in the chosen zone, including the repeated hour', () => {
    expect(formatTime('2026-07-01T12:00:00.000Z', 'America/New_York')).toBe('2026-07-01 08:00:00.000 -04:00');
    expect(formatTime('2026-01-01T12:00:00.000Z', 'America/New_York')).toBe('2026-01-01 07:00:00.000 -05:00');
    // 2026-11-01 01:30 happens twice in New York.
    expect(formatTime('2026-11-01T05:30:00.000Z', 'America/New_York')).toBe('2026-11-01 01:30:00.000 -04:00');
    expect(formatTime('2026-11-01T06:30:00.000Z', 'America/New_York')).toBe('2026-11-01 01:30:00.000 -05:00');
  });

  it('handles instants before 1970 and year boundaries', () => {
    expect(formatTime('1969-12-31T23:59:59.999Z', 'Asia/Tokyo')).toBe('1970-01-01 08:59:59.999 +09:00');
    expect(offsetMinutes(Date.parse('1969-12-31T23:59:59.999Z'), 'Asia/Tokyo')).toBe(540);
  });

  it('finds the instant of a wall-clock time in the zone (bucket boundaries)', () => {
    expect(new Date(instantOf('Asia/Tokyo', 2026, 0, 1)).toISOString()).toBe('2025-12-31T15:00:00.000Z');
    expect(new Date(instantOf('Europe/Paris', 2026, 9, 25, 12)).toISOString()).toBe('2026-10-25T11:00:00.000Z');
    expect(new Date(instantOf('Europe/Paris', 2026, 12, 1)).toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(new Date(instantOf('utc', 50, 0, 1)).toISOString()).toBe('0050-01-01T00:00:00.000Z');
  });

  it('accepts utc, local and known IANA names only', () => {
    expect(isZoneName('utc')).toBe(true);
    expect(isZoneName('local')).toBe(true);
    expect(isZoneName('Asia/Tokyo')).toBe(true);
    expect(isZoneName('Mars/Olympus_Mons')).toBe(false);
    expect(isZoneName(42)).toBe(false);
    expect(allZoneNames()).toContain('Asia/Tokyo');
  });

  it('puts timeline bars on the chosen zone\'s days, whatever the machine zone (New York across its DST change)', () => {
    const H = 3_600_000;
    const times = ['2026-03-02T03:00:00Z', '2026-03-02T06:00:00Z', '2026-03-20T12:00:00Z'].map(Date.parse);
    const buckets = times.map((ts) => ({ t: Math.floor(ts / H) * H, count: 1 }));
    const bins = toBins({ bucketMs: H, buckets, from: buckets[0].t, to: buckets[2].t + H }, 30, 'America/New_York')!;
    expect(bins.label).toBe('1 day');
    expect(bins.aligned).toBe('America/New_York');
    expect(bins.bins[0]).toMatchObject({ start: Date.parse('2026-03-01T05:00:00Z'), end: Date.parse('2026-03-02T05:00:00Z'), count: 1 });
    expect(bins.bins[1]).toMatchObject({ start: Date.parse('2026-03-02T05:00:00Z'), count: 1 });
    expect(bins.bins[2]).toMatchObject({ start: Date.parse('2026-03-20T04:00:00Z'), end: Date.parse('2026-03-21T04:00:00Z'), count: 1 });
  });
});

describe('filter bar From/To on the display zone\'s clock', () => {
  it('writes a typed wall time with the zone\'s offset at that time, and leaves UTC, relative and offset values alone', () => {
    expect(zonedTimeInput('2026-03-01 09:00', 'Asia/Tokyo')).toBe('2026-03-01T09:00+09:00');
    expect(zonedTimeInput('2026-07-01', 'America/New_York')).toBe('2026-07-01T00:00-04:00');
    expect(zonedTimeInput('2026-01-01 12:30:15', 'America/New_York')).toBe('2026-01-01T12:30:15-05:00');
    expect(zonedTimeInput('2026-03-01 09:00', 'utc')).toBe('2026-03-01 09:00');
    expect(zonedTimeInput('-7d', 'Asia/Tokyo')).toBe('-7d');
    expect(zonedTimeInput('2026-03-01T09:00Z', 'Asia/Tokyo')).toBe('2026-03-01T09:00Z');
  });

  it('shows a zone-less (UTC) query value on the zone\'s clock; round trip keeps the instant', () => {
    expect(zonedTimeShown('2026-10-05', 'Asia/Tokyo')).toBe('2026-10-05T09:00+09:00');
    expect(zonedTimeShown('2026-10-05T00:00', 'America/New_York')).toBe('2026-10-04T20:00-04:00');
    expect(zonedTimeShown('2026-10-05', 'utc')).toBe('2026-10-05');
    expect(zonedTimeShown('2026-10-05T09:00+09:00', 'Asia/Tokyo')).toBe('2026-10-05T09:00+09:00');
    const typed = zonedTimeInput('2026-11-01 01:30', 'America/New_York');
    expect(Date.parse(typed)).toBe(Date.parse('2026-11-01T05:30:00Z'));
  });
});
