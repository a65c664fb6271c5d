import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDuration, formatTime, localOffset, zoneTitle } from '../../renderer/src/lib/time.js';

const TZ = process.env.TZ;
const inZone = (tz: string) => {
  process.env.TZ = tz;
};

describe('renderer time display: every timestamp names its zone', () => {
  beforeAll(() => inZone('Europe/Paris'));
  afterAll(() => {
    if (TZ === undefined) delete process.env.TZ;
    else process.env.TZ = TZ;
  });

  it('UTC mode prints UTC with milliseconds whatever the machine zone', () => {
    expect(formatTime('2026-03-01T09:25:00.000Z', 'utc')).toBe('2026-03-01 09:25:00.000 UTC');
    expect(formatTime(Date.parse('2026-07-10T23:59:59.999Z'), 'utc')).toBe('2026-07-10 23:59:59.999 UTC');
    expect(zoneTitle('utc')).toBe('UTC');
  });

  it('local mode prints the wall clock with the offset in force at that instant (DST included)', () => {
    expect(formatTime('2026-03-01T09:25:00.000Z', 'local')).toBe('2026-03-01 10:25:00.000 +01:00');
    expect(formatTime('2026-07-01T09:25:00.000Z', 'local')).toBe('2026-07-01 11:25:00.000 +02:00');
    expect(formatTime('2026-07-01T09:25:00.000Z', 'local', true)).toBe('2026-07-01 11:25:00.000 +02:00 (Europe/Paris)');
    expect(zoneTitle('local')).toBe('Europe/Paris');
  });

  it('keeps the two occurrences of the repeated hour apart on the night DST ends', () => {
    // 2026-10-25: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice.
    expect(formatTime('2026-10-25T00:30:00.000Z', 'local')).toBe('2026-10-25 02:30:00.000 +02:00');
    expect(formatTime('2026-10-25T01:30:00.000Z', 'local')).toBe('2026-10-25 02:30:00.000 +01:00');
  });

  it('prints offsets west of UTC and half-hour offsets', () => {
    inZone('America/New_York');
    expect(formatTime('2026-01-15T03:00:00.000Z', 'local')).toBe('2026-01-14 22:00:00.000 -05:00');
    inZone('Asia/Kolkata');
    expect(localOffset(new Date('2026-01-15T00:00:00Z'))).toBe('+05:30');
    inZone('America/St_Johns');
    expect(formatTime('2026-01-15T03:00:00.000Z', 'local')).toBe('2026-01-14 23:30:00.000 -03:30');
    inZone('Europe/Paris');
  });

  it('shows what it cannot parse as is, and nothing for a missing time', () => {
    expect(formatTime('not a time', 'utc')).toBe('not a time');
    expect(formatTime(null, 'utc')).toBe('');
    expect(formatTime('', 'local')).toBe('');
  });

  it('formats durations', () => {
    expect(formatDuration(6 * 3_600_000)).toBe('6 h');
    expect(formatDuration(90_000)).toBe('1.5 min');
    expect(formatDuration(2 * 86_400_000)).toBe('2 d');
  });
});
