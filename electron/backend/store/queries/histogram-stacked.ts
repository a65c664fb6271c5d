import type { Histogram } from '../../../../shared/contract/channels.js';
import type { StackBy } from '../../../../shared/contract/timeline.js';
import { OUTCOMES, SEVERITIES } from '../../../../shared/model/event.js';
import type { Db } from '../open.js';
import type { SqlFragment } from '../sql.js';

const MINUTE = 60_000;

/** Columns a histogram may be stacked by (fixed names: never interpolate input into SQL) and their values. */
const STACKS: Record<StackBy, { column: string; values: readonly string[] }> = {
  outcome: { column: 'outcome', values: OUTCOMES },
  severity: { column: 'severity', values: SEVERITIES },
};

/**
 * Buckets of `step` ms with their counts per outcome or severity: one query grouped by the bucket alone with a
 * conditional sum per value (grouping by bucket and value sorts more keys, and folding rows in JS costs more: measured
 * by npm run bench). The whole case by outcome at minute-or-wider buckets reads the per-minute rollup (kept per
 * outcome), so it costs the same at 10M events as at 10k; everything else scans the result once.
 */
export function stackedBuckets(db: Db, where: SqlFragment, step: number, stackBy: StackBy): Histogram['buckets'] {
  const unfiltered = where.sql.trim() === '1';
  const { column, values } = STACKS[stackBy];
  let rows: number[][];
  if (unfiltered && stackBy === 'outcome' && step % MINUTE === 0) {
    const perMinute = step / MINUTE;
    const sums = values.map(() => 'sum(iif(outcome = ?, n, 0))').join(', ');
    rows = db
      .prepare(
        `SELECT (minute - ((minute % ?) + ?) % ?) * 60000 AS t, sum(n) AS n, ${sums} FROM event_minutes
         WHERE n > 0 GROUP BY t ORDER BY t`,
      )
      .raw()
      .all(perMinute, perMinute, perMinute, ...values) as number[][];
  } else {
    const sums = values.map(() => `sum(${column} = ?)`).join(', ');
    rows = db
      .prepare(`SELECT (ts - ((ts % ?) + ?) % ?) AS t, count(*) AS n, ${sums} FROM events WHERE ${where.sql} GROUP BY t ORDER BY t`)
      .raw()
      .all(step, step, step, ...values, ...where.params) as number[][];
  }
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
