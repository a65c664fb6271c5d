import type { Swimlanes } from '../../../../shared/contract/timeline.js';
import type { Db } from '../open.js';
import { asciiLower } from '../query-sql.js';
import type { ShapedWhere } from '../query-shape.js';
import { readyColumns, type EventColumns } from './column-cache.js';
import { resultRows } from './result-rows.js';
import { scratchInt32 } from './scratch.js';

/**
 * Histograms and swimlanes of any query from the in-memory columns: one evaluation of the query to a row set, then
 * passes over arrays. Same answers as the SQL paths (test/integration/column-cache.test.ts compares them).
 */

export interface InMemoryResult {
  cache: EventColumns;
  /** The result's rowids, ascending: valid until the next result is evaluated on this cache (scratch.ts). */
  ids: Int32Array;
  /** First and last event time of the result (null when it is empty). */
  lo: number | null;
  hi: number | null;
}

/** A parsed query evaluated over the column cache to a byte per rowid (result-rows.ts). */
export interface InMemoryRowSet {
  cache: EventColumns;
  rows: Uint8Array;
}

/** A parsed query evaluated over the column cache, when the cache is current (else null). */
export function rowSetInMemory(db: Db, where: ShapedWhere): InMemoryRowSet | null {
  if (where.node === undefined) return null;
  const cache = readyColumns(db);
  return cache ? { cache, rows: resultRows(db, cache, where.node) } : null;
}

/** The result of a parsed query when the column cache is current, else null (the callers' SQL paths answer). */
export function resultInMemory(db: Db, where: ShapedWhere): InMemoryResult | null {
  const evaluated = rowSetInMemory(db, where);
  if (!evaluated) return null;
  const { cache, rows } = evaluated;
  // One pass: rowids into a buffer as large as the case, then a view of the filled part (no count pass first). The
  // buffer is the cache's, reused by the next query (scratch.ts).
  const all = scratchInt32(cache, 'result-ids', rows.length);
  let n = 0;
  let lo = Infinity;
  let hi = -Infinity;
  const ts = cache.ts;
  for (let r = 0; r < rows.length; r++) {
    if (rows[r] === 0) continue;
    all[n++] = r;
    const t = ts[r];
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const ids = all.subarray(0, n);
  return n === 0 ? { cache, ids, lo: null, hi: null } : { cache, ids, lo, hi };
}

/** How many events a parsed query selects, from the column cache when it is current (else null). */
export function countInMemory(db: Db, where: ShapedWhere): number | null {
  const rows = rowSetInMemory(db, where)?.rows;
  if (!rows) return null;
  let n = 0;
  for (let r = 0; r < rows.length; r++) n += rows[r];
  return n;
}

/**
 * Counts per bucket of `step` ms from `lo`: [t, total, ...one count per value] rows for the non-empty buckets in time
 * order, like the SQL paths' GROUP BY. `stack` names a column and its values (compared exactly, like SQL's `=`).
 */
export function bucketsInMemory(
  result: InMemoryResult, step: number, stack?: { column: 'outcome' | 'severity'; values: readonly string[] },
): number[][] {
  const { cache, ids, lo } = result;
  if (lo === null) return [];
  const first = Math.floor(lo / step);
  const width = stack ? stack.values.length + 1 : 1;
  const counts = new Float64Array((Math.floor(result.hi! / step) - first + 1) * width);
  const ts = cache.ts;
  if (stack) {
    const d = cache.columns[stack.column];
    // Each code's slot in the row: 1 + its value's position, or 0 (total only) for any other value.
    const slot = Int32Array.from(d.values, (v) => 1 + stack.values.indexOf(v as string));
    const codes = d.codes;
    for (let i = 0; i < ids.length; i++) {
      const r = ids[i];
      const at = (Math.floor(ts[r] / step) - first) * width;
      counts[at]++;
      const s = slot[codes[r]];
      if (s > 0) counts[at + s]++;
    }
  } else {
    for (let i = 0; i < ids.length; i++) counts[Math.floor(ts[ids[i]] / step) - first]++;
  }
  const out: number[][] = [];
  for (let at = 0; at < counts.length; at += width) {
    if (counts[at] === 0) continue;
    const row = [(first + at / width) * step];
    for (let i = 0; i < width; i++) row.push(counts[at + i]);
    out.push(row);
  }
  return out;
}

/**
 * The busiest `maxActors` actors of the result (actors compared the way NOCASE compares; the first spelling seen
 * names the lane) and their counts per bucket; events without an actor, or with an empty one, count as others.
 */
export function lanesInMemory(result: InMemoryResult, step: number, maxActors: number): Pick<Swimlanes, 'lanes' | 'others'> {
  const { cache, ids, lo } = result;
  if (lo === null) return { lanes: [], others: 0 };
  const d = cache.columns.actor;
  const codes = d.codes;
  const perCode = new Float64Array(d.values.length);
  for (let i = 0; i < ids.length; i++) perCode[codes[ids[i]]]++;
  // Spellings merged the way NOCASE compares; a lane is named by its first spelling in code-unit order among those
  // in the result (swimlanes.ts's row path does the same).
  const group = new Int32Array(d.values.length).fill(-1);
  const names: string[] = [];
  const totals: number[] = [];
  const byKey = new Map<string, number>();
  perCode.forEach((n, code) => {
    const actor = d.values[code];
    if (n === 0 || actor === null || actor === '') return;
    const key = asciiLower(actor);
    let g = byKey.get(key);
    if (g === undefined) {
      byKey.set(key, (g = names.push(actor) - 1));
      totals.push(0);
    }
    if (actor < names[g]) names[g] = actor;
    totals[g] += n;
    group[code] = g;
  });
  const total = ids.length;
  const top = [...totals.keys()]
    .sort((a, b) => totals[b] - totals[a] || (names[a] < names[b] ? -1 : 1))
    .slice(0, maxActors);
  const lane = new Int32Array(names.length).fill(-1);
  top.forEach((g, i) => (lane[g] = i));
  const first = Math.floor(lo / step);
  const width = Math.floor(result.hi! / step) - first + 1;
  const counts = new Float64Array(top.length * width);
  const ts = cache.ts;
  for (let k = 0; k < ids.length; k++) {
    const r = ids[k];
    const g = group[codes[r]];
    const i = g >= 0 ? lane[g] : -1;
    if (i >= 0) counts[i * width + Math.floor(ts[r] / step) - first]++;
  }
  const lanes = top.map((g, i) => {
    const buckets: { t: number; count: number }[] = [];
    for (let b = 0; b < width; b++) {
      const count = counts[i * width + b];
      if (count > 0) buckets.push({ t: (first + b) * step, count });
    }
    return { actor: names[g], total: totals[g], buckets };
  });
  return { lanes, others: total - lanes.reduce((sum, l) => sum + l.total, 0) };
}
