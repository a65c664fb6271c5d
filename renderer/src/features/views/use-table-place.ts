import { useEffect, useRef, type MutableRefObject, type RefObject } from 'react';
import type { EventRow } from '../../../../shared/model/event.js';
import type { Ranges } from '../table/row-ranges.js';
import { markedPlace } from './marked-place.js';
import type { Restore } from './use-view-stack.js';
import { locateRow, scrollPositionOf, tablePlace, type Place, type TablePlace } from './view-place.js';

/** How far (rows) around its old index a remembered row is looked for when the case changed meanwhile. */
export const SEARCH_ROWS = 200;

interface Args {
  /** What Back asked to restore, and this table's query and order (`key`): a place restores only its own view. */
  restore: Restore | null;
  key: string;
  placeSource: MutableRefObject<(() => Place | null) | null> | undefined;
  rowHeight: number;
  total: number;
  /** Whether `total` is the list's length, or only the rows seen before the count arrived. */
  totalFinal: boolean;
  /** The virtual scroll position now (pixels from the top of the unscaled list), and `select` (a row, into view). */
  live: RefObject<{ v: number; select: (i: number) => void }>;
  getRow: (i: number) => EventRow | undefined;
  selected: number;
  detailsOpen: boolean;
  /** The multi-selection and its anchor, remembered by event id. */
  marked: Ranges;
  anchor: number | null;
  grid: RefObject<HTMLElement | null>;
}

/**
 * The table's side of the way back: tells the view stack where the analyst is (first visible row, offset, cursor,
 * details, marked rows) when they leave, and when Back returns here, the scroll position to restore. The anchor and cursor rows
 * are checked by id as their windows load; the cursor is moved to where its event is now. Focus returns to the grid.
 */
export function useTablePlace(a: Args): { v: number } | null {
  const latest = useRef(a);
  latest.current = a;
  const { placeSource } = a;
  useEffect(() => {
    if (!placeSource) return;
    const capture = (): Place => {
      const { live, rowHeight, total, getRow, selected, detailsOpen, marked, anchor } = latest.current;
      const idAt = (i: number) => getRow(i)?.id;
      return { ...tablePlace(live.current?.v ?? 0, rowHeight, total, idAt, selected, detailsOpen), marks: markedPlace(marked, anchor, idAt) };
    };
    placeSource.current = capture;
    return () => {
      if (placeSource.current === capture) placeSource.current = null;
    };
  }, [placeSource]);

  const place: TablePlace | null = a.restore && a.restore.key === a.key && a.restore.place.kind === 'table' ? a.restore.place : null;
  const idAt = (i: number) => a.getRow(i)?.id;
  const list = { total: a.total, final: a.totalFinal };

  // The scroll target: recomputed while the anchor's window loads (it may have moved), then frozen.
  const target = useRef<{ v: number; for: Restore } | null>(null);
  const anchorSettled = useRef<Restore | null>(null);
  if (!place || !a.restore) target.current = null;
  else if (anchorSettled.current !== a.restore) {
    const found = locateRow(place.anchorIndex, place.anchorId, idAt, list, SEARCH_ROWS);
    const v = scrollPositionOf(found.settled ? found.index : place.anchorIndex, place.offset, a.rowHeight);
    if (target.current?.v !== v || target.current.for !== a.restore) target.current = { v, for: a.restore };
    if (found.settled && a.total > 0) anchorSettled.current = a.restore;
  }

  // The cursor: once its row has loaded, follow its event if it moved (or find it, when only its id is known).
  const cursorSettled = useRef<Restore | null>(null);
  const cursorFound = place && place.selectedId !== null && cursorSettled.current !== a.restore
    ? locateRow(place.selectedIndex, place.selectedId, idAt, list, SEARCH_ROWS)
    : null;
  const cursorIndex = cursorFound?.settled ? cursorFound.index : null;
  useEffect(() => {
    const { restore, selected, live } = latest.current;
    if (cursorIndex === null || !restore) return;
    cursorSettled.current = restore;
    if (cursorIndex !== selected) live.current?.select(cursorIndex);
  }, [cursorIndex]);

  // Back lands in the grid, on the restored row; so does a new table view that replaced the focused element.
  const { grid } = a;
  useEffect(() => {
    if (place) grid.current?.focus({ preventScroll: true });
  }, [place, grid]);
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) grid.current?.focus({ preventScroll: true });
  }, [grid]);

  return target.current;
}
