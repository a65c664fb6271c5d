import { useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../../api/index.js';

export interface ResultCount {
  count: number | null;
  exact: boolean;
  /** The exact count is still being computed. */
  refining: boolean;
  error: string | null;
}

/**
 * Estimate first (cheap, from indexes/statistics), then the exact count in the background. Neither blocks the
 * table; answers for an older query are dropped.
 */
export function useResultCount(query: string, version: number): ResultCount {
  const [state, setState] = useState<ResultCount>({ count: null, exact: false, refining: true, error: null });
  const lastQuery = useRef(query);
  useEffect(() => {
    let live = true;
    // Same query, newer data: keep showing the old number while refreshing. New query: the old number is wrong.
    const sameQuery = lastQuery.current === query;
    lastQuery.current = query;
    setState((s) => (sameQuery ? { ...s, refining: true, error: null } : { count: null, exact: false, refining: true, error: null }));
    api.invoke('events:count', { query, exact: false }).then(
      (r) => {
        if (!live) return;
        setState({ count: r.count, exact: r.exact, refining: !r.exact, error: null });
        if (r.exact) return;
        return api.invoke('events:count', { query, exact: true }).then((x) => {
          if (live) setState({ count: x.count, exact: true, refining: false, error: null });
        });
      },
    ).catch((err: unknown) => {
      if (live) setState({ count: null, exact: false, refining: false, error: errorMessage(err) });
    });
    return () => {
      live = false;
    };
  }, [query, version]);
  return state;
}
