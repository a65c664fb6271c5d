/** Timing helpers shared by the bench's tables. */

interface Stats {
  median: number;
  p95: number;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

/**
 * Milliseconds of `fn` plus a garbage collection right after it (npm run bench exposes gc). A statement that sorted or
 * grouped millions of rows frees that memory only when its object is collected: 1.3 s after a GROUP BY over 8.3M rows
 * at 10M events. Without this, the SQL paths and references would leave that cost to whichever call is timed next.
 */
export function timeWithCleanup(fn: () => unknown): number {
  return timeOf(() => {
    fn();
    (globalThis as { gc?: () => void }).gc?.();
  });
}

/** Milliseconds of one call of `fn`. */
export function timeOf(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}
