import { offsetMinutes, offsetText, wallClock, type ZoneMode } from '../../lib/time.js';

/**
 * The filter bar's From/To on the display zone's clock. The query keeps instants (zone-less = UTC, or with an
 * offset); these two functions translate between what the analyst types or reads and that query text.
 */

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The fields of a zone-less `YYYY-MM-DD[ HH:MM[:SS]]` read as if UTC (epoch ms), or null for anything else. */
function wallAsUtc(text: string): { ms: number; seconds: boolean } | null {
  const m = WALL.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d); // not Date.UTC: years 0-99 are not 1900-1999
  return { ms: t.setUTCHours(h, mi, s, 0), seconds: m[6] !== undefined };
}

/** `2026-03-01T09:00+09:00` for the wall clock `w` (UTC getters) and an offset in minutes. */
function withOffset(w: Date, off: number, seconds: boolean): string {
  const date = `${String(w.getUTCFullYear()).padStart(4, '0')}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;
  return `${date}T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}${seconds ? `:${pad(w.getUTCSeconds())}` : ''}${offsetText(off)}`;
}

/**
 * Typed -> query: `2026-03-01 09:00` in Asia/Tokyo becomes `2026-03-01T09:00+09:00` (the offset that zone had then).
 * UTC, relative values (`-7d`) and values that already carry `Z` or an offset are left as typed.
 */
export function zonedTimeInput(text: string, zone: ZoneMode): string {
  const wall = zone === 'utc' ? null : wallAsUtc(text);
  if (!wall) return text;
  // Two passes settle the offset across a DST change (as lib/time.ts instantOf does).
  const off = offsetMinutes(wall.ms - offsetMinutes(wall.ms, zone) * 60_000, zone);
  return withOffset(new Date(wall.ms), off, wall.seconds);
}

/** Query -> shown: a zone-less (UTC) value on the display zone's clock with its offset; anything else as is. */
export function zonedTimeShown(value: string, zone: ZoneMode): string {
  const utc = zone === 'utc' ? null : wallAsUtc(value);
  if (!utc) return value;
  return withOffset(wallClock(utc.ms, zone), offsetMinutes(utc.ms, zone), utc.seconds || new Date(utc.ms).getUTCSeconds() !== 0);
}
