import { describe, expect, it } from 'vitest';
import { parseTimeValue, timeRange } from '../../shared/query/time.js';

const NOW = new Date('2026-02-01T12:00:00.000Z');
const at = (iso: string) => Date.parse(iso);
const span = (text: string) => parseTimeValue(text, NOW);

describe('parseTimeValue: absolute times name the period they are written to', () => {
  it('reads a date as the whole UTC day and a year-month as the whole month', () => {
    expect(span('2026-01-01')).toEqual({ start: at('2026-01-01T00:00:00Z'), end: at('2026-01-02T00:00:00Z') });
    expect(span('2026-12-31')).toEqual({ start: at('2026-12-31T00:00:00Z'), end: at('2027-01-01T00:00:00Z') });
    expect(span('2026-02')).toEqual({ start: at('2026-02-01T00:00:00Z'), end: at('2026-03-01T00:00:00Z') });
  });

  it('reads date-times at minute, second and millisecond precision, UTC when no zone is given', () => {
    expect(span('2026-01-01T10:00')).toEqual({ start: at('2026-01-01T10:00:00Z'), end: at('2026-01-01T10:01:00Z') });
    expect(span('2026-01-01 10:00')).toEqual(span('2026-01-01T10:00'));
    const second = at('2026-01-01T10:00:00Z');
    expect(span('2026-01-01T10:00:00Z')).toEqual({ start: second, end: second + 1000 });
    expect(span('2026-01-01T10:00:00.5Z')).toEqual({ start: second + 500, end: second + 501 });
    expect(span('2026-01-01T10:00:00.123456789')!.start).toBe(at('2026-01-01T10:00:00.123Z'));
  });

  it('applies zone offsets', () => {
    expect(span('2026-01-01T10:00:00+02:00')!.start).toBe(at('2026-01-01T08:00:00Z'));
    expect(span('2026-01-01T10:00-05:30')!.start).toBe(at('2026-01-01T15:30:00Z'));
    expect(span('2026-01-01T10:00:00+0200')!.start).toBe(at('2026-01-01T08:00:00Z'));
    expect(span('2026-01-01T00:30+01')!.start).toBe(at('2025-12-31T23:30:00Z'));
    expect(span('2026-01-01t10:00:00z')!.start).toBe(at('2026-01-01T10:00:00Z'));
  });

  it('knows month lengths and leap years', () => {
    expect(span('2024-02-29')).not.toBeNull();
    expect(span('2026-02-29')).toBeNull();
    expect(span('2026-04-31')).toBeNull();
    expect(span('2026-01-31')).not.toBeNull();
  });

  it('keeps years below 100 literal', () => {
    expect(span('0099-01-01')!.start).toBe(at('0099-01-01T00:00:00Z'));
  });

  it('rejects what is not a valid time', () => {
    for (const bad of [
      '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32', '2026-1-1', '26-01-01', '2026', '2026-01-01T24:00',
      '2026-01-01T10:60', '2026-01-01T10:00:60', '2026-01-01T10', '2026-01-01T10:00+24:00', '2026-01-01T10:00+02:60',
      '2026-01-01T10:00:00.Z', 'yesterday', '', '24h', '-h', '-5y', '-1.5h', '+1h',
    ]) {
      expect(span(bad), bad).toBeNull();
    }
  });
});

describe('parseTimeValue: relative times are instants before now', () => {
  it('counts back in seconds, minutes, hours, days and weeks', () => {
    const now = NOW.getTime();
    expect(span('-30s')).toEqual({ start: now - 30_000, end: now - 30_000 + 1 });
    expect(span('-15m')!.start).toBe(now - 15 * 60_000);
    expect(span('-24h')!.start).toBe(at('2026-01-31T12:00:00Z'));
    expect(span('-7d')!.start).toBe(at('2026-01-25T12:00:00Z'));
    expect(span('-2w')!.start).toBe(at('2026-01-18T12:00:00Z'));
    expect(span('now-1h')!.start).toBe(at('2026-02-01T11:00:00Z'));
    expect(span('now')!.start).toBe(now);
    expect(span('-24H')).toEqual(span('-24h'));
  });
});

describe('timeRange', () => {
  const day = { start: at('2026-01-31T00:00:00Z'), end: at('2026-02-01T00:00:00Z') };

  it('turns each operator into a half-open range that treats the period as a whole', () => {
    expect(timeRange('=', day)).toEqual({ from: day.start, to: day.end });
    expect(timeRange('>=', day)).toEqual({ from: day.start, to: null });
    expect(timeRange('>', day)).toEqual({ from: day.end, to: null });
    expect(timeRange('<', day)).toEqual({ from: null, to: day.start });
    expect(timeRange('<=', day)).toEqual({ from: null, to: day.end });
  });

  it('compares instants exactly', () => {
    const instant = span('-24h')!;
    const ms = at('2026-01-31T12:00:00Z');
    expect(timeRange('>', instant)).toEqual({ from: ms + 1, to: null });
    expect(timeRange('<', instant)).toEqual({ from: null, to: ms });
    expect(timeRange('<=', instant)).toEqual({ from: null, to: ms + 1 });
  });
});
