import type { Histogram } from '../../../../shared/contract/channels.js';
import type { StackBy } from '../../../../shared/contract/timeline.js';
import { OUTCOMES, SEVERITIES } from '../../../../shared/model/event.js';
import type { Db } from '../open.js';
import type { EnumMatch, QueryShape, ShapedWhere } from '../query-shape.js';
import type { SqlFragment } from '../sql.js';
import { bucketsInMemory, type InMemoryResult } from '../memory/timeline-in-memory.js';
import {
  COMPLEMENT_SHARE, complementOf, countPerSlice, indexesReady, matchOf, resultCountPerSlice, rowsFasterBelow, slicesOf,
  valueCountsPerSlice, type Slices,
} from './index-buckets.js';

const MINUTE = 60_000;

/** Columns a histogram may be stacked by (fixed names: never interpolate input into SQL) and their values. */
const STACKS: Record<StackBy, { column: StackBy; values: readonly string[] }> = {
  outcome: { column: 'outcome', values: OUTCOMES },
  severity: { column: 'severity', values: SEVERITIES },
};

/** A bucket as counted: its start, its total, then one count per stack value (in STACKS order). */
type Row = number[];

/**
 * Buckets of `step` ms with their counts per outcome or severity. In order of preference:
 * - the in-memory columns, for any query, once they are current (memory/timeline-in-memory.ts);
 * - the whole case by outcome at minute-or-wider buckets: the per-minute rollup (kept per outcome), which costs the
 *   same at 10M events as at 10k;
 * - a time range, the whole case, or one value of an indexed enum (query-shape.ts): index entries counted per bucket
 *   (index-buckets.ts), never a row read; a value that is most of its range reads only the fewest rows that split
 *   it by stack value (oneValue below);
 * - anything else: one scan of the result grouped by the bucket alone with a conditional sum per value (grouping by
 *   bucket and value sorts more keys, and folding rows in JS costs more: measured by npm run bench).
 */
export function stackedBuckets(
  db: Db, where: ShapedWhere, step: number, stackBy: StackBy, span: { lo: number; hi: number }, memory: InMemoryResult | null = null,
): Histogram['buckets'] {
  const { values } = STACKS[stackBy];
  let rows: Row[] | null = null;
  if (memory) rows = bucketsInMemory(memory, step, STACKS[stackBy]);
  else if (where.sql.trim() === '1' && stackBy === 'outcome' && step % MINUTE === 0) rows = fromRollup(db, step, values);
  else if (where.shape) rows = fromIndexes(db, where.shape, step, stackBy, span);
  rows ??= fromRows(db, where, step, stackBy);
  return rows.map(([t, n, ...counts]) => {
    const by: Record<string, number> = {};
    let known = 0;
    counts.forEach((c, i) => {
      if (c > 0) by[values[i]] = c;
      known += c;
    });
    // The columns only hold these values; anything else would still be counted, never dropped.
    if (n > known) by.other = n - known;
    return { t, count: n, by };
  });
}

function fromRollup(db: Db, step: number, values: readonly string[]): Row[] {
  const perMinute = step / MINUTE;
  const sums = values.map(() => 'sum(iif(outcome = ?, n, 0))').join(', ');
  return db
    .prepare(
      `SELECT (minute - ((minute % ?) + ?) % ?) * 60000 AS t, sum(n) AS n, ${sums} FROM event_minutes
       WHERE n > 0 GROUP BY t ORDER BY t`,
    )
    .raw()
    .all(perMinute, perMinute, perMinute, ...values) as Row[];
}

function fromRows(db: Db, where: SqlFragment, step: number, stackBy: StackBy): Row[] {
  const { column, values } = STACKS[stackBy];
  const sums = values.map(() => `sum(${column} = ?)`).join(', ');
  return db
    .prepare(`SELECT (ts - ((ts % ?) + ?) % ?) AS t, count(*) AS n, ${sums} FROM events WHERE ${where.sql} GROUP BY t ORDER BY t`)
    .raw()
    .all(step, step, step, ...values, ...where.params) as Row[];
}

