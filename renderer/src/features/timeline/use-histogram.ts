import { useEffect, useState } from 'react';
import type { Histogram } from '../../../../shared/contract/channels.js';
import type { StackBy } from '../../../../shared/contract/timeline.js';
import { api, errorMessage } from '../../api/index.js';

export interface HistogramState {
  data: Histogram | null;
  loading: boolean;
  error: string | null;
}

/** The current result's histogram; stale answers (query changed meanwhile) are dropped. */
export function useHistogram(query: string, buckets: number, version: number, enabled: boolean, stackBy?: StackBy): HistogramState {
  const [state, setState] = useState<HistogramState>({ data: null, loading: false, error: null });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const t = setTimeout(() => {
      api.invoke('events:histogram', { query, buckets, stackBy }).then(
        (data) => live && setState({ data, loading: false, error: null }),
        (err: unknown) => live && setState({ data: null, loading: false, error: errorMessage(err) }),
      );
    }, 0);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query, buckets, version, enabled, stackBy]);
  return state;
}
