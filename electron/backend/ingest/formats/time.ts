/**
 * Event-time parsing shared by every format module. Evidence timelines depend on exact instants, so this never goes
 * through `new Date(string)` (whose parsing of non-ISO text is implementation-defined and treats zone-less ISO
 * date-times as local time); each accepted shape is matched explicitly and converted arithmetically.
 */

export interface ParsedTime {
  /** Epoch milliseconds. */
  ts: number;
  /** `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  iso: string;
  /** Set when the conversion rests on an assumption the analyst should be able to see. */
  note?: string;
}

export const NO_ZONE_NOTE = 'time had no zone; treated as UTC';

// No audit log predates 1980, and placeholders such as epoch 0, Go's 0001-01-01 or .NET's 9999-12-31 must not
// become "real" event times; small integers in a time field are far more likely counters than 1970 dates.
const MIN_TS = Date.UTC(1980, 0, 1);
const MAX_TS = Date.UTC(2200, 0, 1);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ]+(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;
const EPOCH_RE = /^(\d+)(?:\.(\d+))?$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d+))?(Z)?$/;
const LOCALE_RE =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([AaPp][Mm])?)?\s*(Z|UTC|GMT)?$/;
const RFC2822_RE =
  /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(Z|UT|UTC|GMT|[+-]\d{4})?$/;

export function parseEventTime(value: unknown): ParsedTime | null {
  if (typeof value === 'number') return parseEpochNumber(value);
  if (value instanceof Date) return finish(value.getTime());
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s === '') return null;
  return parseIso(s) ?? parseCompact(s) ?? parseEpochString(s) ?? parseLocale(s) ?? parseRfc2822(s);
}

/** Formats epoch milliseconds the way every normalized time is written. */
export function toIso(ts: number): string {
  return new Date(ts).toISOString();
}

function finish(ts: number, note?: string): ParsedTime | null {
  if (!Number.isFinite(ts) || ts < MIN_TS || ts >= MAX_TS) return null;
  return note ? { ts, iso: toIso(ts), note } : { ts, iso: toIso(ts) };
}

/** Milliseconds from calendar fields, or NaN when any field is out of range (2023-02-30, 25:00...). */
function utcMillis(y: number, mo: number, d: number, h = 0, mi = 0, sec = 0, ms = 0): number {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return NaN;
  const daysInMonth = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  if (d > daysInMonth) return NaN;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, sec, ms);
  return date.getTime();
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** First three digits of a fraction of a second, truncated (never rounded into the next second). */
function fractionMs(frac: string | undefined): number {
  return frac ? Number((frac + '00').slice(0, 3)) : 0;
}

// `2026-05-31T00:00:00.030Z`, the form most exporters write: Date.parse reads it exactly (ECMAScript's own date-time
// string format), and a round trip that gives back the same text proves every field was in range.
const CANONICAL_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function parseIso(s: string): ParsedTime | null {
  if (s.length === 24 && CANONICAL_RE.test(s)) {
    const ts = Date.parse(s);
    if (ts >= MIN_TS && ts < MAX_TS && toIso(ts) === s) return { ts, iso: s };
  }
  const m = ISO_RE.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  const local = utcMillis(+y, +mo, +d, h ? +h : 0, mi ? +mi : 0, sec ? +sec : 0, fractionMs(frac));
  if (Number.isNaN(local)) return null;
  if (!zone) return finish(local, NO_ZONE_NOTE);
  const offset = parseOffset(zone);
  return offset === null ? null : finish(local - offset);
}

