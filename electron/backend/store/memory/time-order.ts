import type { EventColumns } from './column-cache.js';

/**
 * The cached events in the table's order: rowids sorted by (ts, rowid) ascending. With it, the keyset anchors of any
 * result (every 1000th row, which the table seeks from for a deep window) are one pass over this array and the
 * result's bytes, instead of SQL numbering every matching row with a window function: 9.8 s for the first jump to
 * the end of a 10M-event table (npm run bench, "column cache" table).
 *
 * Sorted once per cache contents and kept (4 bytes an event) until the cache changes. The sort is an LSD radix sort
 * on the integer millisecond times: a few linear passes (50 ms at 1M events) where a comparison sort takes seconds.
 */

interface Sorted {
  count: number;
  maxRowid: number;
  rowids: Int32Array;
}

const sortedByCache = new WeakMap<EventColumns, Sorted>();

/** Rowids of the cached events in (ts, rowid) ascending order. */
export function timeOrder(cache: EventColumns): Int32Array {
  const kept = sortedByCache.get(cache);
  if (kept && kept.count === cache.count && kept.maxRowid === cache.maxRowid) return kept.rowids;
  const rowids = sortByTime(cache.ts, cache.maxRowid);
  sortedByCache.set(cache, { count: cache.count, maxRowid: cache.maxRowid, rowids });
  return rowids;
}

const DIGIT_BITS = 11;

/**
 * Rowids 0..maxRowid that hold an event (ts not NaN), sorted by (ts, rowid). The rowids start in ascending order and
 * each radix pass is stable, so equal times stay in rowid order. Times that are not integers, or span more than
 * 2^53 ms, take a comparison sort.
 */
export function sortByTime(ts: Float64Array, maxRowid: number): Int32Array {
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  let sorted = true;
  let previous = -Infinity;
  const rows = new Int32Array(Math.min(ts.length, maxRowid + 1));
  for (let r = 0; r < rows.length; r++) {
    const t = ts[r];
    if (t !== t) continue; // NaN: no event has this rowid
    rows[n++] = r;
    if (t < min) min = t;
    if (t > max) max = t;
    if (t < previous) sorted = false;
    previous = t;
    if (!Number.isInteger(t)) integers = false;
  }
  const ids = rows.slice(0, n);
  // Events are often imported in time order: nothing to do then.
  if (sorted) return ids;
  if (!integers || !Number.isSafeInteger(max - min)) return ids.sort((a, b) => ts[a] - ts[b] || a - b);
  return radixSort(ids, ts, min, max - min);
}

/** Stable LSD radix sort of `ids` by ts[id] - min, in passes of DIGIT_BITS bits (ts - min < 2^53). */
function radixSort(ids: Int32Array, ts: Float64Array, min: number, span: number): Int32Array {
  const n = ids.length;
  // Keys travel with their rowids so each pass reads them in sequence instead of jumping around `ts`.
  let keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = ts[ids[i]] - min;
  let src: Int32Array = ids;
  let dst: Int32Array = new Int32Array(n);
  let keysOut = new Float64Array(n);
  const buckets = 1 << DIGIT_BITS;
  const mask = buckets - 1;
  const starts = new Int32Array(buckets);
  // Division instead of shifts: keys may exceed 32 bits, where JS bit operators would truncate them.
  for (let scale = 1; scale <= span; scale *= buckets) {
    starts.fill(0);
    for (let i = 0; i < n; i++) starts[Math.floor(keys[i] / scale) & mask]++;
    let at = 0;
    for (let b = 0; b < buckets; b++) {
      const c = starts[b];
      starts[b] = at;
      at += c;
    }
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      const to = starts[Math.floor(k / scale) & mask]++;
      dst[to] = src[i];
      keysOut[to] = k;
    }
    [src, dst] = [dst, src];
    [keys, keysOut] = [keysOut, keys];
  }
  return src;
}
