import { describe, expect, it } from 'vitest';
import { sortByTime } from '../../electron/backend/store/memory/time-order.js';

/** The reference: rowids holding an event, by (ts, rowid), with a comparison sort. */
function byComparison(ts: Float64Array, maxRowid: number): number[] {
  const ids: number[] = [];
  for (let r = 0; r <= maxRowid; r++) if (!Number.isNaN(ts[r])) ids.push(r);
  return ids.sort((a, b) => ts[a] - ts[b] || a - b);
}

function times(n: number, seed0: number, value: (rnd: () => number, i: number) => number): Float64Array {
  let seed = seed0;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const ts = new Float64Array(n);
  for (let i = 0; i < n; i++) ts[i] = i % 13 === 5 ? Number.NaN : value(rnd, i); // NaN: a rowid without an event
  return ts;
}

describe('the cached events in time order', () => {
  it('sorts by time and breaks ties by rowid, over spans from a second to centuries', () => {
    const cases: Array<[string, Float64Array]> = [
      ['ties within one second', times(5000, 1, (rnd) => 1_700_000_000_000 + Math.floor(rnd() * 1000))],
      ['three years in ms (past 32 bits)', times(5000, 2, (rnd) => 1_600_000_000_000 + Math.floor(rnd() * 9.5e10))],
      ['before 1970 and after 2100', times(5000, 3, (rnd) => Math.floor((rnd() - 0.5) * 2 ** 45))],
      ['one time for all', times(300, 4, () => 1_700_000_000_000)],
    ];
    for (const [name, ts] of cases) expect(Array.from(sortByTime(ts, ts.length - 1)), name).toEqual(byComparison(ts, ts.length - 1));
  });

  it('keeps rows already in time order as they are, and sorts fractional times by comparison', () => {
    const ordered = times(2000, 5, (_rnd, i) => 1_700_000_000_000 + i * 10);
    expect(Array.from(sortByTime(ordered, 1999))).toEqual(byComparison(ordered, 1999));
    const fractional = times(2000, 6, (rnd) => rnd() * 1000);
    expect(Array.from(sortByTime(fractional, 1999))).toEqual(byComparison(fractional, 1999));
  });

  it('ignores rowids past the highest cached one', () => {
    const ts = times(100, 7, (rnd) => Math.floor(rnd() * 50));
    expect(Array.from(sortByTime(ts, 49))).toEqual(byComparison(ts, 49));
  });
});
