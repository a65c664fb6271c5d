import { useEffect, useState } from 'react';
import type { Swimlanes } from '../../../../shared/contract/timeline.js';
import { api, errorMessage } from '../../api/index.js';

export interface SwimlanesState {
  data: Swimlanes | null;
  loading: boolean;
  error: string | null;
}

/** The busiest actors of the current result over time; stale answers (query changed meanwhile) are dropped. */
export function useSwimlanes(query: string, buckets: number, actors: number, version: number, enabled: boolean): SwimlanesState {
  const [state, setState] = useState<SwimlanesState>({ data: null, loading: false, error: null });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api.invoke('events:swimlanes', { query, buckets, actors }).then(
      (data) => live && setState({ data, loading: false, error: null }),
      (err: unknown) => live && setState({ data: null, loading: false, error: errorMessage(err) }),
    );
    return () => {
      live = false;
    };
  }, [query, buckets, actors, version, enabled]);
  return state;
}
