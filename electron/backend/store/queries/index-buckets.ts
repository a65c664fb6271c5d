import type { Db } from '../open.js';
import type { EnumColumn, EnumMatch, QueryShape } from '../query-shape.js';
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

/**
 * The SQL of the enum term itself: `column = ?`, or for a negated one `column <> ?` written as two index ranges
 * (the columns are NOT NULL). `prefix` `+` keeps SQLite from using the column's index for it.
 */
export function matchOf(equals: EnumMatch, prefix = ''): SqlFragment {
  const column = `${prefix}${equals.column}`;
  return equals.negated
    ? { sql: `(${column} < ? OR ${column} > ?)`, params: [equals.value, equals.value] }
    : { sql: `${column} = ?`, params: [equals.value] };
}

/** The SQL of "every event of the shape's range that the enum term does not select". */
export function complementOf(equals: EnumMatch, shape: QueryShape): SqlFragment {
  const other = matchOf({ ...equals, negated: !equals.negated });
  const range = boundsOf(shape);
  return { sql: [other.sql, ...range.map((r) => r.sql)].join(' AND '), params: [...other.params, ...range.flatMap((r) => r.params)] };
}

function boundsOf(shape: QueryShape): SqlFragment[] {
  const bounds: SqlFragment[] = [];
  if (shape.from !== null) bounds.push({ sql: 'ts >= ?', params: [shape.from] });
  if (shape.to !== null) bounds.push({ sql: 'ts < ?', params: [shape.to] });
  return bounds;
}

/** The count per slice of the shape's events: the enum term's index, the ts index, or the difference of both. */
export function resultCountPerSlice(db: Db, shape: QueryShape, slices: Slices): number[] {
  const all = { sql: '1', params: [] };
  const { equals } = shape;
  if (!equals) return countPerSlice(db, all, slices);
  const matching = countPerSlice(db, { sql: `${equals.column} = ?`, params: [equals.value] }, slices);
  if (!equals.negated) return matching;
  return countPerSlice(db, all, slices).map((n, i) => n - matching[i]);
}

/**
 * Reading the events a result leaves out of its range (to subtract them) pays off when they are a small part of it:
 * the subtraction has a fixed cost (counting the range per value, or walking the actor index), so "smaller" is not
 * enough. The bar is a third of the result.
 */
export const COMPLEMENT_SHARE = 3;

/**
 * Whether the events of the shape's range outside its enum term are at most a third of those in it. Counts index
 * entries only: the term's value on its own index, then the range on the ts index up to where the answer is known
 * (an OR over two index ranges would collect every rowid first).
 */
export function complementWorthReading(db: Db, shape: QueryShape & { equals: EnumMatch }): boolean {
  const { column, value, negated } = shape.equals;
  // The category index also holds outcome, severity and actor: a category's result (or all but one) is read from it.
  if (column === 'category') return false;
  const range = rangeOf(shape);
  const matching = db.prepare(`SELECT count(*) FROM events WHERE ${column} = ? AND ${range.sql}`).pluck().get(value, ...range.params) as number;
  const cap = negated ? (COMPLEMENT_SHARE + 1) * matching + 1 : Math.ceil(((COMPLEMENT_SHARE + 1) * matching) / COMPLEMENT_SHARE) + 1;
  const all = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM events WHERE ${range.sql} LIMIT ?)`).pluck().get(...range.params, cap) as number;
  const [inside, outside] = negated ? [all - matching, matching] : [matching, all - matching];
  return COMPLEMENT_SHARE * outside <= inside;
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
