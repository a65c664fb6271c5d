import { useCallback, useState } from 'react';
import { usePivot } from '../views/pivot.js';

export interface ZoomHistory {
  /** Queries as they were before each zoom, oldest first. */
  stack: readonly string[];
  /** Remembers `current` and applies the zoomed query. */
  zoom: (current: string, zoomed: string) => void;
  /** Restores the query from before the last zoom; false when there is none. */
  back: () => boolean;
}

/**
 * The timeline's zoom history: every brush or bar click can be undone, one step at a time. The history belongs to
 * the current view of the view stack (through the pivot context): zooms in a pivoted view do not mix with those of
 * the view it came from, Back returns to that view's own steps, and a new view starts with none. Without a view
 * stack (a timeline on its own) the history is local.
 */
export function useZoomHistory(onQuery: (query: string) => void): ZoomHistory {
  const viewZoom = usePivot()?.zoom ?? null;
  const [local, setLocal] = useState<readonly string[]>([]);
  const stack = viewZoom ? viewZoom.steps : local;
  const remember = viewZoom?.remember;
  const forget = viewZoom?.forget;
  const zoom = useCallback(
    (current: string, zoomed: string) => {
      if (zoomed === current) return;
      if (remember) remember(current);
      else setLocal((s) => [...s, current]);
      onQuery(zoomed);
    },
    [onQuery, remember],
  );
  const back = useCallback(() => {
    if (stack.length === 0) return false;
    onQuery(stack[stack.length - 1]);
    if (forget) forget();
    else setLocal(stack.slice(0, -1));
    return true;
  }, [stack, onQuery, forget]);
  return { stack, zoom, back };
}
