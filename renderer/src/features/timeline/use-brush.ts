import { useCallback, useRef, useState, type PointerEvent } from 'react';

/** Dragging less than this many pixels is a click (on a bar), not a brush. */
const MIN_DRAG_PX = 5;

export interface Brush {
  /** The selection being dragged, in pixels (x0 <= x1), or null. */
  range: { x0: number; x1: number } | null;
  /** True right after a brush ended, so the click that follows the pointer-up does not also act as a bar click. */
  consumedClick: () => boolean;
  handlers: {
    onPointerDown: (e: PointerEvent<SVGSVGElement>) => void;
    onPointerMove: (e: PointerEvent<SVGSVGElement>) => void;
    onPointerUp: (e: PointerEvent<SVGSVGElement>) => void;
    /** Leaving the plot ends the drag at its edge (no pointer capture: it would retarget the bars' clicks). */
    onPointerLeave: (e: PointerEvent<SVGSVGElement>) => void;
    onPointerCancel: () => void;
  };
}

/** Horizontal drag selection over the plot area [left, right] (pixels); onSelect receives the pixel range. */
export function useBrush(left: number, right: number, onSelect: (x0: number, x1: number) => void): Brush {
  const start = useRef<number | null>(null);
  const justBrushed = useRef(false);
  const [range, setRange] = useState<{ x0: number; x1: number } | null>(null);
  const clamp = useCallback((x: number) => Math.min(right, Math.max(left, x)), [left, right]);
  const xOf = (e: PointerEvent<SVGSVGElement>) => clamp(e.clientX - e.currentTarget.getBoundingClientRect().left);

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    start.current = xOf(e);
    justBrushed.current = false;
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (start.current === null) return;
    const x = xOf(e);
    if (Math.abs(x - start.current) >= MIN_DRAG_PX) setRange({ x0: Math.min(start.current, x), x1: Math.max(start.current, x) });
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    if (start.current === null) return;
    const x = xOf(e);
    const x0 = Math.min(start.current, x);
    const x1 = Math.max(start.current, x);
    start.current = null;
    setRange(null);
    if (x1 - x0 >= MIN_DRAG_PX) {
      justBrushed.current = true;
      onSelect(x0, x1);
    }
  };
  const onPointerCancel = () => {
    start.current = null;
    setRange(null);
  };
  const consumedClick = () => {
    const was = justBrushed.current;
    justBrushed.current = false;
    return was;
  };
  return { range, consumedClick, handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerLeave: onPointerUp, onPointerCancel } };
}
