/**
 * The range a new case view opens on. Audit consoles default to "the last N days" (seed 001: 30 days, seed 004:
 * 7 days). Offline, "before now" would often show nothing (an export from last quarter), so Auditlens counts the
 * days back from the case's LAST EVENT, from the start of that UTC day, and only applies a range that actually
 * narrows the case: a case that fits in it opens unfiltered.
 */

const DAY_MS = 86_400_000;

/** Formats whose product shows a shorter default window (seed 004's write-back audit log: 7 days). */
export const DEFAULT_DAYS_BY_FORMAT: Readonly<Record<string, number>> = { writeback: 7 };
export const DEFAULT_DAYS = 30;

/** The shortest default among the case's formats that all declare one, else 30 days. */
export function defaultDays(formats: readonly string[]): number {
  const declared = formats.map((f) => DEFAULT_DAYS_BY_FORMAT[f]);
  if (formats.length === 0 || declared.some((d) => d === undefined)) return DEFAULT_DAYS;
  return Math.min(...(declared as number[]));
}

/** `YYYY-MM-DD` of the UTC day `days` before the last event, or null when every event is inside that range. */
export function defaultFrom(firstTime: string, lastTime: string, days: number): string | null {
  const last = Date.parse(lastTime);
  const first = Date.parse(firstTime);
  if (!Number.isFinite(last) || !Number.isFinite(first)) return null;
  const from = Math.floor((last - days * DAY_MS) / DAY_MS) * DAY_MS;
  return first < from ? new Date(from).toISOString().slice(0, 10) : null;
}