/** Offset east of UTC in milliseconds for Z/UTC/GMT/+hh/+hhmm/+hh:mm; null when out of range. */
function parseOffset(zone: string): number | null {
  if (/^(z|utc|gmt|ut)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const hours = +m[2];
  const minutes = m[3] ? +m[3] : 0;
  if (hours > 23 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/**
 * `yyyyMMddHHmmss[.SSS]` (Salesforce EventLogFile TIMESTAMP and similar). Checked before epoch digits: a 14-digit
 * epoch in milliseconds would lie after 2286, outside the accepted range, so the two readings never compete.
 */
function parseCompact(s: string): ParsedTime | null {
  const m = COMPACT_RE.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, frac, z] = m;
  const ts = utcMillis(+y, +mo, +d, +h, +mi, +sec, fractionMs(frac));
  if (Number.isNaN(ts)) return null;
  return finish(ts, z ? undefined : NO_ZONE_NOTE);
}

function parseEpochNumber(n: number): ParsedTime | null {
  if (!Number.isFinite(n) || n < 0) return null;
  // Integers beyond 2^53 (nanoseconds) already lost precision as doubles but still resolve to the right
  // millisecond; BigInt(n) keeps their digits out of exponent notation.
  const text = Number.isInteger(n) ? BigInt(n).toString() : String(n);
  return parseEpochString(text, magnitudeUnit(Math.trunc(n)));
}

type Unit = 's' | 'ms' | 'us' | 'ns';
const UNIT_DIGITS: Record<Unit, number> = { s: 0, ms: 3, us: 6, ns: 9 };

function magnitudeUnit(n: number): Unit {
  if (n < 1e11) return 's';
  if (n < 1e14) return 'ms';
  if (n < 1e17) return 'us';
  return 'ns';
}

function digitsUnit(intDigits: number): Unit | null {
  if (intDigits <= 11) return 's';
  if (intDigits <= 14) return 'ms';
  if (intDigits <= 17) return 'us';
  if (intDigits <= 19) return 'ns';
  return null;
}

/**
 * Epoch digits with an optional fraction, converted by string arithmetic: a nanosecond count exceeds Number's
 * 2^53, so the integer part goes through BigInt and the fraction is sliced, never multiplied as a float.
 */
function parseEpochString(s: string, unit?: Unit): ParsedTime | null {
  const m = EPOCH_RE.exec(s);
  if (!m) return null;
  const [, intPart, frac] = m;
  const u = unit ?? digitsUnit(intPart.replace(/^0+(?=\d)/, '').length);
  if (!u) return null;
  // Shift the decimal point so the value is in milliseconds, then drop what is below a millisecond.
  const shift = 3 - UNIT_DIGITS[u];
  let ms: bigint;
  if (shift >= 0) {
    const fracDigits = ((frac ?? '') + '000').slice(0, shift);
    ms = BigInt(intPart + fracDigits);
  } else {
    ms = BigInt(intPart) / 10n ** BigInt(-shift);
  }
  if (ms > BigInt(MAX_TS)) return null;
  return finish(Number(ms));
}

/**
 * Locale dates such as the Purview CSV export's `7/10/2023 12:00:01 PM`. The day/month order is not knowable from
 * the text alone when both are <= 12, so the reading is always stated in the note: dots mean day.month.year
 * (German style), AM/PM means month/day (US style), a 24-hour clock with slashes or dashes means day/month
 * (en-GB style); a first number above 12 forces day/month and a second above 12 forces month/day.
 */
function parseLocale(s: string): ParsedTime | null {
  const m = LOCALE_RE.exec(s);
  if (!m) return null;
  const [, a, sep, b, y, h, mi, sec, frac, ampm, zone] = m;
  let monthFirst: boolean;
  if (+a > 12) monthFirst = false;
  else if (+b > 12) monthFirst = true;
  else if (sep === '.') monthFirst = false;
  else monthFirst = Boolean(ampm);
  if (sep === '.' && monthFirst) return null;
  const month = monthFirst ? +a : +b;
  const day = monthFirst ? +b : +a;
  let hour = h ? +h : 0;
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    const pm = ampm.toLowerCase() === 'pm';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  const ts = utcMillis(+y, month, day, hour, mi ? +mi : 0, sec ? +sec : 0, fractionMs(frac));
  if (Number.isNaN(ts)) return null;
  const order = monthFirst ? 'month/day/year' : 'day/month/year';
  const dateText = `${a}${sep}${b}${sep}${y}`;
  const note = `locale date ${dateText} read as ${order}` + (zone ? '' : `; ${NO_ZONE_NOTE}`);
  return finish(ts, note);
}

/** RFC 2822 / HTTP dates (`Mon, 10 Jul 2023 12:00:01 GMT`), used by some mail and API exports. */
function parseRfc2822(s: string): ParsedTime | null {
  const m = RFC2822_RE.exec(s);
  if (!m) return null;
  const [, d, mon, y, h, mi, sec, zone] = m;
  const month = MONTHS.indexOf(mon.toLowerCase()) + 1;
  if (month === 0) return null;
  const local = utcMillis(+y, month, +d, +h, +mi, sec ? +sec : 0);
  if (Number.isNaN(local)) return null;
  if (!zone) return finish(local, NO_ZONE_NOTE);
  const offset = parseOffset(zone);
  return offset === null ? null : finish(local - offset);
}
