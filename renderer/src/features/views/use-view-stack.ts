import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Order } from '../../../../shared/contract/channels.js';
import { describeQuery, popView, pushView, withPanel, withQuery, type Panel, type View } from './view-stack.js';

export interface ViewStack {
  views: View[];
  current: View;
  query: string;
  setQuery: (next: string | ((q: string) => string)) => void;
  /** Opens a new view on top; Back returns to the current one as it is now. */
  push: (view: { query: string; panel?: Panel | null; title?: string; order?: Order }) => void;
  /** Changes the current view's panel (e.g. the context's N), without a new step in the trail. */
  setPanel: (panel: Panel, query?: string) => void;
  back: () => void;
  /** A fresh trail keeping the query (another case was opened: its events are not the ones the views point at). */
  reset: () => void;
  canGoBack: boolean;
}

export function useViewStack(order: Order, setOrder: (o: Order) => void): ViewStack {
  const [views, setViews] = useState<View[]>(() => [{ query: '', order, panel: null, title: 'all events' }]);
  const current = views[views.length - 1];

  const setQuery = useCallback((next: string | ((q: string) => string)) => {
    setViews((s) => withQuery(s, typeof next === 'function' ? next(s[s.length - 1].query) : next));
  }, []);
  const push = useCallback<ViewStack['push']>(
    (v) => {
      setViews((s) => pushView(s, order, {
        query: v.query, order: v.order ?? order, panel: v.panel ?? null, title: v.title ?? describeQuery(v.query),
      }));
      if (v.order && v.order !== order) setOrder(v.order);
    },
    [order, setOrder],
  );
  const setPanel = useCallback((panel: Panel, query?: string) => setViews((s) => withPanel(s, panel, query)), []);
  const back = useCallback(() => setViews(popView), []);
  // The query stays (it means the same in any case); the trail and panels, which point at events, go.
  const reset = useCallback(() => setViews((s) => [{ ...s[s.length - 1], order, panel: null }]), [order]);

  // Back restores the order the analyst had in that view.
  useEffect(() => {
    if (current.order !== order) setOrder(current.order);
    // Only when the view changes: the order control itself changes `order` within a view.
  }, [views.length]);

  return useMemo(
    () => ({ views, current, query: current.query, setQuery, push, setPanel, back, reset, canGoBack: views.length > 1 }),
    [views, current, setQuery, push, setPanel, back, reset],
  );
}
