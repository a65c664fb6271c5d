/**
 * Time values in queries. A written time names a period at the precision it was written in: `2026-01` is that
 * month, `2026-01-01` that day, `2026-01-01T10:00` that minute, `...T10:00:00.250Z` that millisecond. Comparisons
 * then read naturally: `time=2026-01-01` is the whole day, `time<=2026-01-31` includes the 31st, `time>2026-01-01`
 * starts on the 2nd. Relative times (`-24h`) and `now` are instants. Zone-less times are UTC, like the stored data.
 */

export type TimeOp = '>' | '>=' | '<' | '<=' | '=';

/** A half-open period `[start, end)` in epoch milliseconds. */
export interface TimeSpan {
  start: number;
  end: number;
}

/** A half-open range of epoch milliseconds; null = unbounded on that side. */
export interface TimeRange {
  from: number | null;
  to: number | null;
}

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

const RELATIVE = /^(?:now)?-(\d{1,9})([smhdw])$/;
const ABSOLUTE =
  /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?$/i;

/** Parses a time value into the period it names, or null when it is not a valid time. */
export function parseTimeValue(text: string, now: Date): TimeSpan | null {
  const value = text.trim();
  if (value.toLowerCase() === 'now') return instant(now.getTime());
  const rel = RELATIVE.exec(value.toLowerCase());
  if (rel) return instant(now.getTime() - Number(rel[1]) * UNIT_MS[rel[2]]);
  const m = ABSOLUTE.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  if (d === undefined) return { start: utc(year, month, 1), end: utc(year, month + 1, 1) };
  const day = Number(d);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (h === undefined) return { start: utc(year, month, day), end: utc(year, month, day + 1) };
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const offset = zone === undefined ? 0 : zoneOffsetMs(zone);
  if (offset === null) return null;
  const start = utc(year, month, day, hour, minute, second, ms) - offset;
  const precision = frac !== undefined ? 1 : s !== undefined ? 1_000 : 60_000;
  return { start, end: start + precision };
}

/** The stored-time range selected by `time <op> <span>`. */
export function timeRange(op: TimeOp, span: TimeSpan): TimeRange {
  switch (op) {
    case '=':
      return { from: span.start, to: span.end };
    case '>':
      return { from: span.end, to: null };
    case '>=':
      return { from: span.start, to: null };
    case '<':
      return { from: null, to: span.start };
    case '<=':
      return { from: null, to: span.end };
  }
}

function instant(ms: number): TimeSpan {
  return { start: ms, end: ms + 1 };
}

/** Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not. Month and day overflow roll over on purpose. */
function utc(year: number, month: number, day: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month + 1, 0)).getUTCDate();
}

function zoneOffsetMs(zone: string): number | null {
  if (zone.toUpperCase() === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 23 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}
