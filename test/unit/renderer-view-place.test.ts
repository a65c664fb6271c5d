import { describe, expect, it } from 'vitest';
import { locateRow, scrollPositionOf, tablePlace } from '../../renderer/src/features/views/view-place.js';
import { popView, pushView, type View } from '../../renderer/src/features/views/view-stack.js';

const ROW = 24;
/** Rows 0..n-1 with ids `e<i>`, only the windows in `loaded` ([from, to) ranges) available, as in the table. */
const idsOf = (n: number, loaded: Array<[number, number]>, shift = 0) => (i: number) =>
  i >= 0 && i < n && loaded.some(([a, b]) => i >= a && i < b) ? `e${i - shift}` : undefined;

describe('view place', () => {
  it('remembers the first visible row by index and id, the offset into it, the cursor row and the details', () => {
    const p = tablePlace(30 * ROW + 7, ROW, 156, idsOf(156, [[0, 156]]), 36, true);
    expect(p).toEqual({ kind: 'table', anchorIndex: 30, anchorId: 'e30', offset: 7, selectedIndex: 36, selectedId: 'e36', detailsOpen: true });
    expect(scrollPositionOf(p.anchorIndex, p.offset, ROW)).toBe(727);
  });

  it('keeps places inside the list and drops details without a cursor row', () => {
    expect(tablePlace(10_000, ROW, 5, idsOf(5, [[0, 5]]), -1, true)).toMatchObject({ anchorIndex: 4, offset: 23, selectedId: null, detailsOpen: false });
    expect(tablePlace(0, ROW, 0, () => undefined, -1, false)).toMatchObject({ anchorIndex: 0, anchorId: null, offset: 0 });
    // Rows not loaded yet when leaving: the indexes still say where the analyst was.
    expect(tablePlace(2 * ROW, ROW, 1000, idsOf(1000, []), 3, false)).toMatchObject({ anchorIndex: 2, anchorId: null, selectedId: null });
  });

  it('finds a remembered row where it is now: same index, moved by an import, or waits for its window', () => {
    const same = idsOf(1000, [[0, 400]]);
    expect(locateRow(250, 'e250', same, { total: 1000, final: true }, 200)).toEqual({ index: 250, settled: true });
    // Three events imported above it: the row moved down by three.
    const shifted = idsOf(1003, [[0, 400]], 3);
    expect(locateRow(250, 'e250', shifted, { total: 1003, final: true }, 200)).toEqual({ index: 253, settled: true });
    // Its window has not loaded yet: not settled, the caller keeps the old index meanwhile.
    expect(locateRow(600, 'e600', same, { total: 1000, final: true }, 200)).toEqual({ settled: false });
    // Gone (purged): the nearest place, settled.
    expect(locateRow(250, 'gone', same, { total: 1000, final: true }, 200)).toEqual({ index: 250, settled: true });
    // Known by id alone (the chosen event of a context table): looked for from the top.
    expect(locateRow(-1, 'e42', same, { total: 1000, final: true }, 200)).toEqual({ index: 42, settled: true });
    expect(locateRow(5, null, same, { total: 1000, final: true }, 200)).toEqual({ index: 5, settled: true });
    expect(locateRow(5, 'e5', () => undefined, { total: 0, final: true }, 200)).toEqual({ settled: false });
  });

  it('waits for the count before giving up on a row past the rows seen so far', () => {
    // Back to row 12,345 while only the first window (200 rows) has loaded and the count has not arrived.
    const firstWindow = idsOf(20_000, [[0, 200]]);
    expect(locateRow(12_345, 'e12345', firstWindow, { total: 200, final: false }, 200)).toEqual({ settled: false });
    // Once the length is known, a row past the end has gone (a purge): the nearest place.
    expect(locateRow(12_345, 'e12345', firstWindow, { total: 200, final: true }, 200)).toEqual({ index: 199, settled: true });
    // Within the rows seen, a non-final length changes nothing.
    expect(locateRow(150, 'e150', firstWindow, { total: 200, final: false }, 200)).toEqual({ index: 150, settled: true });
  });

  it('a push stores the place in the view left behind; Back returns that view with its place', () => {
    const start: View = { query: 'action:LOGIN_FAILURE', order: 'desc', panel: null, title: 'start' };
    const next: View = { query: 'actor:mallory', order: 'asc', panel: { kind: 'sessions', actor: 'mallory', gapMinutes: 30 }, title: '' };
    const place = tablePlace(727, ROW, 156, idsOf(156, [[0, 156]]), 36, true);
    const stack = pushView([start], 'desc', next, place);
    expect(stack[0].place).toEqual(place);
    expect(popView(stack)[0]).toEqual({ ...start, place });
    expect(pushView([start], 'desc', next)[0]).not.toHaveProperty('place');
  });
});
