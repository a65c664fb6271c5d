import type { Db } from '../open.js';
import type { EnumColumn, QueryShape } from '../query-shape.js';
import type { SqlFragment } from '../sql.js';

/**
 * Counting per time bucket from an index alone, for results of a known shape (query-shape.ts). A GROUP BY over a
 * computed bucket makes SQLite sort every matching row, and a column the index lacks costs a row read per event: at
 * 1M events a stacked timeline of `severity:info` (83 % of the case) took 440 ms, of a 90 % time range 436 ms.
 * Counting the index entries of each bucket's ts range instead, one short statement per bucket, never sorts and never
 * reads a row (npm run bench: "timeline" table).
 */

/** The index whose entries start (column, ts), per enum column and for time alone. */
const INDEX_OF: Record<EnumColumn | 'ts' | 'actor', string> = {
  ts: 'events_by_ts',
  actor: 'events_by_actor_ts',
  outcome: 'events_by_outcome_ts',
  severity: 'events_by_severity_ts',
  category: 'events_by_category_cover',
};

/**
 * Whether the indexes are there. A bulk load drops the lookup indexes until its end: without them each bucket's
 * statement would scan the table, so callers fall back to reading rows once.
 */
export function indexesReady(db: Db, columns: readonly (keyof typeof INDEX_OF)[]): boolean {
  const exists = db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?`).pluck();
  return columns.every((c) => exists.get(INDEX_OF[c]) === 1);
}

/** The aligned buckets of a result that spans [lo, hi], each clipped to the shape's range. */
export interface Slices {
  starts: number[];
  step: number;
  from: number | null;
  to: number | null;
}

export function slicesOf(lo: number, hi: number, step: number, shape: QueryShape): Slices {
  const starts: number[] = [];
  for (let t = Math.floor(lo / step) * step; t <= hi; t += step) starts.push(t);
  return { starts, step, from: shape.from, to: shape.to };
}

/**
 * The count of `where` in each slice, one statement per slice: `where` is an equality on one indexed column (or `1`,
 * for the ts index), so each statement counts one range of index entries; nothing is sorted and no row is read.
 */
export function countPerSlice(db: Db, where: SqlFragment, slices: Slices): number[] {
  const stmt = db.prepare(`SELECT count(*) FROM events WHERE ${where.sql} AND ts >= ? AND ts < ?`).pluck();
  return slices.starts.map((t) => {
    const lo = slices.from === null ? t : Math.max(t, slices.from);
    const hi = slices.to === null ? t + slices.step : Math.min(t + slices.step, slices.to);
    return lo < hi ? (stmt.get(...where.params, lo, hi) as number) : 0;
  });
}

/** Counts per slice of each value of an indexed enum column, over the shape's range. */
export function valueCountsPerSlice(db: Db, column: EnumColumn, values: readonly string[], slices: Slices): number[][] {
  return values.map((value) => countPerSlice(db, { sql: `${column} = ?`, params: [value] }, slices));
}

/** The SQL of "every event of the range whose `column` is not `value`" (two index ranges: NOT NULL columns). */
export function complementOf(equals: NonNullable<QueryShape['equals']>, shape: QueryShape): SqlFragment {
  const parts = [`(${equals.column} < ? OR ${equals.column} > ?)`];
  const params: unknown[] = [equals.value, equals.value];
  if (shape.from !== null) {
    parts.push('ts >= ?');
    params.push(shape.from);
  }
  if (shape.to !== null) {
    parts.push('ts < ?');
    params.push(shape.to);
  }
  return { sql: parts.join(' AND '), params };
}

/**
 * Whether fewer events of the shape's range have another value than have this one: then the result is counted as
 * the range minus those. Counts index entries only, and the second count stops where the first ended.
 */
export function complementIsSmaller(db: Db, shape: QueryShape & { equals: NonNullable<QueryShape['equals']> }): boolean {
  const range = rangeOf(shape);
  const { column, value } = shape.equals;
  // The category index also holds outcome, severity and actor: a category's own entries answer without row reads.
  if (column === 'category') return false;
  const inside = db.prepare(`SELECT count(*) FROM events WHERE ${column} = ? AND ${range.sql}`).pluck().get(value, ...range.params) as number;
  const rest = complementOf(shape.equals, shape);
  const outside = db
    .prepare(`SELECT count(*) FROM (SELECT 1 FROM events WHERE ${rest.sql} LIMIT ?)`)
    .pluck()
    .get(...rest.params, inside) as number;
  return outside < inside;
}

/** Whether the shape's time range holds at least `n` events (counted on the ts index, stopping at n). */
export function rangeHoldsAtLeast(db: Db, shape: QueryShape, n: number): boolean {
  const range = rangeOf(shape);
  return db.prepare(`SELECT count(*) FROM (SELECT 1 FROM events WHERE ${range.sql} LIMIT ?)`).pluck().get(...range.params, n) === n;
}

/** The shape's time range as SQL over `ts` (unbounded ends as the extreme safe integers, so it is always a range). */
export function rangeOf(shape: QueryShape): SqlFragment {
  return { sql: 'ts >= ? AND ts < ?', params: [shape.from ?? Number.MIN_SAFE_INTEGER, shape.to ?? Number.MAX_SAFE_INTEGER] };
}

/**
 * Below about this many events a result's own rows are read faster than indexes are counted over a wide range or
 * the whole actor index is walked: an index entry costs about a sixteenth of a row read (npm run bench at 1M). The
 * largest rowid stands in for the case's size (events are append-only; a purge only makes it generous), because
 * counting the case would cost what it is meant to save.
 */
export function rowsFasterBelow(db: Db): number {
  const size = db.prepare('SELECT coalesce(max(rowid), 0) FROM events').pluck().get() as number;
  return Math.max(1, Math.ceil(size / 16));
}
