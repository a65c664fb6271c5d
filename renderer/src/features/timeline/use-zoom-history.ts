import { useCallback, useState } from 'react';

export interface ZoomHistory {
  /** Queries as they were before each zoom, oldest first. */
  stack: string[];
  /** Remembers `current` and applies the zoomed query. */
  zoom: (current: string, zoomed: string) => void;
  /** Restores the query from before the last zoom; false when there is none. */
  back: () => boolean;
}

/** The timeline's zoom history: every brush or bar click can be undone, one step at a time. */
export function useZoomHistory(onQuery: (query: string) => void): ZoomHistory {
  const [stack, setStack] = useState<string[]>([]);
  const zoom = useCallback(
    (current: string, zoomed: string) => {
      if (zoomed === current) return;
      setStack((s) => [...s, current]);
      onQuery(zoomed);
    },
    [onQuery],
  );
  const back = useCallback(() => {
    if (stack.length === 0) return false;
    onQuery(stack[stack.length - 1]);
    setStack(stack.slice(0, -1));
    return true;
  }, [stack, onQuery]);
  return { stack, zoom, back };
}
