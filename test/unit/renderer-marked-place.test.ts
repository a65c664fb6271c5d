import { describe, expect, it } from 'vitest';
import { EXACT_LIMIT, markedPlace, merge, restoreMarks } from '../../renderer/src/features/views/marked-place.js';
import { span, toggle, type Ranges } from '../../renderer/src/features/table/row-ranges.js';

/** A result of `n` rows with ids e0, e1, ...; `loaded` limits which rows the table has fetched. */
function rows(n: number, loaded: (i: number) => boolean = () => true) {
  return (i: number) => (i >= 0 && i < n && loaded(i) ? `e${i}` : undefined);
}

/** The same result after `k` newer events were imported above it (newest first): every row moves down by k. */
function shifted(n: number, k: number) {
  return (i: number) => (i < 0 || i >= n + k ? undefined : i < k ? `new${i}` : `e${i - k}`);
}

const marks = (...r: [number, number][]): Ranges => r;

describe('remembering the multi-selection of a view', () => {
  it('remembers nothing when no row is marked', () => {
    expect(markedPlace([], 3, rows(10))).toBeNull();
  });

  it('remembers a small selection row by row, with each event id and the anchor', () => {
    const place = markedPlace(toggle(span(2, 4), 7), 2, rows(20));
    expect(place).toEqual({
      spans: [2, 3, 4, 7].map((i) => ({ from: i, to: i, fromId: `e${i}`, toId: `e${i}` })),
      anchor: 2,
      anchorId: 'e2',
    });
  });

  it('remembers a large selection by its ranges and their end rows only', () => {
    const place = markedPlace(marks([0, 999_999]), 0, rows(1_000_000, (i) => i < 200 || i > 999_800));
    expect(place?.spans).toEqual([{ from: 0, to: 999_999, fromId: 'e0', toId: 'e999999' }]);
    const justOver = markedPlace(marks([0, EXACT_LIMIT]), 0, rows(5000));
    expect(justOver?.spans).toHaveLength(1);
  });

  it('falls back to ranges when a marked row was not loaded (its id is unknown)', () => {
    const place = markedPlace(marks([5, 6], [900, 900]), 5, rows(1000, (i) => i < 200));
    expect(place?.spans).toEqual([
      { from: 5, to: 6, fromId: 'e5', toId: 'e6' },
      { from: 900, to: 900, fromId: null, toId: null },
    ]);
  });
});

describe('restoring it on Back', () => {
  it('puts the same marks back when the case did not change', () => {
    const marked = toggle(span(2, 4), 7);
    const place = markedPlace(marked, 2, rows(20))!;
    expect(restoreMarks(place, rows(20), { total: 20, final: true }, 200)).toEqual({ marked, anchor: 2, settled: true });
  });

  it('follows the events when newer ones were imported above them meanwhile', () => {
    const place = markedPlace(toggle(span(2, 4), 7), 2, rows(20))!;
    expect(restoreMarks(place, shifted(20, 3), { total: 23, final: true }, 200)).toEqual({ marked: marks([5, 7], [10, 10]), anchor: 5, settled: true });
  });

  it('drops a marked event that is gone (purged) and keeps the others', () => {
    const place = markedPlace(marks([1, 1], [3, 3]), 1, rows(10))!;
    // e1 was purged: every row from 1 on moved up by one.
    const after = (i: number) => (i < 0 || i >= 9 ? undefined : i < 1 ? `e${i}` : `e${i + 1}`);
    expect(restoreMarks(place, after, { total: 9, final: true }, 200)).toMatchObject({ marked: marks([2, 2]), settled: true });
  });

  it('shows marks at their old indexes until their rows load, then settles', () => {
    const place = markedPlace(marks([3, 3], [400, 400]), 3, rows(1000))!;
    // Two events were imported above; only the first windows (rows < 300) have loaded so far.
    const firstWindows = (i: number) => (i >= 300 ? undefined : shifted(1000, 2)(i));
    expect(restoreMarks(place, firstWindows, { total: 1002, final: true }, 50)).toEqual({ marked: marks([5, 5], [400, 400]), anchor: 5, settled: false });
    // Row 402's window arrives: the second mark follows its event.
    expect(restoreMarks(place, shifted(1000, 2), { total: 1002, final: true }, 50)).toEqual({ marked: marks([5, 5], [402, 402]), anchor: 5, settled: true });
  });

  it('keeps every mark unsettled while the table knows no rows yet', () => {
    const place = markedPlace(marks([2, 4]), 2, rows(10))!;
    expect(restoreMarks(place, () => undefined, { total: 0, final: true }, 200)).toEqual({ marked: marks([2, 4]), anchor: 2, settled: false });
  });

  it('keeps marks past the rows seen so far unsettled until the count says how long the list is', () => {
    const place = markedPlace(marks([3, 3], [12_350, 12_350]), 3, rows(20_000))!;
    const firstWindow = rows(20_000, (i) => i < 200);
    // Not clipped to row 199 while only the first window has loaded and the count is not known yet.
    expect(restoreMarks(place, firstWindow, { total: 200, final: false }, 200)).toEqual({ marked: marks([3, 3], [12_350, 12_350]), anchor: 3, settled: false });
    // A final length of 200 means row 12,350's event is gone: that mark is dropped.
    expect(restoreMarks(place, firstWindow, { total: 200, final: true }, 200)).toEqual({ marked: marks([3, 3]), anchor: 3, settled: true });
  });

  it('moves a large range by its end rows', () => {
    const place = markedPlace(marks([10, 5000]), 10, rows(10_000))!;
    expect(restoreMarks(place, shifted(10_000, 4), { total: 10_004, final: true }, 200)).toMatchObject({ marked: marks([14, 5004]), settled: true });
  });

  it('merges ranges that meet after restoring', () => {
    expect(merge([[5, 6], [1, 2], [3, 3], [9, 9]])).toEqual([[1, 3], [5, 6], [9, 9]]);
    expect(merge([[5, 6], [1, 2], [3, 4], [6, 8]])).toEqual([[1, 8]]);
  });
});
