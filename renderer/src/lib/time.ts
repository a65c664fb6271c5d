/**
 * Time display: every timestamp on screen carries its zone. The display zone is UTC (default), the machine's own
 * zone, or any IANA zone; offsets are those in force at each instant (DST included).
 */

export type ZoneMode = 'utc' | 'local' | (string & {});

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function localZoneName(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local';
  } catch {
    return 'local';
  }
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** A cached wall-clock formatter for an IANA zone, or null when the name is not a zone this browser knows. */
function zoneFormatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', era: 'short',
        year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** True for 'utc', 'local' and every IANA zone name the browser knows. */
export function isZoneName(v: unknown): v is ZoneMode {
  return typeof v === 'string' && (v === 'utc' || v === 'local' || zoneFormatter(v) !== null);
}

/** Every IANA zone the browser knows, for the zone selector. */
export function allZoneNames(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** Minutes the zone is ahead of UTC at instant `ms` (negative west of Greenwich). */
export function offsetMinutes(ms: number, zone: ZoneMode): number {
  if (zone === 'utc') return 0;
  const f = zone === 'local' ? null : zoneFormatter(zone);
  if (!f) return -new Date(ms).getTimezoneOffset();
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(whole))) p[part.type] = part.value;
  const year = p.era === 'BC' ? 1 - Number(p.year) : Number(p.year);
  const wall = new Date(Date.UTC(2000, Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)));
  wall.setUTCFullYear(year);
  return Math.round((wall.getTime() - whole) / 60_000);
}

/** `+02:00` for an offset in minutes. */
export function offsetText(off: number): string {
  const abs = Math.abs(off);
  return `${off >= 0 ? '+' : '-'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `+02:00` for a local instant (getTimezoneOffset is minutes *behind* UTC). */
export function localOffset(d: Date): string {
  return offsetText(-d.getTimezoneOffset());
}

/** The wall clock of instant `ms` in the zone, read through UTC getters of a shifted Date. */
export function wallClock(ms: number, zone: ZoneMode): Date {
  return new Date(ms + offsetMinutes(ms, zone) * 60_000);
}

/** The instant of a wall-clock time in the zone (fields may overflow: month 12 is next January). */
export function instantOf(zone: ZoneMode, y: number, mo: number, d: number, h = 0): number {
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(y, mo, d); // not Date.UTC: years 0-99 are not 1900-1999
  const guess = asUtc.setUTCHours(h, 0, 0, 0);
  if (zone === 'utc') return guess;
  // Two passes settle the offset across a DST change; a wall time that does not exist lands after the gap.
  const first = guess - offsetMinutes(guess, zone) * 60_000;
  return guess - offsetMinutes(first, zone) * 60_000;
}

function toDate(t: string | number | Date): Date | null {
  const d = t instanceof Date ? t : new Date(t);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Short zone label used in cells: `UTC` or the offset in force, `+02:00`. */
export function zoneLabel(d: Date, zone: ZoneMode): string {
  return zone === 'utc' ? 'UTC' : offsetText(offsetMinutes(d.getTime(), zone));
}

/** Header/legend label: `UTC`, the machine's zone name, or the chosen IANA zone. */
export function zoneTitle(zone: ZoneMode): string {
  return zone === 'utc' ? 'UTC' : zone === 'local' ? localZoneName() : zone;
}

/** `2023-07-10 12:00:01.000 UTC` / `2023-07-10 21:00:01.000 +09:00`; `long` adds the zone name outside UTC. */
export function formatTime(t: string | number | Date | null | undefined, zone: ZoneMode, long = false): string {
  if (t === null || t === undefined || t === '') return '';
  const d = toDate(t);
  if (!d) return String(t);
  const w = wallClock(d.getTime(), zone);
  const base = `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}.${pad(w.getUTCMilliseconds(), 3)}`;
  const label = zoneLabel(d, zone);
  return long && zone !== 'utc' ? `${base} ${label} (${zoneTitle(zone)})` : `${base} ${label}`;
}

/** Human duration for bucket sizes: `1 h`, `15 min`, `2 d`. */
export function formatDuration(ms: number): string {
  const units: [number, string][] = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'min'], [1000, 's'], [1, 'ms']];
  for (const [size, name] of units) {
    if (ms >= size) {
      const v = ms / size;
      return `${Number.isInteger(v) ? v : v.toFixed(1)} ${name}`;
    }
  }
  return `${ms} ms`;
}

/** ISO form the query language accepts in `time>=` clauses. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}
