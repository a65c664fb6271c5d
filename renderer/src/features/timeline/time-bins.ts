/**
 * Calendar maths for the timeline (pure, no DOM): bar and tick boundaries on the wall clock of the display zone
 * (UTC or the machine's zone, DST included), and exact re-binning of the backend's histogram onto them.
 *
 * The backend buckets on multiples of its bucket width since the epoch, that is on UTC boundaries. The timeline asks
 * it for fine buckets and adds them up into bars whose edges are local midnights, local 06:00 and so on. A bar is
 * only ever drawn when that sum is exact (every bar edge falls on a fine bucket's edge); otherwise the bars stay on
 * the backend's boundaries and say so (`aligned: 'utc'`).
 */
import { instantOf, offsetMinutes, wallClock, type ZoneMode } from '../../lib/time.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type Unit = 's' | 'min' | 'h' | 'd' | 'w' | 'mo' | 'y';

export interface Step {
  unit: Unit;
  n: number;
  /** Nominal length (a month counts 30 days, a year 365) used to choose a step for a span. */
  ms: number;
  /** `6 h`, `1 day`, `1 month`. */
  label: string;
}

const step = (unit: Unit, n: number, ms: number, label: string): Step => ({ unit, n, ms, label });

/** Bar widths a person reads easily (the backend's set, with calendar weeks, months and years). */
export const BIN_STEPS: Step[] = [
  step('s', 1, SECOND, '1 s'), step('s', 5, 5 * SECOND, '5 s'), step('s', 10, 10 * SECOND, '10 s'),
  step('s', 15, 15 * SECOND, '15 s'), step('s', 30, 30 * SECOND, '30 s'), step('min', 1, MINUTE, '1 min'), step('min', 5, 5 * MINUTE, '5 min'),
  step('min', 15, 15 * MINUTE, '15 min'), step('min', 30, 30 * MINUTE, '30 min'), step('h', 1, HOUR, '1 h'),
  step('h', 3, 3 * HOUR, '3 h'), step('h', 6, 6 * HOUR, '6 h'), step('h', 12, 12 * HOUR, '12 h'),
  step('d', 1, DAY, '1 day'), step('w', 1, 7 * DAY, '1 week'), step('mo', 1, 30 * DAY, '1 month'),
  step('y', 1, 365 * DAY, '1 year'),
];

const ONE_HOUR_STEP = BIN_STEPS.find((s) => s.unit === 'h' && s.n === 1)!;

/** Axis tick spacings. */
export const TICK_STEPS: Step[] = [
  step('s', 1, SECOND, '1 s'), step('s', 2, 2 * SECOND, '2 s'), step('s', 5, 5 * SECOND, '5 s'),
  step('s', 10, 10 * SECOND, '10 s'), step('s', 15, 15 * SECOND, '15 s'), step('s', 30, 30 * SECOND, '30 s'),
  step('min', 1, MINUTE, '1 min'), step('min', 2, 2 * MINUTE, '2 min'), step('min', 5, 5 * MINUTE, '5 min'),
  step('min', 10, 10 * MINUTE, '10 min'), step('min', 15, 15 * MINUTE, '15 min'), step('min', 30, 30 * MINUTE, '30 min'),
  step('h', 1, HOUR, '1 h'), step('h', 2, 2 * HOUR, '2 h'), step('h', 3, 3 * HOUR, '3 h'), step('h', 6, 6 * HOUR, '6 h'),
  step('h', 12, 12 * HOUR, '12 h'), step('d', 1, DAY, '1 day'), step('d', 2, 2 * DAY, '2 days'),
  step('w', 1, 7 * DAY, '1 week'), step('w', 2, 14 * DAY, '2 weeks'), step('mo', 1, 30 * DAY, '1 month'),
  step('mo', 3, 91 * DAY, '3 months'), step('mo', 6, 182 * DAY, '6 months'), step('y', 1, 365 * DAY, '1 year'),
  step('y', 2, 730 * DAY, '2 years'), step('y', 5, 1826 * DAY, '5 years'), step('y', 10, 3652 * DAY, '10 years'),
];

/** The smallest step that splits `spanMs` into at most `max` parts (the largest one if none does). */
export function chooseStep(spanMs: number, max: number, steps: Step[] = BIN_STEPS): Step {
  return steps.find((s) => spanMs / s.ms <= max) ?? steps[steps.length - 1];
}

