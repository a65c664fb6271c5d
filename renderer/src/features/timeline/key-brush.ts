/**
 * The timeline's keyboard brush, as pure state: a cursor on one bar and, with Shift, a selection from an anchor bar
 * to the cursor. Indexes are bar positions (0 = oldest).
 */

export interface KeyBrushState {
  /** The bar under the keyboard cursor, or null before the first arrow key. */
  cursor: number | null;
  /** Where Shift+arrows started; null when nothing is selected. */
  anchor: number | null;
}

export type BrushMove = 'left' | 'right' | 'home' | 'end' | 'pageLeft' | 'pageRight';

export const NO_BRUSH: KeyBrushState = { cursor: null, anchor: null };

/** Bars a PageUp/PageDown jumps. */
const PAGE = 10;

/**
 * Moves the cursor over `count` bars. The first move lands on the last bar (the newest: where an analyst looks
 * first) for left/end/pageLeft, on the first for right/home/pageRight. With `extend` the selection runs from the
 * anchor (set on the first extended move) to the cursor; a plain move drops it.
 */
export function moveBrush(s: KeyBrushState, move: BrushMove, extend: boolean, count: number): KeyBrushState {
  if (count <= 0) return NO_BRUSH;
  const last = count - 1;
  const from = s.cursor === null ? null : Math.min(s.cursor, last);
  let to: number;
  if (from === null) to = move === 'left' || move === 'end' || move === 'pageLeft' ? last : 0;
  else if (move === 'left') to = from - 1;
  else if (move === 'right') to = from + 1;
  else if (move === 'pageLeft') to = from - PAGE;
  else if (move === 'pageRight') to = from + PAGE;
  else to = move === 'home' ? 0 : last;
  to = Math.max(0, Math.min(last, to));
  if (!extend) return { cursor: to, anchor: null };
  return { cursor: to, anchor: s.anchor ?? from ?? to };
}

/** The bars Enter zooms to: the selection, else the cursor's bar; null when there is no cursor. */
export function brushRange(s: KeyBrushState, count: number): { from: number; to: number } | null {
  if (s.cursor === null || count <= 0) return null;
  const c = Math.min(s.cursor, count - 1);
  if (s.anchor === null) return { from: c, to: c };
  const a = Math.min(s.anchor, count - 1);
  return { from: Math.min(a, c), to: Math.max(a, c) };
}

const MOVES: Record<string, BrushMove> = {
  ArrowLeft: 'left', ArrowRight: 'right', Home: 'home', End: 'end', PageUp: 'pageLeft', PageDown: 'pageRight',
};

export function brushMoveOf(key: string): BrushMove | null {
  return MOVES[key] ?? null;
}
