import { describe, expect, it } from 'vitest';
import { NO_ZONE_NOTE, parseEventTime } from '../../electron/backend/ingest/formats/time.js';

const iso = (v: unknown) => parseEventTime(v)?.iso ?? null;

describe('parseEventTime: ISO-8601', () => {
  it('converts Z and numeric offsets exactly', () => {
    expect(parseEventTime('2023-07-10T12:00:01Z')).toEqual({ ts: 1688990401000, iso: '2023-07-10T12:00:01.000Z' });
    expect(iso('2023-07-10T23:30:00+11:00')).toBe('2023-07-10T12:30:00.000Z');
    expect(iso('2023-07-10T08:00:01-04:00')).toBe('2023-07-10T12:00:01.000Z');
    expect(iso('2023-07-10T12:00:01+0000')).toBe('2023-07-10T12:00:01.000Z');
    expect(iso('2023-07-10T17:30:01+0530')).toBe('2023-07-10T12:00:01.000Z');
    expect(iso('2023-07-10T14:00:01+02')).toBe('2023-07-10T12:00:01.000Z');
    expect(iso('2023-07-10 12:00:01 UTC')).toBe('2023-07-10T12:00:01.000Z');
  });

  it('accepts a space instead of T and keeps milliseconds, truncating finer digits', () => {
    expect(iso('2023-07-10 12:00:01.5Z')).toBe('2023-07-10T12:00:01.500Z');
    expect(iso('2018-10-26T09:51:20.713631Z')).toBe('2018-10-26T09:51:20.713Z');
    expect(iso('2023-07-10T12:00:01.999999999Z')).toBe('2023-07-10T12:00:01.999Z');
    expect(iso('2023-07-10T12:00:01,25+00:00')).toBe('2023-07-10T12:00:01.250Z');
  });

  it('treats zone-less times as UTC and says so', () => {
    expect(parseEventTime('2022-08-16 16:56:49.309')).toEqual({
      ts: Date.UTC(2022, 7, 16, 16, 56, 49, 309),
      iso: '2022-08-16T16:56:49.309Z',
      note: NO_ZONE_NOTE,
    });
    expect(parseEventTime('2023-07-10')?.note).toBe(NO_ZONE_NOTE);
    expect(parseEventTime('2023-07-10T12:00:01Z')?.note).toBeUndefined();
  });

  it('rejects impossible dates and times', () => {
    expect(parseEventTime('2023-02-30T00:00:00Z')).toBeNull();
    expect(parseEventTime('2023-02-29T00:00:00Z')).toBeNull();
    expect(iso('2024-02-29T00:00:00Z')).toBe('2024-02-29T00:00:00.000Z');
    expect(parseEventTime('2023-13-01T00:00:00Z')).toBeNull();
    expect(parseEventTime('2023-07-10T24:00:00Z')).toBeNull();
    expect(parseEventTime('2023-07-10T12:60:00Z')).toBeNull();
    expect(parseEventTime('2023-07-10T12:00:00+25:00')).toBeNull();
  });

  it('rejects placeholders and non-times', () => {
    for (const v of ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', 0, '0', '', 'yesterday', null, true, {}, [], NaN]) {
      expect(parseEventTime(v)).toBeNull();
    }
  });
});

describe('parseEventTime: epoch values', () => {
  const expected = '2023-07-10T12:00:00.123Z';

  it('decides the unit by magnitude for numbers', () => {
    expect(iso(1688990400)).toBe('2023-07-10T12:00:00.000Z');
    expect(iso(1688990400123)).toBe(expected);
    expect(iso(1688990400123456)).toBe(expected);
    expect(iso(1688990400123456789)).toBe(expected);
  });

  it('decides the unit by digit count for strings, nanoseconds without losing precision', () => {
    expect(iso('1688990400')).toBe('2023-07-10T12:00:00.000Z');
    expect(iso('1688990400123')).toBe(expected);
    expect(iso('1688990400123456')).toBe(expected);
    expect(iso('1688990400123999999')).toBe('2023-07-10T12:00:00.123Z');
    expect(parseEventTime('1688990400123999999')?.ts).toBe(1688990400123);
  });

  it('keeps fractional seconds to the millisecond', () => {
    expect(iso(1688990400.123)).toBe(expected);
    expect(iso('1688990400.123')).toBe(expected);
    expect(iso('1688990400.1')).toBe('2023-07-10T12:00:00.100Z');
    expect(iso('1688990400.123999')).toBe(expected);
    expect(iso(1621305118553)).toBe('2021-05-18T02:31:58.553Z');
  });

  it('rejects negative, tiny and absurd epochs', () => {
    expect(parseEventTime(-1688990400)).toBeNull();
    expect(parseEventTime(12345)).toBeNull();
    expect(parseEventTime('123456789012345678901')).toBeNull();
    expect(parseEventTime(Infinity)).toBeNull();
  });
});

describe('parseEventTime: compact and locale dates', () => {
  it('reads yyyyMMddHHmmss.SSS (Salesforce EventLogFile) as UTC with a note', () => {
    expect(parseEventTime('20230710120001.123')).toEqual({
      ts: Date.UTC(2023, 6, 10, 12, 0, 1, 123),
      iso: '2023-07-10T12:00:01.123Z',
      note: NO_ZONE_NOTE,
    });
    expect(parseEventTime('20230230120001')).toBeNull();
  });

  it('reads the Purview US export as month/day with AM/PM and states the assumption', () => {
    const r = parseEventTime('7/10/2023 12:00:01 PM');
    expect(r?.iso).toBe('2023-07-10T12:00:01.000Z');
    expect(r?.note).toBe(`locale date 7/10/2023 read as month/day/year; ${NO_ZONE_NOTE}`);
    expect(iso('7/10/2023 12:00:01 AM')).toBe('2023-07-10T00:00:01.000Z');
    expect(iso('7/10/2023 1:05:00 pm')).toBe('2023-07-10T13:05:00.000Z');
    expect(iso('12/31/2023 11:59:59 PM')).toBe('2023-12-31T23:59:59.000Z');
  });

  it('reads European dates as day/month', () => {
    const r = parseEventTime('10/07/2023 12:00:01');
    expect(r?.iso).toBe('2023-07-10T12:00:01.000Z');
    expect(r?.note).toMatch(/day\/month\/year/);
    expect(iso('10.07.2023 12:00:01')).toBe('2023-07-10T12:00:01.000Z');
    expect(iso('25/12/2023 08:00')).toBe('2023-12-25T08:00:00.000Z');
    // A second number above 12 can only be a day, whatever the clock style.
    expect(iso('7/25/2023 08:00:00')).toBe('2023-07-25T08:00:00.000Z');
  });

  it('rejects impossible locale dates', () => {
    expect(parseEventTime('2/30/2023 12:00:00 PM')).toBeNull();
    expect(parseEventTime('13/13/2023 12:00:00')).toBeNull();
    expect(parseEventTime('7/10/2023 13:00:00 PM')).toBeNull();
  });

  it('reads RFC 2822 dates', () => {
    expect(iso('Mon, 10 Jul 2023 12:00:01 GMT')).toBe('2023-07-10T12:00:01.000Z');
    expect(iso('10 Jul 2023 14:00:01 +0200')).toBe('2023-07-10T12:00:01.000Z');
  });
});