/** Offset of the zone from UTC at instant ms (positive east of Greenwich). */
export function zoneOffsetMs(ms: number, zone: ZoneMode): number {
  return offsetMinutes(ms, zone) * MINUTE;
}

/** Steps of an hour or less are fixed lengths of real time (so DST never stretches or repeats them). */
const isFixed = (s: Step) => s.unit === 's' || s.unit === 'min' || (s.unit === 'h' && s.n === 1);

const mod = (a: number, b: number) => ((a % b) + b) % b;

interface Wall {
  y: number;
  mo: number; // 0-11
  d: number;
  h: number;
  dow: number; // 0 = Sunday
}

function wall(ms: number, zone: ZoneMode): Wall {
  const t = wallClock(ms, zone);
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth(), d: t.getUTCDate(), h: t.getUTCHours(), dow: t.getUTCDay() };
}

/** The instant of a wall-clock time in the zone (fields may overflow: month 12 is next January). */
function instant(zone: ZoneMode, y: number, mo: number, d: number, h = 0): number {
  return instantOf(zone, y, mo, d, h);
}

/** The last boundary of `s` at or before ms, on the zone's wall clock (Monday-based weeks). */
export function floorTo(ms: number, s: Step, zone: ZoneMode): number {
  if (isFixed(s)) {
    const off = zoneOffsetMs(ms, zone);
    return ms - mod(ms + off, s.ms);
  }
  const w = wall(ms, zone);
  let r: number;
  switch (s.unit) {
    case 'h':
      r = instant(zone, w.y, w.mo, w.d, w.h - mod(w.h, s.n));
      break;
    case 'd':
      // Groups of n days counted from 1970-01-01, so they run on evenly across month ends.
      r = instant(zone, w.y, w.mo, w.d - mod(Date.UTC(w.y, w.mo, w.d) / DAY, s.n));
      break;
    case 'w': {
      // Mondays; groups of n weeks are counted from Monday 1970-01-05 so they do not depend on the span shown.
      const monday = w.d - mod(w.dow - 1, 7);
      const week = Math.floor((Date.UTC(w.y, w.mo, monday) / DAY - 4) / 7);
      r = instant(zone, w.y, w.mo, monday - 7 * mod(week, s.n));
      break;
    }
    case 'mo':
      r = instant(zone, w.y, w.mo - mod(w.mo, s.n), 1);
      break;
    default:
      r = instant(zone, w.y - mod(w.y, s.n), 0, 1);
  }
  // A wall time that does not exist (DST gap at midnight in some zones) resolves later; never go past ms.
  return r <= ms ? r : floorTo(ms, ONE_HOUR_STEP, zone);
}

/** The boundary after `from` (itself a boundary). */
export function nextBoundary(from: number, s: Step, zone: ZoneMode): number {
  if (isFixed(s)) return from + s.ms;
  const w = wall(from, zone);
  let r: number;
  switch (s.unit) {
    case 'h':
      r = instant(zone, w.y, w.mo, w.d, w.h + s.n);
      break;
    case 'd':
      r = instant(zone, w.y, w.mo, w.d + s.n);
      break;
    case 'w':
      r = instant(zone, w.y, w.mo, w.d + 7 * s.n);
      break;
    case 'mo':
      r = instant(zone, w.y, w.mo + s.n, 1);
      break;
    default:
      r = instant(zone, w.y + s.n, 0, 1);
  }
  return r > from ? r : from + s.ms;
}

/** Boundaries covering [from, to): the first at or before from, the last at or after to. */
export function boundaries(from: number, to: number, s: Step, zone: ZoneMode, limit = 10_000): number[] {
  const out = [floorTo(from, s, zone)];
  while (out[out.length - 1] < to && out.length <= limit) out.push(nextBoundary(out[out.length - 1], s, zone));
  return out;
}

export interface FineHistogram {
  bucketMs: number;
  /** Ascending bucket starts (multiples of bucketMs since the epoch) and counts. */
  buckets: { t: number; count: number; by?: Record<string, number> }[];
  from: number | null;
  to: number | null;
}

export interface Bin {
  start: number;
  end: number;
  count: number;
  /** Counts per outcome or severity when the histogram is stacked. */
  by?: Record<string, number>;
}

function addCounts(into: Bin, by: Record<string, number> | undefined): void {
  if (!by) return;
  into.by ??= {};
  for (const [k, n] of Object.entries(by)) into.by[k] = (into.by[k] ?? 0) + n;
}

