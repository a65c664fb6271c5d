import { useRef, useState, type PointerEvent } from 'react';

/** Pixels the pointer must travel before a press on a header becomes a drag (a plain click stays a click). */
const THRESHOLD = 6;

/**
 * Where a header dropped at `x` lands among the other headers: the number of other headers whose centre lies left
 * of the pointer (an index into the order without the dragged column).
 */
function dropIndex(self: HTMLElement, x: number): number {
  const headers = [...(self.parentElement?.querySelectorAll<HTMLElement>('[role="columnheader"]') ?? [])];
  return headers.filter((h) => h !== self).filter((h) => {
    const r = h.getBoundingClientRect();
    return r.left + r.width / 2 < x;
  }).length;
}

/** Drag a column header sideways to reorder (pointer events, so mouse, pen and touch alike). */
export function useHeaderDrag(onMove: (index: number) => void) {
  const start = useRef<{ x: number; id: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    handlers: {
      onPointerDown: (e: PointerEvent<HTMLDivElement>) => {
        if (e.button !== 0) return;
        start.current = { x: e.clientX, id: e.pointerId };
        e.currentTarget.setPointerCapture(e.pointerId);
      },
      onPointerMove: (e: PointerEvent<HTMLDivElement>) => {
        if (start.current && !dragging && Math.abs(e.clientX - start.current.x) > THRESHOLD) setDragging(true);
      },
      onPointerUp: (e: PointerEvent<HTMLDivElement>) => {
        if (start.current && dragging) onMove(dropIndex(e.currentTarget, e.clientX));
        start.current = null;
        setDragging(false);
      },
      onPointerCancel: () => {
        start.current = null;
        setDragging(false);
      },
    },
  };
}