/** Null when the indexes are missing (mid bulk load) or reading the result's rows is cheaper. */
function fromIndexes(db: Db, shape: QueryShape, step: number, stackBy: StackBy, span: { lo: number; hi: number }): Row[] | null {
  const { values } = STACKS[stackBy];
  const equals = shape.equals;
  const slices = slicesOf(span.lo, span.hi, step, shape);
  if (equals?.column === stackBy && !equals.negated) {
    // `outcome:failure` stacked by outcome: one layer.
    if (!indexesReady(db, [stackBy])) return null;
    const n = countPerSlice(db, { sql: `${stackBy} = ?`, params: [equals.value] }, slices);
    return nonEmpty(slices.starts.map((t, i) => [t, n[i], ...values.map((v) => (v === equals.value ? n[i] : 0))]));
  }
  if (!indexesReady(db, equals ? ['ts', stackBy, equals.column] : ['ts', stackBy])) return null;
  if (equals?.column === stackBy) {
    // `-outcome:failure` stacked by outcome: the range's layers without that one.
    const k = values.indexOf(equals.value);
    return nonEmpty(
      rangeRows(db, stackBy, slices).map((row) => {
        row[1] -= row[2 + k];
        row[2 + k] = 0;
        return row;
      }),
    );
  }
  if (!equals) return nonEmpty(rangeRows(db, stackBy, slices));
  // The category index also holds outcome and severity: a category's result (or all but one) is read from it alone.
  return equals.column === 'category' ? null : oneValue(db, shape, equals, stackBy, slices);
}

/** Per slice: the range's total, then its count per stack value (index entries only). */
function rangeRows(db: Db, stackBy: StackBy, slices: Slices): Row[] {
  const total = countPerSlice(db, { sql: '1', params: [] }, slices);
  const byValue = valueCountsPerSlice(db, stackBy, STACKS[stackBy].values, slices);
  return slices.starts.map((t, i) => [t, total[i], ...byValue.map((counts) => counts[i])]);
}

/**
 * One value of another column (`severity:info` by outcome), or all but one (`-severity:critical`). The result's
 * count per bucket comes from indexes; the split by stack value needs some rows read, and the fewest of two sets will
 * do:
 * - the range's events the term leaves out (`severity != info`; `severity = critical`): subtracted from the range's
 *   counts per stack value;
 * - the range's events outside the commonest stack value (`outcome != success`): those the term selects are counted
 *   per stack value, and the commonest value gets the rest of the bucket.
 * When neither set is at most a third of the result, or the result is small, its own rows are read instead (null).
 */
function oneValue(db: Db, shape: QueryShape, equals: EnumMatch, stackBy: StackBy, slices: Slices): Row[] | null {
  const { values } = STACKS[stackBy];
  const inside = resultCountPerSlice(db, { ...shape, equals }, slices);
  const insideTotal = sum(inside);
  // Counting the whole range per stack value costs about what reading a quarter of the case's rows does.
  if (insideTotal < 4 * rowsFasterBelow(db)) return null;
  const range = rangeRows(db, stackBy, slices);
  const rangeTotal = sum(range.map((r) => r[1]));
  const perValue = values.map((_, k) => sum(range.map((r) => r[2 + k])));
  const major = perValue.indexOf(Math.max(...perValue));
  const complementSize = rangeTotal - insideTotal;
  const minorSize = rangeTotal - perValue[major];
  if (COMPLEMENT_SHARE * Math.min(complementSize, minorSize) > insideTotal) return null;
  if (complementSize <= minorSize) {
    const rest = new Map(fromRows(db, complementOf(equals, shape), slices.step, stackBy).map((r) => [r[0], r]));
    for (const row of range) {
      const other = rest.get(row[0]);
      if (other) for (let k = 1; k < row.length; k++) row[k] -= other[k];
    }
    return nonEmpty(range);
  }
  // `+column`: the filter's value is tested on the rows the stack column's index yields, not looked up by its index.
  const minor = complementOf({ column: stackBy, value: values[major] }, shape);
  const test = matchOf(equals, '+');
  const where = { sql: `${minor.sql} AND ${test.sql}`, params: [...minor.params, ...test.params] };
  const read = new Map(fromRows(db, where, slices.step, stackBy).map((r) => [r[0], r]));
  return nonEmpty(
    slices.starts.map((t, i) => {
      const [, n = 0, ...counts] = read.get(t) ?? [];
      const row = [t, inside[i], ...values.map((_, k) => counts[k] ?? 0)];
      row[2 + major] = inside[i] - n;
      return row;
    }),
  );
}

function nonEmpty(rows: Row[]): Row[] {
  return rows.filter((r) => r[1] > 0);
}

function sum(list: number[]): number {
  return list.reduce((a, b) => a + b, 0);
}
