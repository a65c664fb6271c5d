import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import type { Order } from '../../../../shared/contract/channels.js';
import type { Place } from './view-place.js';
import { describeQuery, popView, pushView, withPanel, withQuery, withZoomIn, withZoomOut, type Panel, type View } from './view-stack.js';

/** What Back asks the table or panel to put back: a place, for one query and order (`key`). */
export interface Restore {
  place: Place;
  key: string;
}

const NO_ZOOMS: readonly string[] = [];

export const viewKey = (query: string, order: Order): string => `${order}\u0000${query}`;

export interface ViewStack {
  views: View[];
  current: View;
  query: string;
  setQuery: (next: string | ((q: string) => string)) => void;
  /** Opens a new view on top; Back returns to the current one as it is now (query, order and place). */
  push: (view: { query: string; panel?: Panel | null; title?: string; order?: Order; place?: Place | null }) => void;
  /** The current view's timeline zoom history (queries before each zoom, oldest first); each view has its own. */
  zooms: readonly string[];
  /** Records a zoom from `before` in the current view's history (the caller then applies the zoomed query). */
  pushZoom: (before: string) => void;
  /** Spends the current view's last zoom step (the caller restores the query it held). */
  popZoom: () => void;
  /** Changes the current view's panel (e.g. the context's N), without a new step in the trail. */
  setPanel: (panel: Panel, query?: string) => void;
  back: () => void;
  /** A fresh trail keeping the query (another case was opened: its events are not the ones the views point at). */
  reset: () => void;
  canGoBack: boolean;
  /** The table or panel on screen says where the analyst is, so a push can remember it. */
  placeSource: MutableRefObject<(() => Place | null) | null>;
  /** Set by Back (or a push that names a place): the table or panel restores it, then it is spent. */
  restore: Restore | null;
}

export function useViewStack(order: Order, setOrder: (o: Order) => void): ViewStack {
  const [views, setViews] = useState<View[]>(() => [{ query: '', order, panel: null, title: 'all events' }]);
  const [restore, setRestore] = useState<Restore | null>(null);
  const placeSource = useRef<(() => Place | null) | null>(null);
  const current = views[views.length - 1];

  const setQuery = useCallback((next: string | ((q: string) => string)) => {
    setRestore(null);
    setViews((s) => withQuery(s, typeof next === 'function' ? next(s[s.length - 1].query) : next));
  }, []);
  const push = useCallback<ViewStack['push']>(
    (v) => {
      const leaving = placeSource.current?.() ?? null;
      const nextOrder = v.order ?? order;
      setRestore(v.place ? { place: v.place, key: viewKey(v.query, nextOrder) } : null);
      setViews((s) =>
        pushView(s, order, { query: v.query, order: nextOrder, panel: v.panel ?? null, title: v.title ?? describeQuery(v.query) }, leaving),
      );
      if (v.order && v.order !== order) setOrder(v.order);
    },
    [order, setOrder],
  );
  const setPanel = useCallback((panel: Panel, query?: string) => setViews((s) => withPanel(s, panel, query)), []);
  const pushZoom = useCallback((before: string) => setViews((s) => withZoomIn(s, before)), []);
  const popZoom = useCallback(() => setViews(withZoomOut), []);
  const back = useCallback(() => {
    if (views.length < 2) return;
    const to = views[views.length - 2];
    setRestore(to.place ? { place: to.place, key: viewKey(to.query, to.order) } : null);
    setViews(popView);
  }, [views]);
  // The query stays (it means the same in any case); the trail and panels, which point at events, go.
  const reset = useCallback(() => {
    setRestore(null);
    setViews((s) => [{ ...s[s.length - 1], order, panel: null, place: null }]);
  }, [order]);

  // Back restores the order the analyst had in that view.
  useEffect(() => {
    if (current.order !== order) setOrder(current.order);
    // Only when the view changes: the order control itself changes `order` within a view.
  }, [views.length]);

  const zooms = current.zooms ?? NO_ZOOMS;
  return useMemo(
    () => ({
      views, current, query: current.query, setQuery, push, zooms, pushZoom, popZoom, setPanel, back, reset, canGoBack: views.length > 1,
      placeSource, restore,
    }),
    [views, current, setQuery, push, zooms, pushZoom, popZoom, setPanel, back, reset, restore],
  );
}
