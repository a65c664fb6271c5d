import { useCallback, useEffect, useState } from 'react';
import { useStoredState } from '../../lib/hooks.js';

export const MIN_PANE = 320;
/** The grid keeps at least this much room beside the pane. */
const MIN_GRID = 360;

const isWidth = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= MIN_PANE && v <= 4000;

function viewportWidth(): number {
  return typeof window === 'undefined' ? 1440 : window.innerWidth;
}

/** 40% of the window, between 420 and 720 px: room for the fields and the raw record at 1440 px. */
export function defaultPaneWidth(vw = viewportWidth()): number {
  return Math.round(Math.min(720, Math.max(420, vw * 0.4)));
}

export function clampPaneWidth(w: number, vw = viewportWidth()): number {
  return Math.round(Math.max(MIN_PANE, Math.min(w, Math.max(MIN_PANE, vw - MIN_GRID))));
}

/** The details pane's width: remembered, kept within the window, 0 in storage meaning "default". */
export function usePaneWidth(): { width: number; setWidth: (w: number) => void; reset: () => void; max: number } {
  const [stored, store] = useStoredState<number>('auditlens.detailsWidth', 0, (v): v is number => v === 0 || isWidth(v));
  const [vw, setVw] = useState(viewportWidth);
  useEffect(() => {
    const onResize = () => setVw(viewportWidth());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const width = clampPaneWidth(stored || defaultPaneWidth(vw), vw);
  const setWidth = useCallback((w: number) => store(clampPaneWidth(w, viewportWidth())), [store]);
  const reset = useCallback(() => store(0), [store]);
  return { width, setWidth, reset, max: Math.max(MIN_PANE, vw - MIN_GRID) };
}
