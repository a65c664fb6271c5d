import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefCallback } from 'react';
import { flushSync } from 'react-dom';
import { clamp, fromScrollTop, revealRow, rowOffset, scrollGeometry, toScrollTop, visibleRows } from './scroll-math.js';

/**
 * Browsers cap an element's height (about 33.5M px in Chromium, 17.9M in Firefox). Past this many pixels the
 * scroll range is scaled: scrollTop maps proportionally onto the virtual position, and the last scroll position
 * maps exactly onto the last row.
 */
export const MAX_SCROLL_PX = readMaxScrollPx();

/**
 * 10M px, or a smaller cap from localStorage `auditlens.maxScrollPx` so the end-to-end tests can exercise the
 * scaled path with a 100k-row case instead of generating millions of rows.
 */
function readMaxScrollPx(): number {
  try {
    const v = Number(localStorage.getItem('auditlens.maxScrollPx'));
    if (Number.isFinite(v) && v >= 10_000 && v < 10_000_000) return v;
  } catch {
    /* no storage */
  }
  return 10_000_000;
}

export interface VirtualScroll {
  containerRef: RefCallback<HTMLDivElement>;
  headerRef: RefCallback<HTMLDivElement>;
  /** Height of the scrollable body (the spacer), capped at MAX_SCROLL_PX. */
  bodyHeight: number;
  scaled: boolean;
  /** First and last (inclusive) rows at least partly visible; last < first when there are no rows. */
  first: number;
  last: number;
  /** Rows to render (visible plus overscan), [from, to). */
  renderFrom: number;
  renderTo: number;
  /** Full rows that fit in the viewport (for PageUp/PageDown). */
  pageRows: number;
  /** Top of row `i` inside the body, valid for rows in the render range. */
  rowTop: (i: number) => number;
  /** Scrolls the least needed so row `i` is fully visible. */
  ensureVisible: (i: number) => void;
  /** Virtual position: pixels from the top of the whole (unscaled) list. */
  v: number;
}

interface Pos {
  /** Virtual position: pixels from the top of the whole (unscaled) list. */
  v: number;
  /** The element's scrollTop that goes with it. */
  s: number;
}

/**
 * One small hook for both the plain and the scaled case. In the plain case v == scrollTop and rows sit at
 * i * rowHeight. In the scaled case rows are placed relative to the current scrollTop, and the wheel is handled
 * here (pixel-exact) instead of letting one notch jump thousands of rows.
 */
export function useVirtualScroll(total: number, rowHeight: number, resetKey: string, restoreTo: { v: number } | null = null): VirtualScroll {
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const [header, setHeader] = useState<HTMLDivElement | null>(null);
  const [viewport, setViewport] = useState(0);
  const viewportRef = useRef(0);
  viewportRef.current = viewport;
  const [pos, setPos] = useState<Pos>({ v: 0, s: 0 });
  const posRef = useRef(pos);
  /** A position Back asked for, kept until the list is long enough to reach it (rows load after the view returns). */
  const pending = useRef<number | null>(null);

  const g0 = scrollGeometry(total, rowHeight, viewport, MAX_SCROLL_PX);
  const { scaled, bodyHeight } = g0;
  const geo = useRef(g0);
  geo.current = g0;

  const commit = useCallback((p: Pos) => {
    posRef.current = p;
    setPos((old) => (old.v === p.v && old.s === p.s ? old : p));
  }, []);

  /** Moves to virtual position v and puts the scrollbar where it belongs. */
  const setV = useCallback(
    (v: number) => {
      if (!el) return;
      const g = geo.current;
      const target = clamp(v, 0, g.maxV);
      el.scrollTop = toScrollTop(target, g);
      const s = el.scrollTop;
      commit({ v: g.scaled ? target : s, s });
    },
    [el, commit],
  );

  // Viewport size.
  useLayoutEffect(() => {
    if (!el) return;
    const measure = () => setViewport(Math.max(0, el.clientHeight - (header?.offsetHeight ?? 0)));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    if (header) ro.observe(header);
    return () => ro.disconnect();
  }, [el, header]);

  // Scroll events: the user dragged the scrollbar, used keys on the container, or the browser clamped.
  useEffect(() => {
    if (!el) return;
    const onScroll = () => {
      const s = el.scrollTop;
      const g = geo.current;
      if (!g.scaled) return commit({ v: s, s });
      const cur = posRef.current;
      if (Math.abs(toScrollTop(cur.v, g) - s) <= 1) return commit({ v: cur.v, s }); // our own write
      commit({ v: fromScrollTop(s, g), s });
    };
    // Render in the same frame as the scroll so rows never lag behind the scrollbar.
    const listener = () => flushSync(onScroll);
    el.addEventListener('scroll', listener, { passive: true });
    return () => el.removeEventListener('scroll', listener);
  }, [el, commit]);

  // Scaled mode: pixel-exact wheel scrolling in virtual space.
  useEffect(() => {
    if (!el || !scaled) return;
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || e.deltaY === 0) return;
      e.preventDefault();
      const unit = e.deltaMode === 1 ? rowHeight : e.deltaMode === 2 ? viewport : 1;
      if (e.deltaX) el.scrollLeft += e.deltaX * unit;
      flushSync(() => setV(posRef.current.v + e.deltaY * unit));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [el, scaled, rowHeight, viewport, setV]);

  // New result: back to the top.
  useLayoutEffect(() => {
    pending.current = null;
    setV(0);
  }, [resetKey, setV]);

  // Back to an earlier view: where the analyst was (after the reset above when both change at once).
  const applyPending = useCallback(() => {
    if (pending.current === null) return;
    setV(pending.current);
    if (geo.current.maxV >= pending.current && posRef.current.v === pending.current) pending.current = null;
  }, [setV]);
  useLayoutEffect(() => {
    if (!restoreTo) return;
    pending.current = restoreTo.v;
    applyPending();
  }, [restoreTo, applyPending]);

  // Size changes: re-clamp and re-map the scrollbar (the scale factor depends on total and viewport).
  useLayoutEffect(() => {
    if (pending.current !== null) applyPending();
    else setV(posRef.current.v);
  }, [total, viewport, scaled, setV, applyPending]);

  const ensureVisible = useCallback(
    (i: number) => {
      const target = revealRow(i, posRef.current.v, viewportRef.current, rowHeight);
      if (target !== null) setV(target);
    },
    [rowHeight, setV],
  );

  const { first, last } = visibleRows(pos.v, viewport, total, rowHeight);
  const overscan = scaled ? 3 : 10;
  const renderFrom = Math.max(0, first - overscan);
  const renderTo = total > 0 ? Math.min(total, last + 1 + overscan) : 0;
  const rowTop = (i: number) => rowOffset(i, rowHeight, pos);

  return {
    containerRef: setEl,
    headerRef: setHeader,
    bodyHeight,
    scaled,
    first,
    last,
    renderFrom,
    renderTo,
    pageRows: Math.max(1, Math.floor(viewport / rowHeight)),
    rowTop,
    ensureVisible,
    v: pos.v,
  };
}