export interface Bins {
  bins: Bin[];
  from: number;
  to: number;
  /** What one bar covers, e.g. `6 h`. */
  label: string;
  /** Whose wall clock the bar edges follow: the display zone, or UTC when exact local bars were impossible. */
  aligned: ZoneMode;
  total: number;
  max: number;
}

/** Sums fine buckets into the bins between consecutive edges; null when a bucket would straddle an edge. */
function sumInto(fine: FineHistogram, edges: number[]): Bin[] | null {
  const from = fine.from ?? edges[0];
  const to = fine.to ?? edges[edges.length - 1];
  for (const e of edges) if (e > from && e < to && mod(e, fine.bucketMs) !== 0) return null;
  const bins: Bin[] = [];
  let i = 0;
  for (const b of fine.buckets) {
    while (i < edges.length - 2 && b.t >= edges[i + 1]) i++;
    const last = bins[bins.length - 1];
    let bin = last && last.start === edges[i] ? last : undefined;
    if (bin) bin.count += b.count;
    else bins.push((bin = { start: edges[i], end: edges[i + 1], count: b.count }));
    addCounts(bin, b.by);
  }
  return bins;
}

function summarize(bins: Bin[], from: number, to: number, label: string, aligned: ZoneMode): Bins {
  let total = 0;
  let max = 0;
  for (const b of bins) {
    total += b.count;
    max = Math.max(max, b.count);
  }
  return { bins, from, to, label, aligned, total, max };
}

/**
 * The bars to draw for a fine histogram: at most about `maxBars` of them, on the zone's wall clock when the sums
 * are exact there, else on the backend's own (UTC) boundaries. Null for an empty result.
 */
export function toBins(fine: FineHistogram, maxBars: number, zone: ZoneMode): Bins | null {
  if (fine.from === null || fine.to === null || fine.buckets.length === 0) return null;
  const s = chooseStep(fine.to - fine.from, maxBars);
  for (const z of zone === 'utc' ? ['utc'] : [zone, 'utc']) {
    const edges = boundaries(fine.from, fine.to, s, z);
    const bins = sumInto(fine, edges);
    if (bins) return summarize(bins, edges[0], edges[edges.length - 1], s.label, z);
  }
  // Neither calendar fits the fine buckets (e.g. weekly buckets into months): whole multiples of them.
  const k = Math.max(1, Math.ceil(s.ms / fine.bucketMs));
  const width = k * fine.bucketMs;
  const start = Math.floor(fine.from / width) * width;
  const edges: number[] = [];
  for (let e = start; e < fine.to + width && edges.length <= 10_000; e += width) edges.push(e);
  return summarize(sumInto(fine, edges) ?? [], edges[0], edges[edges.length - 1], durationLabel(width), 'utc');
}

function durationLabel(ms: number): string {
  const exact = BIN_STEPS.find((s) => s.ms === ms);
  if (exact) return exact.label;
  return ms % DAY === 0 ? `${ms / DAY} days` : ms % HOUR === 0 ? `${ms / HOUR} h` : `${ms / MINUTE} min`;
}

export interface Tick {
  t: number;
  label: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Ticks on round wall-clock times of the zone inside [from, to], at most `max` of them. */
export function axisTicks(from: number, to: number, zone: ZoneMode, max: number): Tick[] {
  if (!(to > from) || max < 1) return [];
  const s = chooseStep(to - from, max, TICK_STEPS);
  const ticks = boundaries(from, to, s, zone).filter((t) => t >= from && t <= to);
  let prevDay = '';
  let prevYear = '';
  return ticks.map((t) => {
    const d = new Date(t + zoneOffsetMs(t, zone));
    const day = `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    let label: string;
    if (s.unit === 'y') label = pad(d.getUTCFullYear(), 4);
    else if (s.unit === 'mo') label = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}`;
    else if (s.unit === 'd' || s.unit === 'w') {
      // The year once, then again each time it changes.
      const year = pad(d.getUTCFullYear(), 4);
      label = year !== prevYear ? `${year}-${day}` : day;
      prevYear = year;
    } else {
      const time = s.unit === 's' ? `${hm}:${pad(d.getUTCSeconds())}` : hm;
      // The date once, then again each time it changes.
      label = day !== prevDay ? `${day} ${time}` : time;
    }
    prevDay = day;
    return { t, label };
  });
}
