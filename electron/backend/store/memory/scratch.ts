import type { EventColumns } from './column-cache.js';

/**
 * Large buffers kept from one query to the next, one per role and cache. Without them a query over a 10M-event case
 * asks the OS for 70 MB of fresh pages every time: a page fault for each 4 KiB, and, once the page cache has filled
 * memory (a big case read through), a reclaim for each too. Facets of an 8.3M-event result took 1.45 s right after
 * a scan of the case, against 0.29 s before it (npm run bench, "At 10M events" in the README).
 *
 * A buffer's contents are valid until the next call for the same role on the same cache: every user reads it
 * synchronously and drops it before answering.
 */
export type ScratchRole = 'result-ids' | 'facet-rows';

const pools = new WeakMap<EventColumns, Map<ScratchRole, Int32Array>>();

/** An Int32Array of at least `length` entries (old contents included), kept for the next caller in this role. */
export function scratchInt32(cache: EventColumns, role: ScratchRole, length: number): Int32Array {
  let pool = pools.get(cache);
  if (!pool) pools.set(cache, (pool = new Map()));
  let buffer = pool.get(role);
  if (!buffer || buffer.length < length) pool.set(role, (buffer = new Int32Array(length)));
  return buffer;
}

/**
 * The byte-per-row masks of one query's evaluation (result-rows.ts), drawn from buffers the cache keeps: one per
 * leaf of the largest query so far. Each evaluation starts by taking them all back, so the previous query's result
 * is valid until the next evaluation on this cache begins.
 */
export interface MaskArena {
  /** A mask of `cache.maxRowid + 1` bytes: zeroed, or with stale contents the caller overwrites entirely. */
  take(zeroed: boolean): Uint8Array;
}

const arenas = new WeakMap<EventColumns, Uint8Array[]>();

export function maskArena(cache: EventColumns): MaskArena {
  let buffers = arenas.get(cache);
  if (!buffers) arenas.set(cache, (buffers = []));
  const length = cache.maxRowid + 1;
  let next = 0;
  return {
    take(zeroed) {
      let buffer = buffers[next];
      if (!buffer || buffer.length < length) buffers[next] = buffer = new Uint8Array(length);
      next++;
      const mask = buffer.subarray(0, length);
      if (zeroed) mask.fill(0);
      return mask;
    },
  };
}
