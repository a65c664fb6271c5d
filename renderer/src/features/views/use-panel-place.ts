import { useEffect, useRef, type MutableRefObject } from 'react';
import type { Restore } from './use-view-stack.js';
import type { Place } from './view-place.js';

/** A panel's rows that take focus (sessions, surrounding events, sequences). */
const ROWS = 'tbody tr[tabindex]';

/**
 * A panel's side of the way back: remembers which of its rows had focus when the analyst left, and puts focus on a
 * row when the panel shows (that row after Back; else the row the panel marks as current, e.g. the chosen event,
 * else the first), as soon as its rows have loaded.
 */
export function usePanelPlace(
  placeSource: MutableRefObject<(() => Place | null) | null>,
  restore: Restore | null,
  key: string,
): MutableRefObject<HTMLDivElement | null> {
  const box = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const capture = (): Place | null => {
      const rows = box.current ? [...box.current.querySelectorAll(ROWS)] : [];
      const at = rows.findIndex((r) => r === document.activeElement || r.contains(document.activeElement));
      return at >= 0 ? { kind: 'panel', focusedRow: at } : null;
    };
    placeSource.current = capture;
    return () => {
      if (placeSource.current === capture) placeSource.current = null;
    };
  }, [placeSource]);

  const wanted = restore && restore.key === key && restore.place.kind === 'panel' ? restore.place.focusedRow : null;
  const shown = useRef(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // The same panel under a new query (the timeline zoomed over the sessions): focus stays where the analyst is.
    const again = shown.current;
    shown.current = true;
    const active = document.activeElement;
    if (again && wanted === null && active && active !== document.body && !el.contains(active)) return;
    const tryFocus = (): boolean => {
      const rows = [...el.querySelectorAll<HTMLElement>(ROWS)];
      if (rows.length === 0 || el.querySelector('[aria-busy="true"]')) return false;
      // Leave focus alone if the analyst already moved into the panel (a control, or a row the panel focused).
      if (wanted === null && el.contains(document.activeElement) && document.activeElement !== el) return true;
      const row = (wanted !== null ? rows[Math.min(wanted, rows.length - 1)] : null) ?? rows.find((r) => r.tabIndex === 0) ?? rows[0];
      rows.forEach((r) => (r.tabIndex = r === row ? 0 : -1));
      row.focus({ preventScroll: false });
      return true;
    };
    if (tryFocus()) return;
    const watch = new MutationObserver(() => tryFocus() && watch.disconnect());
    watch.observe(el, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    return () => watch.disconnect();
  }, [key, wanted]);
  return box;
}
