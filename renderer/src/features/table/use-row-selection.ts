import { useCallback, useMemo, useState } from 'react';
import { contains, count, span, toggle, type Ranges } from './row-ranges.js';

export interface RowSelection {
  /** Rows marked for copying and filtering (empty: the cursor row alone is the selection). */
  marked: Ranges;
  /** Where Shift+click / Shift+arrows extend from. */
  anchor: number | null;
  markedCount: number;
  isMarked: (i: number) => boolean;
  /** Space / Ctrl+click: adds or removes one row (Ctrl+click first takes in the cursor row, as file managers do). */
  toggleRow: (i: number, cursor: number, withCursor: boolean) => void;
  /** Shift+click / Shift+arrows: the range from the anchor (else the cursor) to `to`. */
  extendTo: (to: number, cursor: number) => void;
  /** A plain click: no marks, the anchor at the clicked row. */
  restart: (i: number) => void;
  selectAll: (total: number) => void;
  clear: () => void;
  /** Puts back a remembered selection (Back to this view). */
  replace: (marked: Ranges, anchor: number | null) => void;
}

interface State {
  key: string;
  marked: Ranges;
  anchor: number | null;
}

/** The table's multi-selection; a new query or order (`resetKey`) starts with none. */
export function useRowSelection(resetKey: string): RowSelection {
  const [raw, setRaw] = useState<State>({ key: resetKey, marked: [], anchor: null });
  const state = raw.key === resetKey ? raw : { key: resetKey, marked: [], anchor: null };
  const { marked, anchor } = state;
  const set = useCallback((m: Ranges, a: number | null) => setRaw({ key: resetKey, marked: m, anchor: a }), [resetKey]);
  const markedCount = useMemo(() => count(marked), [marked]);
  return {
    marked,
    anchor,
    markedCount,
    isMarked: (i) => contains(marked, i),
    toggleRow: (i, cursor, withCursor) => {
      const base = withCursor && marked.length === 0 && cursor >= 0 && cursor !== i ? span(cursor, cursor) : marked;
      set(toggle(base, i), i);
    },
    extendTo: (to, cursor) => {
      const from = anchor ?? (cursor >= 0 ? cursor : to);
      set(span(from, to), from);
    },
    restart: (i) => set([], i),
    selectAll: (total) => set(total > 0 ? span(0, total - 1) : [], 0),
    clear: () => set([], anchor),
    replace: set,
  };
}
