/** Time display: every timestamp on screen carries its zone (UTC, or the local offset and IANA name). */

export type ZoneMode = 'utc' | 'local';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function localZoneName(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local';
  } catch {
    return 'local';
  }
}

/** `+02:00` for a local instant (getTimezoneOffset is minutes *behind* UTC). */
export function localOffset(d: Date): string {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function parts(d: Date, zone: ZoneMode) {
  return zone === 'utc'
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()]
    : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()];
}

function toDate(t: string | number | Date): Date | null {
  const d = t instanceof Date ? t : new Date(t);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Short zone label used in cells: `UTC` or `+02:00`. */
export function zoneLabel(d: Date, zone: ZoneMode): string {
  return zone === 'utc' ? 'UTC' : localOffset(d);
}

/** Header/legend label: `UTC` or `Europe/Paris`. */
export function zoneTitle(zone: ZoneMode): string {
  return zone === 'utc' ? 'UTC' : localZoneName();
}

/** `2023-07-10 12:00:01.000 UTC` / `2023-07-10 14:00:01.000 +02:00`; `long` adds the IANA name in local mode. */
export function formatTime(t: string | number | Date | null | undefined, zone: ZoneMode, long = false): string {
  if (t === null || t === undefined || t === '') return '';
  const d = toDate(t);
  if (!d) return String(t);
  const [y, mo, da, h, mi, s, ms] = parts(d, zone);
  const base = `${pad(y, 4)}-${pad(mo)}-${pad(da)} ${pad(h)}:${pad(mi)}:${pad(s)}.${pad(ms, 3)}`;
  const label = zoneLabel(d, zone);
  return long && zone === 'local' ? `${base} ${label} (${localZoneName()})` : `${base} ${label}`;
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
