import type { Histogram } from '../../../../shared/contract/channels.js';
import type { Db } from '../open.js';
import type { SqlFragment } from '../sql.js';
import type { ShapedWhere } from '../query-shape.js';
import { indexesReady, resultCountPerSlice, slicesOf } from './index-buckets.js';
import type { StackBy } from '../../../../shared/contract/timeline.js';
import { stackedBuckets } from './histogram-stacked.js';
import { bucketsInMemory, resultInMemory } from '../memory/timeline-in-memory.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Bucket widths a person reads easily, from seconds to months (30 d) and years (365 d). */
export const BUCKET_STEPS = [
  SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR,
  6 * HOUR, 12 * HOUR, DAY, 7 * DAY, 30 * DAY, 365 * DAY,
];

/** The finest step whose aligned buckets (multiples of the step) covering [from, to] number at most maxBuckets. */
export function chooseBucket(from: number, to: number, maxBuckets: number): number {
  const buckets = (step: number) => Math.floor(to / step) - Math.floor(from / step) + 1;
  return BUCKET_STEPS.find((step) => buckets(step) <= maxBuckets) ?? BUCKET_STEPS[BUCKET_STEPS.length - 1];
}

function floorTo(ts: number, step: number): number {
  return Math.floor(ts / step) * step;
}

/** Min and max time of a result (the whole case's from the ts index). */
export function resultRange(db: Db, where: SqlFragment): { lo: number | null; hi: number | null } {
  const unfiltered = where.sql.trim() === '1';
  return db
    .prepare(unfiltered ? 'SELECT min(ts) AS lo, max(ts) AS hi FROM events' : `SELECT min(ts) AS lo, max(ts) AS hi FROM events WHERE ${where.sql}`)
    .get(...(unfiltered ? [] : where.params)) as { lo: number | null; hi: number | null };
}

/**
 * Histogram of a result. Once the case's columns are in memory (memory/column-cache.ts), any query is counted there.
 * Until then: the whole case (no filter) with minute-or-wider buckets is read from the per-minute
 * rollup table, so it costs the same at 10M events as at 10k; a time range or one enum value counts index entries
 * per bucket (index-buckets.ts); other results are counted with one grouped scan. With `stackBy`, each bucket also
 * carries its counts per outcome or severity (histogram-stacked.ts).
 */
export function histogram(db: Db, where: ShapedWhere, maxBuckets: number, stackBy?: StackBy): Histogram {
  const unfiltered = where.sql.trim() === '1';
  const memory = resultInMemory(db, where);
  const range = memory ?? resultRange(db, where);
  if (range.lo === null || range.hi === null) return { bucketMs: MINUTE, buckets: [], from: null, to: null };
  const step = chooseBucket(range.lo, range.hi, maxBuckets);
  const span = { from: floorTo(range.lo, step), to: floorTo(range.hi, step) + step };
  if (stackBy) return { bucketMs: step, buckets: stackedBuckets(db, where, step, stackBy, { lo: range.lo, hi: range.hi }, memory), ...span };
  let rows: { t: number; count: number }[];
  if (memory) {
    rows = bucketsInMemory(memory, step).map(([t, count]) => ({ t, count }));
  } else if (unfiltered && step >= MINUTE && step % MINUTE === 0) {
    const perMinute = step / MINUTE;
    rows = db
      .prepare(
        `SELECT (minute - ((minute % ?) + ?) % ?) * 60000 AS t, sum(n) AS count FROM event_minutes
         WHERE n > 0 GROUP BY t ORDER BY t`,
      )
      .all(perMinute, perMinute, perMinute) as { t: number; count: number }[];
  } else if (where.shape && indexesReady(db, where.shape.equals ? ['ts', where.shape.equals.column] : ['ts'])) {
    // A time range or one enum value (or all but one): index entries counted per bucket, no sort (index-buckets.ts).
    const slices = slicesOf(range.lo, range.hi, step, where.shape);
    const counts = resultCountPerSlice(db, where.shape, slices);
    rows = slices.starts.map((t, i) => ({ t, count: counts[i] })).filter((b) => b.count > 0);
  } else {
    rows = db
      .prepare(
        `SELECT (ts - ((ts % ?) + ?) % ?) AS t, count(*) AS count FROM events WHERE ${where.sql} GROUP BY t ORDER BY t`,
      )
      .all(step, step, step, ...where.params) as { t: number; count: number }[];
  }
  return { bucketMs: step, buckets: rows, ...span };
}

/** Counts by outcome: from the rollup for the whole case, else one grouped scan of the result. */
export function countByOutcome(db: Db, where: SqlFragment): Record<string, number> {
  const unfiltered = where.sql.trim() === '1';
  const rows = (
    unfiltered
      ? db.prepare('SELECT outcome, sum(n) AS n FROM event_minutes GROUP BY outcome').all()
      : db.prepare(`SELECT outcome, count(*) AS n FROM events WHERE ${where.sql} GROUP BY outcome`).all(...where.params)
  ) as { outcome: string; n: number }[];
  return Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.outcome, r.n]));
}
